// Small string helpers used across layers: splitting, joining, trimming, and the "did you mean"
// suggestion that every unknown-name error uses.
#pragma once

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace neml2::utils
{
/// Split on any character of `delims`, dropping empty pieces.
std::vector<std::string> split(std::string_view s, std::string_view delims = " \t\n\r");

/// Strip leading and trailing characters of `chars`.
std::string trim(std::string_view s, std::string_view chars = " \t\n\r");

bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);

template <typename Container>
std::string
join(const Container & items, std::string_view sep)
{
  std::ostringstream os;
  bool first = true;
  for (const auto & item : items)
  {
    if (!first)
      os << sep;
    os << item;
    first = false;
  }
  return os.str();
}

/// Optimal string alignment distance (Levenshtein with adjacent transpositions).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `name`, or an empty string when none is plausibly meant.
std::string nearest(std::string_view name, const std::vector<std::string> & candidates);

/// " Did you mean 'x'?" when a plausible candidate exists, otherwise "".
std::string did_you_mean(std::string_view name, const std::vector<std::string> & candidates);

/// Concatenate anything streamable.
template <typename... Args>
std::string
stringify(Args &&... args)
{
  std::ostringstream os;
  (os << ... << std::forward<Args>(args));
  return os.str();
}
} // namespace neml2::utils
