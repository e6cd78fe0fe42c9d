#include "neml2/base/OptionTraits.h"

#include <algorithm>
#include <c10/util/Exception.h>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>

namespace neml2
{
namespace detail
{
void
bad_value(const hit::Node & field, const std::string & token, const std::string & expected)
{
  throw OptionError("option '" + field.name() + "': expected " + expected + ", got '" + token + "'",
                    field.value_location());
}

std::string
single_token(const hit::Node & field, const std::string & expected)
{
  const auto toks = field.tokens();
  if (toks.size() != 1)
    throw OptionError("option '" + field.name() + "': expected a single " + expected + ", got " +
                          (toks.empty()
                               ? std::string("an empty value")
                               : std::to_string(toks.size()) + " values '" + field.value() + "'"),
                      field.value_location());
  return toks[0];
}

namespace
{
Size
parse_integer(const hit::Node & field, const std::string & token, const std::string & expected)
{
  errno = 0;
  char * end = nullptr;
  const long long v = std::strtoll(token.c_str(), &end, 10);
  if (token.empty() || *end != '\0' || errno == ERANGE)
    bad_value(field, token, expected);
  return static_cast<Size>(v);
}
} // namespace
} // namespace detail

bool
OptionTraits<bool>::parse_token(const hit::Node & field, const std::string & token)
{
  std::string t;
  for (char c : token)
    t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "true" || t == "on" || t == "yes" || t == "1")
    return true;
  if (t == "false" || t == "off" || t == "no" || t == "0")
    return false;
  detail::bad_value(field, token, "a boolean (true or false)");
}

void
OptionTraits<bool>::parse(const hit::Node & field, bool & out)
{
  out = parse_token(field, detail::single_token(field, "boolean"));
}

int
OptionTraits<int>::parse_token(const hit::Node & field, const std::string & token)
{
  const auto v = detail::parse_integer(field, token, "an integer");
  if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
    detail::bad_value(field, token, "an integer in the range of int");
  return static_cast<int>(v);
}

void
OptionTraits<int>::parse(const hit::Node & field, int & out)
{
  out = parse_token(field, detail::single_token(field, "integer"));
}

unsigned int
OptionTraits<unsigned int>::parse_token(const hit::Node & field, const std::string & token)
{
  const auto v = detail::parse_integer(field, token, "a non-negative integer");
  if (v < 0 || v > std::numeric_limits<unsigned int>::max())
    detail::bad_value(field, token, "a non-negative integer");
  return static_cast<unsigned int>(v);
}

void
OptionTraits<unsigned int>::parse(const hit::Node & field, unsigned int & out)
{
  out = parse_token(field, detail::single_token(field, "non-negative integer"));
}

Size
OptionTraits<Size>::parse_token(const hit::Node & field, const std::string & token)
{
  return detail::parse_integer(field, token, "an integer");
}

void
OptionTraits<Size>::parse(const hit::Node & field, Size & out)
{
  out = parse_token(field, detail::single_token(field, "integer"));
}

double
OptionTraits<double>::parse_token(const hit::Node & field, const std::string & token)
{
  errno = 0;
  char * end = nullptr;
  const double v = std::strtod(token.c_str(), &end);
  if (token.empty() || *end != '\0' || errno == ERANGE)
    detail::bad_value(field, token, "a real number");
  return v;
}

void
OptionTraits<double>::parse(const hit::Node & field, double & out)
{
  out = parse_token(field, detail::single_token(field, "real number"));
}

TensorShape
OptionTraits<TensorShape>::parse_token(const hit::Node & field, const std::string & token)
{
  const std::string expected = "a shape such as (5,6), (20) or ()";
  if (token.size() < 2 || token.front() != '(' || token.back() != ')')
    detail::bad_value(field, token, expected);
  TensorShape out;
  const auto body = token.substr(1, token.size() - 2);
  if (utils::trim(body).empty())
    return out;
  // Split keeping empty pieces, so that "(5,,6)" is an error rather than (5,6).
  std::string::size_type start = 0;
  while (true)
  {
    const auto comma = body.find(',', start);
    const auto piece =
        utils::trim(body.substr(start, comma == std::string::npos ? comma : comma - start));
    errno = 0;
    char * end = nullptr;
    const long long v = std::strtoll(piece.c_str(), &end, 10);
    if (piece.empty() || *end != '\0' || v < 0 || errno == ERANGE)
      detail::bad_value(field, token, expected);
    out.push_back(static_cast<Size>(v));
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  return out;
}

void
OptionTraits<TensorShape>::parse(const hit::Node & field, TensorShape & out)
{
  // Spaces inside the parentheses are allowed: "(5, 6)".
  std::string joined;
  for (const auto & t : field.tokens())
    joined += t;
  if (joined.empty())
    detail::bad_value(field, field.value(), "a shape such as (5,6), (20) or ()");
  out = parse_token(field, joined);
}

void
OptionTraits<TensorShape>::print(std::ostream & os, const TensorShape & v)
{
  os << '(';
  for (std::size_t i = 0; i < v.size(); ++i)
    os << (i ? "," : "") << v[i];
  os << ')';
}

Device
OptionTraits<Device>::parse_token(const hit::Node & field, const std::string & token)
{
  try
  {
    return Device(token);
  }
  catch (const c10::Error &)
  {
    detail::bad_value(field, token, "a device such as cpu, cuda or cuda:0");
  }
}

void
OptionTraits<Device>::parse(const hit::Node & field, Device & out)
{
  out = parse_token(field, detail::single_token(field, "device"));
}

void
OptionTraits<double>::print(std::ostream & os, double v)
{
  std::ostringstream ss;
  ss.precision(std::numeric_limits<double>::max_digits10);
  ss << v;
  // Prefer the short form when it reads back exactly.
  std::ostringstream shortform;
  shortform << v;
  os << (std::strtod(shortform.str().c_str(), nullptr) == v ? shortform.str() : ss.str());
}
} // namespace neml2
