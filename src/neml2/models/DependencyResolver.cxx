#include "neml2/models/DependencyResolver.h"
#include "neml2/misc/error.h"

#include <algorithm>
#include <functional>
#include <set>

namespace neml2
{
void
DependencyResolver::add_node(const std::string & node, const std::vector<std::string> & consumes,
                             const std::vector<std::string> & provides)
{
  for (const auto & n : _nodes)
    NEML2_CHECK(n.name != node, ModelError, "'", node, "' is listed twice");
  _nodes.push_back({node, consumes, provides});
}

void
DependencyResolver::resolve()
{
  _provider.clear();
  _order.clear();
  for (std::size_t i = 0; i < _nodes.size(); ++i)
    for (const auto & item : _nodes[i].provides)
    {
      auto [it, inserted] = _provider.emplace(item, i);
      NEML2_CHECK(inserted, ModelError, "'", item, "' is provided by both '",
                  _nodes[it->second].name, "' and '", _nodes[i].name,
                  "'; each variable needs exactly one provider");
    }

  // deps[i]: nodes that must run before node i, with the item that links them
  const auto n = _nodes.size();
  std::vector<std::vector<std::pair<std::size_t, std::string>>> deps(n);
  for (std::size_t i = 0; i < n; ++i)
    for (const auto & item : _nodes[i].consumes)
    {
      auto it = _provider.find(item);
      if (it != _provider.end() && it->second != i)
        deps[i].emplace_back(it->second, item);
    }

  // Depth-first topological sort in insertion order; a back edge is a cycle.
  enum class Mark
  {
    None,
    Active,
    Done
  };
  std::vector<Mark> mark(n, Mark::None);
  std::vector<std::size_t> stack;
  std::function<void(std::size_t)> visit = [&](std::size_t i)
  {
    if (mark[i] == Mark::Done)
      return;
    if (mark[i] == Mark::Active)
    {
      // Report the cycle: from the first occurrence of i on the stack back to i.
      auto from = std::find(stack.begin(), stack.end(), i);
      std::vector<std::string> parts;
      for (auto it = from; it != stack.end(); ++it)
      {
        const auto next = (it + 1 == stack.end()) ? i : *(it + 1);
        std::string via;
        for (const auto & [d, item] : deps[*it])
          if (d == next)
          {
            via = item;
            break;
          }
        parts.push_back("'" + _nodes[*it].name + "' needs '" + via + "' from '" +
                        _nodes[next].name + "'");
      }
      std::vector<std::string> names;
      for (auto it = from; it != stack.end(); ++it)
        names.push_back(_nodes[*it].name);
      names.push_back(_nodes[i].name);
      throw ModelError("dependency cycle: " + utils::join(names, " -> ") + " (" +
                       utils::join(parts, "; ") + ")");
    }
    mark[i] = Mark::Active;
    stack.push_back(i);
    for (const auto & [d, item] : deps[i])
      visit(d);
    stack.pop_back();
    mark[i] = Mark::Done;
    _order.push_back(_nodes[i].name);
  };
  for (std::size_t i = 0; i < n; ++i)
    visit(i);
}

std::vector<std::string>
DependencyResolver::external_inputs() const
{
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto & name : _order)
  {
    const auto & node =
        *std::find_if(_nodes.begin(), _nodes.end(), [&](const Node & x) { return x.name == name; });
    const auto self = static_cast<std::size_t>(&node - _nodes.data());
    for (const auto & item : node.consumes)
    {
      auto it = _provider.find(item);
      if ((it == _provider.end() || it->second == self) && seen.insert(item).second)
        out.push_back(item);
    }
  }
  return out;
}

std::vector<std::string>
DependencyResolver::unconsumed_outputs() const
{
  std::vector<std::string> out;
  for (const auto & name : _order)
  {
    const auto & node =
        *std::find_if(_nodes.begin(), _nodes.end(), [&](const Node & x) { return x.name == name; });
    for (const auto & item : node.provides)
    {
      bool consumed = false;
      for (const auto & other : _nodes)
        if (&other != &node &&
            std::find(other.consumes.begin(), other.consumes.end(), item) != other.consumes.end())
          consumed = true;
      if (!consumed)
        out.push_back(item);
    }
  }
  return out;
}

std::string
DependencyResolver::provider(const std::string & item) const
{
  auto it = _provider.find(item);
  return it == _provider.end() ? std::string() : _nodes[it->second].name;
}
} // namespace neml2
