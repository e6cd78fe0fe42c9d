// What one call of a model's forward operator must compute: output values, first derivatives,
// second derivatives, in any combination. Part of the JIT trace key.
#pragma once

#include <cstdint>
#include <string>

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

  bool wants_values() const { return _what & kValues; }
  bool wants_derivatives() const { return _what & kFirst; }
  bool wants_second_derivatives() const { return _what & kSecond; }

  /// A short stable text, e.g. "value+d1", used in trace keys and graph names.
  std::string key() const;

  bool operator==(const Request & o) const { return _what == o._what; }
  bool operator!=(const Request & o) const { return _what != o._what; }

private:
  enum : std::uint8_t
  {
    kValues = 1,
    kFirst = 2,
    kSecond = 4
  };
  explicit Request(std::uint8_t what) : _what(what) {}
  std::uint8_t _what;
};
} // namespace neml2
