// The base of everything an input file can create (models, tensors, drivers, solvers): it keeps
// the options it was built from and the factory that built it.
#pragma once

#include <string>

#include "neml2/base/OptionSet.h"

namespace neml2
{
class Factory;

class NEML2Object
{
public:
  /// Options every object accepts.
  static OptionSet expected_options();

  explicit NEML2Object(const OptionSet & options);
  virtual ~NEML2Object() = default;
  NEML2Object(const NEML2Object &) = delete;
  NEML2Object & operator=(const NEML2Object &) = delete;

  /// The options this object was built from (defaults filled in).
  const OptionSet & input_options() const { return _options; }
  /// Name in its section.
  const std::string & name() const { return _options.name(); }
  /// Registered type name.
  const std::string & type() const { return _options.type(); }
  /// "Section/name".
  std::string path() const { return _options.path(); }
  /// The factory that built this object (nullptr when built directly from code).
  Factory * factory() const { return _factory; }
  /// Options for the floating-point tensors this object creates: the input file's [Settings], or
  /// the library defaults for objects built from code.
  TensorOptions creation_options() const;
  /// The same for integer tensors.
  TensorOptions integer_creation_options() const;

  /// Append every problem this object can detect without running to `problems` (messages with
  /// locations); neml2-diagnose prints them all.
  virtual void diagnose(std::vector<std::string> & /*problems*/) const {}

protected:
  /// An OptionError about one of this object's options, located where it was written.
  OptionError option_error(const std::string & option, const std::string & message) const
  {
    return _options.error(option, message);
  }

private:
  const OptionSet _options;
  Factory * _factory;
};
} // namespace neml2
