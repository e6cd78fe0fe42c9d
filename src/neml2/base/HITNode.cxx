#include "neml2/base/HITNode.h"

#include <algorithm>
#include <cctype>
#include <ostream>

namespace neml2::hit
{
Node::Node(Kind kind, std::string name, SourceLocation where, Node * parent)
    : _kind(kind), _name(std::move(name)), _where(std::move(where)), _parent(parent)
{
}

std::string
Node::path() const
{
  if (!_parent || _parent->_kind == Kind::Root)
    return _name;
  return _parent->path() + "/" + _name;
}

std::vector<const Node *>
Node::sections() const
{
  std::vector<const Node *> out;
  for (const auto & c : _children)
    if (c->is_section())
      out.push_back(c.get());
  return out;
}

std::vector<const Node *>
Node::fields() const
{
  std::vector<const Node *> out;
  for (const auto & c : _children)
    if (c->is_field())
      out.push_back(c.get());
  return out;
}

const Node *
Node::child(const std::string & name) const
{
  for (const auto & c : _children)
    if (c->_name == name)
      return c.get();
  return nullptr;
}

Node *
Node::child(const std::string & name)
{
  for (auto & c : _children)
    if (c->_name == name)
      return c.get();
  return nullptr;
}

const Node *
Node::find(const std::string & path) const
{
  const Node * n = this;
  for (const auto & part : utils::split(path, "/"))
  {
    if (!n || !n->is_section())
      return nullptr;
    n = n->child(part);
  }
  return n == this ? nullptr : n;
}

Node &
Node::add_child(std::unique_ptr<Node> node)
{
  node->_parent = this;
  _children.push_back(std::move(node));
  return *_children.back();
}

std::vector<std::string>
Node::tokens() const
{
  return utils::split(_value);
}

std::vector<std::vector<std::string>>
Node::rows() const
{
  std::vector<std::vector<std::string>> out;
  std::string::size_type start = 0;
  while (true)
  {
    const auto end = _value.find(';', start);
    out.push_back(utils::split(_value.substr(start, end == std::string::npos ? end : end - start)));
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  // A trailing ';' does not open an empty row.
  if (out.size() > 1 && out.back().empty())
    out.pop_back();
  return out;
}

void
Node::render(std::ostream & os, int indent) const
{
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  if (_kind == Kind::Field)
  {
    os << pad << _name << " = ";
    // Unquoted only when the value reads back as one plain token.
    const bool plain =
        !_value.empty() && _value.front() != '\'' && _value.front() != '"' &&
        std::none_of(_value.begin(), _value.end(),
                     [](char c)
                     { return std::isspace(static_cast<unsigned char>(c)) || c == '#'; });
    if (plain)
      os << _value;
    else if (_value.find('\'') == std::string::npos)
      os << '\'' << _value << '\'';
    else if (_value.find('"') == std::string::npos)
      os << '"' << _value << '"';
    else
      throw ParseError("the value of '" + path() +
                           "' holds both quote characters and cannot be written as HIT",
                       _value_where);
    os << '\n';
    return;
  }
  const int inner = _kind == Kind::Root ? indent : indent + 2;
  if (_kind == Kind::Section)
    os << pad << '[' << _name << "]\n";
  for (const auto & c : _children)
    c->render(os, inner);
  if (_kind == Kind::Section)
    os << pad << "[]\n";
}
} // namespace neml2::hit
