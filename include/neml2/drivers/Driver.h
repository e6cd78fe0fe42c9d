// The base of [Drivers] objects: something that runs (a load history, a test, a benchmark).
#pragma once

#include "neml2/base/NEML2Object.h"

namespace neml2
{
class Driver : public NEML2Object
{
public:
  static OptionSet expected_options();
  explicit Driver(const OptionSet & options);

  /// Run; returns whether the run succeeded (checks passed).
  virtual bool run() = 0;

protected:
  bool verbose() const { return _verbose; }
  /// Throw every problem diagnose() finds, as one error, before anything runs.
  void require_no_problems() const;

private:
  const bool _verbose;
};

/// The driver `name` of the input `file` (loaded with command-line `overrides`).
Driver & load_driver(const std::string & file, const std::string & name,
                     const std::string & overrides = "");
} // namespace neml2
