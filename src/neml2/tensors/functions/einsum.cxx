#include "neml2/tensors/functions/einsum.h"
#include "neml2/misc/error.h"

#include <ATen/ops/einsum.h>
#include <algorithm>

namespace neml2
{
Tensor
einsum(const std::string & equation, const std::vector<Tensor> & operands)
{
  NEML2_CHECK(!operands.empty(), ShapeError, "einsum needs operands");
  const auto arrow = equation.find("->");
  NEML2_CHECK(arrow != std::string::npos, ShapeError, "einsum equation '", equation,
              "' needs an explicit output ('->')");
  const auto terms = utils::split(equation.substr(0, arrow), ",");
  NEML2_CHECK(terms.size() == operands.size(), ShapeError, "einsum equation '", equation, "' has ",
              terms.size(), " operands, got ", operands.size());

  Size dyn = 0, intmd = 0;
  for (const auto & t : operands)
  {
    dyn = std::max(dyn, t.dynamic_dim());
    intmd = std::max(intmd, t.intmd_dim());
  }
  std::vector<at::Tensor> raw;
  std::string eq;
  for (std::size_t i = 0; i < operands.size(); ++i)
  {
    const auto & t = operands[i];
    const auto term = utils::trim(terms[i]);
    NEML2_CHECK(static_cast<Size>(term.size()) == t.base_dim(), ShapeError, "einsum equation '",
                equation, "': term '", term, "' has ", term.size(), " indices, but operand ", i,
                " has base shape ", t.base_sizes());
    at::Tensor r = t;
    for (Size k = t.intmd_dim(); k < intmd; ++k)
      r = r.unsqueeze(t.dynamic_dim());
    raw.push_back(r);
    eq += (i ? ",..." : "...") + term;
  }
  eq += "->..." + utils::trim(equation.substr(arrow + 2));
  return Tensor(at::einsum(eq, raw), dyn, intmd);
}
} // namespace neml2
