// The syntax catalogue: every registered object type with its section, documentation and options
// (type, default, doc). neml2-syntax prints it; the syntax reference in docs/ is generated from it.
#pragma once

#include <iosfwd>

namespace neml2
{
/// Plain text, grouped by section.
void print_syntax_text(std::ostream & os);
/// JSON: {"types": [{"type", "section", "doc", "options": [{"name", "type", "required",
/// "default", "doc"}]}]}.
void print_syntax_json(std::ostream & os);
/// Markdown, the form of docs/syntax.md.
void print_syntax_markdown(std::ostream & os);
} // namespace neml2
