// Orders a set of nodes (models) that consume and provide named items (variables): each item has
// one provider, and a consumer runs after the provider of everything it consumes. Cycles and
// doubly provided items are errors that name the nodes and items involved.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace neml2
{
class DependencyResolver
{
public:
  /// Add a node with what it consumes and provides. Nodes keep their insertion order where the
  /// dependencies leave freedom.
  void add_node(const std::string & node, const std::vector<std::string> & consumes,
                const std::vector<std::string> & provides);

  /// Compute the order. Throws ModelError on a cycle or an item with two providers.
  void resolve();

  /// Nodes in evaluation order (after resolve()).
  const std::vector<std::string> & order() const { return _order; }
  /// Items consumed by some node and provided by no *other* node, in first-consumed order.
  std::vector<std::string> external_inputs() const;
  /// Items provided by a node and consumed by no other node, in evaluation order.
  std::vector<std::string> unconsumed_outputs() const;
  /// The node providing `item` ("" if none).
  std::string provider(const std::string & item) const;

private:
  struct Node
  {
    std::string name;
    std::vector<std::string> consumes;
    std::vector<std::string> provides;
  };
  std::vector<Node> _nodes;
  std::map<std::string, std::size_t> _provider;
  std::vector<std::string> _order;
};
} // namespace neml2
