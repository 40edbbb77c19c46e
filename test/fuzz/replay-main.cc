// Replays fuzz inputs through LLVMFuzzerTestOneInput without libFuzzer: every
// file under the directories (or files) given as arguments. Bazel runs it as
// //:fuzz_corpus_test over the committed seed corpus and the regression
// inputs (every fuzz finding), under -c opt and --config=asan. A violation
// aborts (the test fails, the input is named on stderr first).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  size_t replayed = 0;
  for (int i = 1; i < argc; i++) {
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(argv[i])) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[i])) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else {
      files.push_back(argv[i]);
    }
    for (const auto& file : files) {
      std::ifstream stream(file, std::ios::binary);
      const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
      if (file.filename().string().rfind("README", 0) == 0) continue;
      fprintf(stderr, "replaying %s\n", file.c_str());
      LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
      replayed++;
    }
  }
  printf("replayed %zu fuzz inputs\n", replayed);
  return replayed == 0 ? 1 : 0;
}
