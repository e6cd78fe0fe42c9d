// What one call of a model's forward operator must compute: output values, first derivatives,
// second derivatives, in any combination, optionally only with respect to some inputs. Part of the
// JIT trace key.
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "neml2/models/VariableName.h"

namespace neml2
{
class Request
{
public:
  /// Output values only.
  static Request values() { return Request(kValues); }
  /// First derivatives only.
  static Request derivatives() { return Request(kFirst); }
  /// Output values and first derivatives.
  static Request values_and_derivatives() { return Request(kValues | kFirst); }
  /// Second derivatives only.
  static Request second_derivatives() { return Request(kSecond); }
  /// First and second derivatives.
  static Request derivatives_and_second_derivatives() { return Request(kFirst | kSecond); }
  /// Everything.
  static Request all() { return Request(kValues | kFirst | kSecond); }

  /// The same request with output values added (what sub-models of a composition need).
  Request with_values() const;
  /// The same request, derivatives only with respect to `inputs`.
  Request with_respect_to(std::set<VariableName> inputs) const;

  bool wants_values() const { return _what & kValues; }
  bool wants_derivatives() const { return _what & kFirst; }
  bool wants_second_derivatives() const { return _what & kSecond; }
  /// Whether derivatives with respect to input `x` are wanted (no filter: every input).
  bool wants_derivatives_wrt(const VariableName & x) const
  {
    return !_filtered || _wrt.count(x) > 0;
  }

  /// A short stable text, e.g. "value+d1" or "d1[forces/E]", used in trace keys and graph names.
  std::string key() const;

  bool operator==(const Request & o) const
  {
    return _what == o._what && _filtered == o._filtered && _wrt == o._wrt;
  }
  bool operator!=(const Request & o) const { return !(*this == o); }

private:
  enum : std::uint8_t
  {
    kValues = 1,
    kFirst = 2,
    kSecond = 4
  };
  explicit Request(std::uint8_t what) : _what(what) {}
  std::uint8_t _what;
  bool _filtered = false;
  std::set<VariableName> _wrt;
};
} // namespace neml2
