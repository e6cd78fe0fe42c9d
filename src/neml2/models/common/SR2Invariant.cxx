#include "neml2/models/common/SR2Invariant.h"
#include "neml2/base/EnumSelection.h"
#include "neml2/base/Factory.h"
#include "neml2/base/Settings.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/SR2.h"
#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/functions/linalg.h"

#include <cmath>

namespace neml2
{
register_NEML2_object(SR2Invariant);

namespace
{
const std::vector<std::string> &
invariant_names()
{
  // the order of SR2Invariant::IType, then the "nothing chosen" default
  static const std::vector<std::string> names = {"I1", "I2", "VONMISES", "EFFECTIVE_STRAIN",
                                                 "INVALID"};
  return names;
}

SR2Invariant::IType
invariant_type(const OptionSet & options)
{
  const auto & sel = options.get<EnumSelection>("invariant_type");
  if (sel == "INVALID")
    throw options.error("invariant_type",
                        "choose the invariant: I1, I2, VONMISES or EFFECTIVE_STRAIN");
  return static_cast<SR2Invariant::IType>(sel.index());
}

double
machine_precision(const Factory * factory)
{
  return factory ? factory->settings().machine_precision() : Settings().machine_precision();
}
} // namespace

OptionSet
SR2Invariant::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = "A scalar invariant of a symmetric second-order tensor A: I1 = tr A; I2 = "
                  "((tr A)^2 - A:A)/2; VONMISES = sqrt(3/2 (S:S + eps)) with S = dev A; "
                  "EFFECTIVE_STRAIN = sqrt(2/3 (A:A + eps)). eps is [Settings] machine_precision; "
                  "it keeps the derivatives finite at zero.";
  options.add_required<VariableName>("tensor", "The SR2 A.");
  options.add_required<VariableName>("invariant", "The invariant (a Scalar).");
  options.add<EnumSelection>("invariant_type", EnumSelection(invariant_names(), "INVALID"),
                             "Which invariant; must be chosen.");
  return options;
}

SR2Invariant::SR2Invariant(const OptionSet & options)
    : Model(options),
      _type(invariant_type(options)),
      _eps(machine_precision(factory())),
      _A(declare_input_variable<SR2>("tensor")),
      _invariant(declare_output_variable<Scalar>("invariant"))
{
}

void
SR2Invariant::set_value(const Request & request)
{
  const SR2 A = _A.value();
  const auto & opts = A.options();
  const bool d1 = request.wants_derivatives();
  const bool d2 = request.wants_second_derivatives();

  switch (_type)
  {
  case IType::I1:
    if (request.wants_values())
      _invariant = A.tr();
    if (d1)
      _invariant.d(_A) = SR2::identity(opts);
    break;

  case IType::I2:
  {
    const auto trA = A.tr();
    if (request.wants_values())
      _invariant = (trA * trA - A.inner(A)) / 2.0;
    if (d1)
      _invariant.d(_A) = trA * SR2::identity(opts) - A;
    if (d2)
      _invariant.d(_A, _A) = SSR4::identity(opts) - SSR4::identity_sym(opts);
    break;
  }

  case IType::VONMISES:
  {
    const auto S = A.dev();
    const auto vm = std::sqrt(1.5) * S.norm(_eps);
    if (request.wants_values())
      _invariant = vm;
    if (d1 || d2)
    {
      const auto n = 1.5 * S / vm;
      if (d1)
        _invariant.d(_A) = n;
      if (d2)
        _invariant.d(_A, _A) =
            1.5 *
            ((SSR4::identity_sym(opts) - (2.0 / 3.0) * n.outer(n)) * SSR4::identity_dev(opts)) / vm;
    }
    break;
  }

  case IType::EFFECTIVE_STRAIN:
  {
    const auto r = std::sqrt(2.0 / 3.0) * A.norm(_eps);
    if (request.wants_values())
      _invariant = r;
    if (d1 || d2)
    {
      const auto n = (2.0 / 3.0) * A / r;
      if (d1)
        _invariant.d(_A) = n;
      if (d2)
        _invariant.d(_A, _A) = (2.0 / 3.0) * (SSR4::identity_sym(opts) - 1.5 * n.outer(n)) / r;
    }
    break;
  }
  }
}
} // namespace neml2
