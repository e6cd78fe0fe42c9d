// The error hierarchy (one root, a context stack, an optional input-file location) and the two
// check macros: NEML2_CHECK for user errors, NEML2_ASSERT for internal invariants.
#pragma once

#include <exception>
#include <string>
#include <vector>

#include "neml2/misc/string_utils.h"

namespace neml2
{
/// Where something was written in an input file (or on the command line).
struct SourceLocation
{
  std::string file;
  int line = 0;
  int column = 0;

  bool valid() const { return !file.empty() || line > 0; }
  /// "file:line:column" (parts that are unknown are left out).
  std::string str() const;
};

/// The root of every exception the library throws.
class Error : public std::exception
{
public:
  explicit Error(std::string message, SourceLocation where = {});

  /// The full report, "file:line:column: category: message", then the context stack.
  const char * what() const noexcept override;

  /// The message without location or context.
  const std::string & message() const { return _message; }
  const SourceLocation & location() const { return _where; }
  const std::vector<std::string> & context() const { return _context; }

  /// A short name of the error category, e.g. "parse error".
  virtual const char * category() const { return "error"; }

  /// Attach a line of context ("while building [Models/eq]"); innermost first.
  Error & add_context(std::string line);
  /// Set the input-file location unless a more precise one is already known.
  Error & locate(const SourceLocation & where);

private:
  std::string _message;
  SourceLocation _where;
  std::vector<std::string> _context;
  // Built on first use: category() is virtual and not callable from the constructor.
  mutable std::string _what;
};

#define NEML2_DECLARE_ERROR(Name, Base, text)                                                      \
  class Name : public Base                                                                         \
  {                                                                                                \
  public:                                                                                          \
    using Base::Base;                                                                              \
    const char * category() const override { return text; }                                        \
  }

/// Malformed input text (HIT syntax).
NEML2_DECLARE_ERROR(ParseError, Error, "parse error");
/// An option that is unknown, missing, or has a value of the wrong kind.
NEML2_DECLARE_ERROR(OptionError, Error, "option error");
/// Incompatible tensor shapes.
NEML2_DECLARE_ERROR(ShapeError, Error, "shape error");
/// A value of the wrong tensor type, dtype or object type.
NEML2_DECLARE_ERROR(TypeError, Error, "type error");
/// Problems in how models are wired together (missing providers, cycles, ...).
NEML2_DECLARE_ERROR(ModelError, Error, "model error");
/// A nonlinear solve that did not converge.
NEML2_DECLARE_ERROR(ConvergenceError, Error, "convergence error");
/// An operation that cannot be recorded by the tracer (reads data or batch sizes as numbers).
NEML2_DECLARE_ERROR(NotTraceable, Error, "not traceable");
/// A broken internal invariant: a bug in neml2, not in the user's input.
NEML2_DECLARE_ERROR(InternalError, Error, "internal error");

#undef NEML2_DECLARE_ERROR

namespace detail
{
[[noreturn]] void throw_internal(const char * file, int line, const char * cond, std::string msg);
}
} // namespace neml2

/// Check a condition that depends on user input; on failure throw ErrorType with the streamed
/// message. The message is only formatted when the check fails.
#define NEML2_CHECK(cond, ErrorType, ...)                                                          \
  do                                                                                               \
  {                                                                                                \
    if (!(cond))                                                                                   \
      throw ErrorType(::neml2::utils::stringify(__VA_ARGS__));                                     \
  } while (false)

/// Check an internal invariant; failure is a bug in neml2 and says so. A message is required.
#define NEML2_ASSERT(cond, ...)                                                                    \
  do                                                                                               \
  {                                                                                                \
    if (!(cond))                                                                                   \
      ::neml2::detail::throw_internal(__FILE__, __LINE__, #cond,                                   \
                                      ::neml2::utils::stringify(__VA_ARGS__));                     \
  } while (false)
