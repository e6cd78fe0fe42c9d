#include "neml2/misc/string_utils.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace neml2::utils
{
std::vector<std::string>
split(std::string_view s, std::string_view delims)
{
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size())
  {
    const auto begin = s.find_first_not_of(delims, start);
    if (begin == std::string_view::npos)
      break;
    auto end = s.find_first_of(delims, begin);
    if (end == std::string_view::npos)
      end = s.size();
    out.emplace_back(s.substr(begin, end - begin));
    start = end;
  }
  return out;
}

std::string
trim(std::string_view s, std::string_view chars)
{
  const auto begin = s.find_first_not_of(chars);
  if (begin == std::string_view::npos)
    return {};
  const auto end = s.find_last_not_of(chars);
  return std::string(s.substr(begin, end - begin + 1));
}

bool
starts_with(std::string_view s, std::string_view prefix)
{
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool
ends_with(std::string_view s, std::string_view suffix)
{
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::size_t
edit_distance(std::string_view a, std::string_view b)
{
  const auto n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i)
    d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j)
    d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j)
    {
      const std::size_t cost = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                                       std::tolower(static_cast<unsigned char>(b[j - 1]))
                                   ? 0
                                   : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[n][m];
}

std::string
nearest(std::string_view name, const std::vector<std::string> & candidates)
{
  // A candidate is plausible when the edit distance is small relative to the name's length, or
  // when one name contains the other (a missing prefix such as "Scalar" in "VariableRate").
  std::string best;
  auto best_d = std::numeric_limits<std::size_t>::max();
  for (const auto & c : candidates)
  {
    const auto d = edit_distance(name, c);
    if (d < best_d)
    {
      best_d = d;
      best = c;
    }
  }
  if (best.empty())
    return {};
  const auto budget = std::max<std::size_t>(2, std::max(name.size(), best.size()) / 3);
  if (best_d <= budget)
    return best;
  for (const auto & c : candidates)
    if (name.size() >= 4 && c.find(name) != std::string::npos)
      return c;
  return {};
}

std::string
did_you_mean(std::string_view name, const std::vector<std::string> & candidates)
{
  const auto n = nearest(name, candidates);
  return n.empty() ? std::string() : " Did you mean '" + n + "'?";
}
} // namespace neml2::utils
