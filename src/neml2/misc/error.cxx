#include "neml2/misc/error.h"

#include <sstream>

namespace neml2
{
std::string
SourceLocation::str() const
{
  std::ostringstream os;
  os << (file.empty() ? std::string("<input>") : file);
  if (line > 0)
  {
    os << ':' << line;
    if (column > 0)
      os << ':' << column;
  }
  return os.str();
}

Error::Error(std::string message, SourceLocation where)
    : _message(std::move(message)), _where(std::move(where))
{
}

Error &
Error::add_context(std::string line)
{
  _context.push_back(std::move(line));
  _what.clear();
  return *this;
}

Error &
Error::locate(const SourceLocation & where)
{
  if (!_where.valid() && where.valid())
  {
    _where = where;
    _what.clear();
  }
  return *this;
}

const char *
Error::what() const noexcept
{
  if (_what.empty())
  {
    std::ostringstream os;
    if (_where.valid())
      os << _where.str() << ": ";
    os << category() << ": " << _message;
    for (const auto & c : _context)
      os << "\n  " << c;
    _what = os.str();
  }
  return _what.c_str();
}

namespace detail
{
void
throw_internal(const char * file, int line, const char * cond, std::string msg)
{
  throw InternalError(utils::stringify("this is a bug in neml2, please report it: ", msg,
                                       " [assertion '", cond, "' failed at ", file, ":", line,
                                       "]"));
}
} // namespace detail
} // namespace neml2
