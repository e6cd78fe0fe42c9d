// What the benchmarks share: their command line, the process setup, and a best-of-blocks timer.
#pragma once

#include <ATen/Parallel.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <malloc.h>
#include <string>

namespace neml2::bench
{
struct Args
{
  bool quick = false;
  int threads = 1;
  std::string csv;
};

/// Parse `[--quick] [--threads N] [--csv FILE]`; on anything else print the usage of `program`
/// and return false.
inline bool
parse_args(int argc, char ** argv, const char * program, Args & args)
{
  for (int i = 1; i < argc; ++i)
  {
    const std::string a = argv[i];
    if (a == "--quick")
      args.quick = true;
    else if (a == "--csv" && i + 1 < argc)
      args.csv = argv[++i];
    else if (a == "--threads" && i + 1 < argc && std::atoi(argv[i + 1]) > 0)
      args.threads = std::atoi(argv[++i]);
    else
    {
      std::fprintf(stderr, "usage: %s [--quick] [--threads N] [--csv FILE]\n", program);
      return false;
    }
  }
  return true;
}

/// Set the number of intra-op threads, and keep large buffers on the heap: with glibc's adaptive
/// mmap threshold, whether a large result costs fresh page faults depends on the history of
/// earlier frees, which would favour whichever side happened to run after a large free.
inline void
setup_process(int threads)
{
  at::set_num_threads(threads);
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
}

/// Seconds per call of `f`: 20 calls to warm up, then the best of `repeats` blocks of at least
/// `block_seconds` each, reading the clock every `calls_per_check` calls.
inline double
seconds_per_call(const std::function<void()> & f, double block_seconds, int repeats,
                 int calls_per_check = 1)
{
  using Clock = std::chrono::steady_clock;
  for (int i = 0; i < 20; ++i)
    f();
  double best = 1e300;
  for (int r = 0; r < repeats; ++r)
  {
    long n = 0;
    const auto start = Clock::now();
    double elapsed = 0;
    do
    {
      for (int i = 0; i < calls_per_check; ++i)
        f();
      n += calls_per_check;
      elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < block_seconds);
    best = std::min(best, elapsed / n);
  }
  return best;
}
} // namespace neml2::bench
