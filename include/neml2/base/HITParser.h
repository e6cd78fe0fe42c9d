// Reads HIT text into a hit::Node tree: sections (merged when opened twice), fields, quoted
// values, 1-D and 2-D arrays, comments, ':=' overrides, ${name} substitution and !include.
#pragma once

#include <memory>
#include <string>

#include "neml2/base/HITNode.h"

namespace neml2::hit
{
/// Parse the file at `path`. `!include` paths are relative to the including file.
std::unique_ptr<Node> parse_file(const std::string & path);

/// Parse `text`, reporting locations as `filename`. `!include` paths are relative to
/// `filename`'s directory.
std::unique_ptr<Node> parse_text(const std::string & filename, const std::string & text);

/// Parse the file at `path` and then `extra` (HIT given on the command line, e.g.
/// "Models/model/E:=10"), merged after the file's content.
std::unique_ptr<Node> parse_file_with_overrides(const std::string & path,
                                                const std::string & extra);
} // namespace neml2::hit
