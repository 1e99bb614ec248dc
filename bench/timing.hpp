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

// Two calls timed in many short slices, one of each in turn (the order swapped each
// slice): a slow phase of the machine, which here lasts seconds and can double a time,
// falls on both halves of a slice, and the median of the slices' ratios leaves it out.
struct paired_times {
  double a_micros, b_micros, a_over_b;
};
inline paired_times paired(const std::function<void(int)>& a, const std::function<void(int)>& b, int calls,
                           int slices) {
  std::vector<double> as, bs, ratios;
  const int per_slice = std::max(1, calls / slices);
  for (int s = 0; s < slices; ++s) {
    const auto run_a = [&] { as.push_back(micros_per_call(a, per_slice)); };
    const auto run_b = [&] { bs.push_back(micros_per_call(b, per_slice)); };
    if (s % 2) run_b(), run_a();
    else run_a(), run_b();
    ratios.push_back(as.back() / bs.back());
  }
  return {median(as), median(bs), median(ratios)};
}

}  // namespace bench
