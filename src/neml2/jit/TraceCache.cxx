#include "neml2/jit/TraceCache.h"

#include <atomic>

namespace neml2::jit
{
namespace
{
std::atomic<std::size_t> g_traces{0};
std::atomic<std::size_t> g_eager{0};
std::atomic<std::size_t> g_runs{0};
} // namespace

Statistics
statistics()
{
  return Statistics{g_traces.load(), g_eager.load(), g_runs.load()};
}

namespace detail
{
void
count_trace()
{
  ++g_traces;
}
void
count_eager_fallback()
{
  ++g_eager;
}
void
count_compiled_run()
{
  ++g_runs;
}
} // namespace detail

std::shared_ptr<const TraceEntry>
TraceCache::find(const TraceKey & key) const
{
  std::lock_guard<std::mutex> lock(_mutex);
  auto it = _entries.find(key);
  return it == _entries.end() ? nullptr : it->second;
}

std::shared_ptr<const TraceEntry>
TraceCache::insert(const TraceKey & key, TraceEntry entry)
{
  std::lock_guard<std::mutex> lock(_mutex);
  if (entry.function)
  {
    ++_num_traces;
    detail::count_trace();
  }
  auto ptr = std::make_shared<const TraceEntry>(std::move(entry));
  _entries[key] = ptr;
  return ptr;
}

void
TraceCache::clear()
{
  std::lock_guard<std::mutex> lock(_mutex);
  _entries.clear();
  _last_used.reset();
}

std::shared_ptr<const TraceEntry>
TraceCache::last_used() const
{
  std::lock_guard<std::mutex> lock(_mutex);
  return _last_used;
}

void
TraceCache::mark_used(const std::shared_ptr<const TraceEntry> & entry) const
{
  std::lock_guard<std::mutex> lock(_mutex);
  _last_used = entry;
}

std::vector<std::pair<TraceKey, std::shared_ptr<const TraceEntry>>>
TraceCache::entries() const
{
  std::lock_guard<std::mutex> lock(_mutex);
  return {_entries.begin(), _entries.end()};
}
} // namespace neml2::jit
