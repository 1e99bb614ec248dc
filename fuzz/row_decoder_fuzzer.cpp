// The runtime's result decoder on arbitrary bytes, against an arbitrary row shape: a
// value it cannot decode is an orm::runtime::error naming what is wrong, never a crash,
// another exception type, or a hang.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include <orm/runtime/decode.hpp>

namespace {
orm::runtime::shape fuzzed_shape(FuzzedDataProvider& in, int depth) {
  static const char* const keys[] = {"id", "name", "score", "data", "at", "on", "posts", "author", ""};
  orm::runtime::shape s;
  s.table = keys[in.ConsumeIntegralInRange<std::size_t>(0, 8)];
  for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 4); n > 0; --n)
    s.columns.emplace_back(keys[in.ConsumeIntegralInRange<std::size_t>(0, 8)],
                           static_cast<orm::column_kind>(in.ConsumeIntegralInRange<int>(0, 7)));
  if (depth < 3)
    for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 2); n > 0; --n) {
      s.nested_keys.push_back(keys[in.ConsumeIntegralInRange<std::size_t>(0, 8)]);
      s.nested.push_back(fuzzed_shape(in, depth + 1));
    }
  return s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const orm::runtime::shape shape = fuzzed_shape(in, 0);
  const std::string row = in.ConsumeRemainingBytesAsString();
  static orm::runtime::row_decoder decoder;  // reused, as a database reuses its own
  try {
    (void)decoder.decode(row, shape);
  } catch (const orm::runtime::error&) {
    // refused, with a message: what a caller sees
  }
  return 0;
}
