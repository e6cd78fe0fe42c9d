#include "neml2/base/HITParser.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace neml2::hit
{
namespace
{
namespace fs = std::filesystem;

std::string
read_file(const std::string & path, const SourceLocation & from)
{
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ParseError("cannot open input file '" + path + "'", from);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool
is_name_start(char c)
{
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

bool
is_name_char(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '/' || c == '.' ||
         c == '-' || c == '+' || c == '<' || c == '>' || c == '@' || c == '*';
}

/// Recursive-descent reader of one file (or command-line text) into an existing tree.
class Reader
{
public:
  Reader(std::string file, const std::string & text, std::vector<std::string> & include_stack)
      : _file(std::move(file)), _text(text), _include_stack(include_stack)
  {
  }

  /// Read the whole text into `target` (a section or the root).
  void read_into(Node & target)
  {
    // Sections opened in this text, with the section each header was written in: a header such as
    // [a/b] opens two sections and one '[]' returns to where it was written.
    std::vector<std::pair<Node *, SourceLocation>> open;
    Node * current = &target;
    while (true)
    {
      skip_blank_and_comments();
      if (eof())
        break;
      const auto here = location();
      const char c = peek();
      if (c == '[')
      {
        const auto header = read_header();
        if (header == "" || header == "../")
        {
          if (open.empty())
            throw ParseError("'[" + header + "]' closes a section, but no section is open", here);
          current = open.back().first;
          open.pop_back();
          continue;
        }
        auto name = header;
        if (utils::starts_with(name, "./"))
          name = name.substr(2);
        if (name.empty() || !valid_path(name))
          throw ParseError("invalid section name '[" + header + "]'", here);
        Node * opened_from = current;
        for (const auto & part : utils::split(name, "/"))
          current = &open_section(*current, part, here);
        open.emplace_back(opened_from, here);
        continue;
      }
      if (c == '!')
      {
        read_include(*current, here);
        continue;
      }
      if (!is_name_start(c))
        throw ParseError(utils::stringify("unexpected character '", c,
                                          "': expected a section header '[name]', a field "
                                          "'name = value', or a comment"),
                         here);
      read_field(*current);
    }
    if (!open.empty())
      throw ParseError("section opened here is never closed (expected '[]' before the end of the "
                       "file)",
                       open.back().second);
  }

private:
  /// A path of non-empty parts made of visible characters other than brackets, quotes, '=', '#'.
  static bool valid_path(const std::string & name)
  {
    if (name.empty() || name.front() == '/' || name.back() == '/' ||
        name.find("//") != std::string::npos)
      return false;
    for (char ch : name)
      if (std::isspace(static_cast<unsigned char>(ch)) ||
          !std::isprint(static_cast<unsigned char>(ch)) || ch == '[' || ch == ']' || ch == '=' ||
          ch == '#' || ch == '\'' || ch == '"')
        return false;
    return true;
  }

  Node & open_section(Node & parent, const std::string & name, const SourceLocation & here)
  {
    if (Node * existing = parent.child(name))
    {
      if (existing->is_field())
        throw ParseError("'[" + name + "]' opens a section, but '" + existing->path() +
                             "' is a field (set at " + existing->location().str() + ")",
                         here);
      return *existing; // a section opened twice is one section
    }
    return parent.add_child(std::make_unique<Node>(Node::Kind::Section, name, here));
  }

  std::string read_header()
  {
    const auto start = location();
    advance(); // '['
    std::string body;
    while (!eof() && peek() != ']' && peek() != '\n')
      body += advance();
    if (eof() || peek() != ']')
      throw ParseError("unterminated section header: expected ']'", start);
    advance();
    return utils::trim(body);
  }

  void read_include(Node & current, const SourceLocation & here)
  {
    std::string word;
    while (!eof() && !std::isspace(static_cast<unsigned char>(peek())))
      word += advance();
    if (word != "!include")
      throw ParseError("unknown directive '" + word + "' (only '!include FILE' is supported)",
                       here);
    skip_spaces();
    if (eof() || peek() == '\n' || peek() == '#')
      throw ParseError("'!include' needs a file name", here);
    std::string target;
    if (peek() == '\'' || peek() == '"')
      target = read_quoted().first;
    else
      while (!eof() && !std::isspace(static_cast<unsigned char>(peek())) && peek() != '#')
        target += advance();
    fs::path p(target);
    if (p.is_relative())
      p = fs::path(_file).parent_path() / p;
    const auto path = p.lexically_normal().string();
    for (const auto & f : _include_stack)
      if (f == path)
        throw ParseError("'!include " + target + "' includes itself (include chain: " +
                             utils::join(_include_stack, " -> ") + " -> " + path + ")",
                         here);
    const auto text = read_file(path, here);
    _include_stack.push_back(path);
    Reader(path, text, _include_stack).read_into(current);
    _include_stack.pop_back();
  }

  void read_field(Node & current)
  {
    const auto where = location();
    std::string key;
    while (!eof() && is_name_char(peek()))
      key += advance();
    skip_spaces();
    bool is_override = false;
    if (!eof() && peek() == ':' && peek(1) == '=')
    {
      is_override = true;
      advance();
      advance();
    }
    else if (!eof() && peek() == '=')
      advance();
    else
      throw ParseError("expected '=' after '" + key +
                           "' (a field is written 'name = value'; values with spaces need quotes)",
                       where);
    // Sections on the way may have any name; the field itself starts like a field written alone.
    const auto last = key.substr(key.rfind('/') + 1);
    if (!valid_path(key) || last.empty() || !is_name_start(last[0]))
      throw ParseError("invalid field name '" + key + "'", where);
    skip_spaces();
    const auto value_where = location();
    std::string value;
    bool quoted = false;
    if (!eof() && (peek() == '\'' || peek() == '"'))
    {
      value = read_quoted().first;
      quoted = true;
    }
    else
    {
      while (!eof() && !std::isspace(static_cast<unsigned char>(peek())) && peek() != '#')
        value += advance();
      if (value.empty())
        throw ParseError("missing value after '" + key + " =' (write '' for an empty value)",
                         where);
    }

    // A field may be written with a path ("Models/model/E = 1"): the sections on the way are
    // opened (or reused) as if written as headers.
    Node * section = &current;
    auto parts = utils::split(key, "/");
    const auto name = parts.back();
    parts.pop_back();
    for (const auto & part : parts)
      section = &open_section(*section, part, where);

    if (Node * existing = section->child(name))
    {
      if (existing->is_section())
        throw ParseError("'" + key + "' is already a section (opened at " +
                             existing->location().str() + ")",
                         where);
      if (!is_override)
        throw ParseError("duplicate field '" + existing->path() + "' (first set at " +
                             existing->location().str() + "); write ':=' to override it",
                         where);
      existing->set_value(value);
      existing->set_quoted(quoted);
      existing->set_value_location(value_where);
      existing->set_override(true);
      return;
    }
    auto node = std::make_unique<Node>(Node::Kind::Field, name, where);
    node->set_value(value);
    node->set_quoted(quoted);
    node->set_override(is_override);
    node->set_value_location(value_where);
    section->add_child(std::move(node));
  }

  std::pair<std::string, SourceLocation> read_quoted()
  {
    const auto start = location();
    const char q = advance();
    std::string out;
    while (!eof() && peek() != q)
      out += advance();
    if (eof())
      throw ParseError(utils::stringify("unterminated string: the ", q,
                                        " opened here is never "
                                        "closed"),
                       start);
    advance();
    return {out, start};
  }

  void skip_spaces()
  {
    while (!eof() && (peek() == ' ' || peek() == '\t' || peek() == '\r'))
      advance();
  }

  void skip_blank_and_comments()
  {
    while (!eof())
    {
      if (std::isspace(static_cast<unsigned char>(peek())))
        advance();
      else if (peek() == '#')
        while (!eof() && peek() != '\n')
          advance();
      else
        break;
    }
  }

  bool eof() const { return _pos >= _text.size(); }
  char peek(std::size_t ahead = 0) const
  {
    return _pos + ahead < _text.size() ? _text[_pos + ahead] : '\0';
  }
  char advance()
  {
    const char c = _text[_pos++];
    if (c == '\n')
    {
      ++_line;
      _col = 1;
    }
    else
      ++_col;
    return c;
  }
  SourceLocation location() const { return {_file, _line, _col}; }

  std::string _file;
  const std::string & _text;
  std::vector<std::string> & _include_stack;
  std::size_t _pos = 0;
  int _line = 1;
  int _col = 1;
};

// ---- ${...} substitution ----

constexpr std::size_t max_substituted_size = 1 << 20;

const Node *
lookup(const Node & field, const std::string & name)
{
  // Search from the field's own section outwards to the root.
  for (const Node * scope = field.parent(); scope; scope = scope->parent())
    if (const Node * n = scope->find(name))
      return n;
  return nullptr;
}

void substitute(Node & field, std::set<const Node *> & active);

std::string
resolved_value(const Node & referenced, std::set<const Node *> & active)
{
  substitute(const_cast<Node &>(referenced), active);
  return referenced.value();
}

void
substitute(Node & field, std::set<const Node *> & active)
{
  auto value = field.value();
  if (value.find("${") == std::string::npos)
    return;
  if (!active.insert(&field).second)
    throw ParseError("circular ${...} substitution through '" + field.path() + "'",
                     field.value_location());
  // Innermost first: each '}' closes the nearest '${' before it, which also handles nesting
  // such as ${E_${material}}.
  while (true)
  {
    const auto close = value.find('}');
    const auto open = value.rfind("${", close);
    if (open == std::string::npos || close == std::string::npos)
      break;
    const auto name = utils::trim(value.substr(open + 2, close - open - 2));
    const Node * ref = lookup(field, name);
    if (!ref || !ref->is_field())
      throw ParseError("unknown substitution '${" + name + "}' in the value of '" + field.path() +
                           "' (no field '" + name + "' in this section or any section around it)",
                       field.value_location());
    value = value.substr(0, open) + resolved_value(*ref, active) + value.substr(close + 1);
    // Substitutions that double at every level would grow without bound.
    if (value.size() > max_substituted_size)
      throw ParseError("the value of '" + field.path() + "' grows beyond " +
                           std::to_string(max_substituted_size) +
                           " characters through ${...} substitution",
                       field.value_location());
  }
  if (value.find("${") != std::string::npos)
    throw ParseError("unterminated substitution '${' in the value of '" + field.path() + "'",
                     field.value_location());
  field.set_value(value);
  active.erase(&field);
}

void
substitute_all(Node & node, std::set<const Node *> & active)
{
  for (auto & c : node.children())
  {
    if (c->is_field())
      substitute(*c, active);
    else
      substitute_all(*c, active);
  }
}

void
finish(Node & root)
{
  std::set<const Node *> active;
  substitute_all(root, active);
}
} // namespace

std::unique_ptr<Node>
parse_text(const std::string & filename, const std::string & text)
{
  auto root = std::make_unique<Node>(Node::Kind::Root, "", SourceLocation{filename, 0, 0});
  std::vector<std::string> stack{fs::path(filename).lexically_normal().string()};
  Reader(filename, text, stack).read_into(*root);
  finish(*root);
  return root;
}

std::unique_ptr<Node>
parse_file(const std::string & path)
{
  return parse_text(path, read_file(path, {}));
}

std::unique_ptr<Node>
parse_file_with_overrides(const std::string & path, const std::string & extra)
{
  auto root = std::make_unique<Node>(Node::Kind::Root, "", SourceLocation{path, 0, 0});
  std::vector<std::string> stack{fs::path(path).lexically_normal().string()};
  const auto text = read_file(path, {});
  Reader(path, text, stack).read_into(*root);
  if (!extra.empty())
  {
    std::vector<std::string> cli_stack{"<command line>"};
    Reader("<command line>", extra, cli_stack).read_into(*root);
  }
  finish(*root);
  return root;
}
} // namespace neml2::hit
