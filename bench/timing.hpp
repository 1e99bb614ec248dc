#pragma once
// What the benchmarks time with: a call run `calls` times, its mean in microseconds, and
// the median of rounds (machines here are noisy: ratios are taken within one run).
#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace bench {

inline double micros_per_call(const std::function<void(int)>& call, int calls) {
  const auto start = std::chrono::steady_clock::now();
  for (int k = 0; k < calls; ++k) call(k);
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / calls;
}

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace bench
