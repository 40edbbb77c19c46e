// Memory with PROT_NONE guard pages on both sides, for bounds tests: a read or
// write one byte outside the data pages faults. And a SIGSEGV/SIGBUS handler
// that names the case running when the fault happened.
#pragma once

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace attnorm_reliability {

class GuardedRegion {
 public:
  // At least `floats` floats of data between two guard pages.
  explicit GuardedRegion(size_t floats) {
    page_ = (size_t) sysconf(_SC_PAGESIZE);
    data_bytes_ = (floats * sizeof(float) + page_ - 1) / page_ * page_;
    if (data_bytes_ == 0) data_bytes_ = page_;
    const size_t total = data_bytes_ + 2 * page_;
    void* base = mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) {
      perror("mmap");
      abort();
    }
    base_ = static_cast<char*>(base);
    if (mprotect(base_, page_, PROT_NONE) != 0 || mprotect(base_ + page_ + data_bytes_, page_, PROT_NONE) != 0) {
      perror("mprotect");
      abort();
    }
  }
  ~GuardedRegion() { munmap(base_, data_bytes_ + 2 * page_); }
  GuardedRegion(const GuardedRegion&) = delete;
  GuardedRegion& operator=(const GuardedRegion&) = delete;

  // First data float: the page before it is PROT_NONE.
  float* begin() { return reinterpret_cast<float*>(base_ + page_); }
  // One past the last data float: the page at it is PROT_NONE.
  float* end() { return reinterpret_cast<float*>(base_ + page_ + data_bytes_); }
  size_t floats() const { return data_bytes_ / sizeof(float); }

 private:
  size_t page_;
  size_t data_bytes_;
  char* base_;
};

// The case a fault would interrupt, printed by the handler.
inline char g_current_case[512];

inline void FaultHandler(int signal_number) {
  static const char kPrefix[] = "\nGUARD PAGE FAULT (read or write outside the buffer) in: ";
  ssize_t ignored = write(STDERR_FILENO, kPrefix, sizeof(kPrefix) - 1);
  ignored = write(STDERR_FILENO, g_current_case, strnlen(g_current_case, sizeof(g_current_case)));
  ignored = write(STDERR_FILENO, "\n", 1);
  (void) ignored;
  signal(signal_number, SIG_DFL);
  raise(signal_number);
}

inline void InstallFaultHandler() {
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  action.sa_handler = FaultHandler;
  sigemptyset(&action.sa_mask);
  sigaction(SIGSEGV, &action, nullptr);
  sigaction(SIGBUS, &action, nullptr);
}

}  // namespace attnorm_reliability
