// Per-model cache of compiled functions, one per trace key, with a record of keys that could not be
// traced (they run eagerly). Thread-safe.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "neml2/jit/CompiledFunction.h"
#include "neml2/jit/TraceKey.h"

namespace neml2::jit
{
/// One cached trace.
struct TraceEntry
{
  /// The compiled function; null when the key runs eagerly.
  std::shared_ptr<CompiledFunction> function;
  /// Why the key runs eagerly (empty when traced).
  std::string eager_reason;
  /// Number of trailing (non-dynamic) dimensions of each output, recorded when traced.
  std::vector<std::int64_t> output_trailing_dims;
  /// Number of intermediate dimensions of each output, recorded when traced.
  std::vector<std::int64_t> output_intmd_dims;
  /// What each output is, in the caller's terms (e.g. which variable and derivative).
  std::vector<std::array<std::int64_t, 3>> output_tags;
};

/// The flat function a model hands to the tracer: inputs in, outputs out.
using FlatFunction = std::function<std::vector<at::Tensor>(const std::vector<at::Tensor> &)>;

/// Counters over the whole process (tests use them to check that nothing is retraced).
struct Statistics
{
  std::size_t traces = 0;
  std::size_t eager_fallbacks = 0;
  std::size_t compiled_runs = 0;
};
Statistics statistics();

class TraceCache
{
public:
  /// The entry for `key`, or nullptr.
  std::shared_ptr<const TraceEntry> find(const TraceKey & key) const;
  /// Store an entry for `key` (replacing any previous one).
  std::shared_ptr<const TraceEntry> insert(const TraceKey & key, TraceEntry entry);
  /// Forget every trace (e.g. after the model changed structurally).
  void clear();

  /// Number of traces stored by this cache since construction (not reset by clear()).
  std::size_t num_traces() const { return _num_traces; }
  /// The most recently used entry (for graph dumps), or nullptr.
  std::shared_ptr<const TraceEntry> last_used() const;
  void mark_used(const std::shared_ptr<const TraceEntry> & entry) const;
  /// All entries with their keys.
  std::vector<std::pair<TraceKey, std::shared_ptr<const TraceEntry>>> entries() const;

private:
  mutable std::mutex _mutex;
  std::unordered_map<TraceKey, std::shared_ptr<const TraceEntry>, TraceKeyHash> _entries;
  mutable std::shared_ptr<const TraceEntry> _last_used;
  std::size_t _num_traces = 0;
};

namespace detail
{
void count_trace();
void count_eager_fallback();
void count_compiled_run();
} // namespace detail
} // namespace neml2::jit
