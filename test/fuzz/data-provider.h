// A small stand-in for libFuzzer's FuzzedDataProvider (which ships with clang,
// not with gcc, and the Bazel replay test builds with gcc): draws integers,
// booleans and the remaining bytes from a fuzz input, front to back. Past the
// end it returns zeros (the smallest value of a range).
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

class FuzzedDataProvider {
 public:
  FuzzedDataProvider(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  template <typename T>
  T ConsumeIntegral() {
    static_assert(std::is_integral<T>::value, "integers only");
    using U = typename std::make_unsigned<T>::type;
    U value = 0;
    for (size_t i = 0; i < sizeof(T) && size_ != 0; i++) {
      value = (U) ((value << 8) | *data_);
      data_++;
      size_--;
    }
    return (T) value;
  }

  // A value in [min, max], from as few bytes as the range needs.
  template <typename T>
  T ConsumeIntegralInRange(T min, T max) {
    const uint64_t range = (uint64_t) max - (uint64_t) min;
    uint64_t value = 0;
    for (uint64_t covered = 0; covered < range && size_ != 0; covered = (covered << 8) | 0xFF) {
      value = (value << 8) | *data_;
      data_++;
      size_--;
    }
    if (range != UINT64_MAX) value %= range + 1;
    return (T) ((uint64_t) min + value);
  }

  bool ConsumeBool() { return (ConsumeIntegral<uint8_t>() & 1) != 0; }

  template <typename T>
  std::vector<T> ConsumeRemainingBytes() {
    std::vector<T> bytes(data_, data_ + size_);
    data_ += size_;
    size_ = 0;
    return bytes;
  }

 private:
  const uint8_t* data_;
  size_t size_;
};
