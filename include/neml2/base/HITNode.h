// The document tree of a HIT input file: sections and fields, each with the file, line and column
// it was written at, so that every later error can point back to the text.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "neml2/misc/error.h"

namespace neml2::hit
{
class Node
{
public:
  enum class Kind
  {
    Root,
    Section,
    Field
  };

  Node(Kind kind, std::string name, SourceLocation where, Node * parent = nullptr);

  Kind kind() const { return _kind; }
  bool is_section() const { return _kind != Kind::Field; }
  bool is_field() const { return _kind == Kind::Field; }

  /// Name of the section or field (the last component of its path).
  const std::string & name() const { return _name; }
  /// Path from the root: "Models/eq1", "Models/eq1/type".
  std::string path() const;
  /// Where the section header or the field's name was written.
  const SourceLocation & location() const { return _where; }
  Node * parent() const { return _parent; }

  /// @name Sections
  ///@{
  const std::vector<std::unique_ptr<Node>> & children() const { return _children; }
  std::vector<const Node *> sections() const;
  std::vector<const Node *> fields() const;
  /// The direct child (section or field) named `name`, or nullptr.
  const Node * child(const std::string & name) const;
  Node * child(const std::string & name);
  /// Follow a '/'-separated path below this node, or nullptr.
  const Node * find(const std::string & path) const;
  Node & add_child(std::unique_ptr<Node> node);
  ///@}

  /// @name Fields
  ///@{
  /// The value text with quotes removed and substitutions applied.
  const std::string & value() const { return _value; }
  void set_value(std::string value) { _value = std::move(value); }
  /// Where the value text starts.
  const SourceLocation & value_location() const { return _value_where; }
  void set_value_location(SourceLocation where) { _value_where = std::move(where); }
  /// Whether the value was written in quotes.
  bool quoted() const { return _quoted; }
  void set_quoted(bool q) { _quoted = q; }
  /// Whether the field was written with ':=' (allowed to replace an earlier value).
  bool is_override() const { return _override; }
  void set_override(bool o) { _override = o; }
  /// The value split on whitespace.
  std::vector<std::string> tokens() const;
  /// The value split into rows on ';', each row split on whitespace (2-D arrays).
  std::vector<std::vector<std::string>> rows() const;
  ///@}

  /// Render back to HIT text (normalised layout).
  void render(std::ostream & os, int indent = 0) const;

private:
  Kind _kind;
  std::string _name;
  SourceLocation _where;
  Node * _parent;
  std::vector<std::unique_ptr<Node>> _children;

  std::string _value;
  SourceLocation _value_where;
  bool _quoted = false;
  bool _override = false;
};
} // namespace neml2::hit
