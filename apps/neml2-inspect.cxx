// neml2-inspect INPUT MODEL [options]: print a model's summary and, optionally, its graphs.
#include "neml2/base/Factory.h"
#include "neml2/base/OptionTraits.h"
#include "neml2/jit/utils.h"
#include "neml2/misc/error.h"
#include "neml2/models/Model.h"

#include <ATen/ops/rand.h>
#include <ATen/Context.h>
#include <c10/util/Exception.h>
#include <iostream>
#include <string>

namespace
{
void
usage(std::ostream & os)
{
  os << "usage: neml2-inspect INPUT MODEL [--graph] [--batch-shape SHAPE] [--evaluations N]\n"
        "                     [--override HIT ...]\n"
        "\n"
        "Print the summary of the model MODEL of the input file INPUT.\n"
        "\n"
        "  --graph            evaluate the model on example inputs and print the traced graph\n"
        "                     and the last executed optimized graph\n"
        "  --batch-shape S    batch shape of the example inputs, e.g. (5,3) (default: (1))\n"
        "  --evaluations N    number of evaluations before printing (default: 10)\n"
        "  --override HIT     HIT text appended after the input file (repeatable)\n";
}

neml2::TensorShape
parse_shape(const std::string & text)
{
  neml2::hit::Node field(neml2::hit::Node::Kind::Field, "--batch-shape", {"<command line>", 0, 0});
  field.set_value(text);
  neml2::TensorShape shape;
  neml2::OptionTraits<neml2::TensorShape>::parse(field, shape);
  return shape;
}
} // namespace

int
main(int argc, char ** argv)
{
  std::vector<std::string> positional;
  bool graph = false;
  neml2::TensorShape batch_shape{1};
  long evaluations = 10;
  std::string overrides;

  try
  {
    for (int i = 1; i < argc; ++i)
    {
      const std::string a = argv[i];
      auto next = [&](const char * what) -> std::string
      {
        if (i + 1 >= argc)
          throw neml2::OptionError(std::string(what) + " needs a value");
        return argv[++i];
      };
      if (a == "-h" || a == "--help")
      {
        usage(std::cout);
        return 0;
      }
      else if (a == "--graph")
        graph = true;
      else if (a == "--batch-shape")
        batch_shape = parse_shape(next("--batch-shape"));
      else if (a == "--evaluations")
      {
        const auto v = next("--evaluations");
        char * end = nullptr;
        evaluations = std::strtol(v.c_str(), &end, 10);
        if (v.empty() || *end != '\0' || evaluations < 1)
          throw neml2::OptionError("--evaluations: expected a positive integer, got '" + v + "'");
      }
      else if (a == "--override")
        overrides += next("--override") + "\n";
      else if (!a.empty() && a[0] == '-')
        throw neml2::OptionError(
            "unknown option '" + a + "'." +
            neml2::utils::did_you_mean(
                a, {"--graph", "--batch-shape", "--evaluations", "--override", "--help"}));
      else
        positional.push_back(a);
    }
    if (positional.size() != 2)
    {
      usage(std::cerr);
      return 2;
    }

    auto & factory = neml2::load_input(positional[0], overrides);
    auto & model = factory.get_object<neml2::Model>("Models", positional[1]);
    std::cout << model;

    if (graph && !model.jit_enabled())
      std::cout << "# no graph: the JIT is disabled for model '" << model.name()
                << "' (its `jit` option, [Settings] disable_jit, or NEML2_DISABLE_JIT)\n";
    else if (graph)
    {
      // Example inputs: reproducible random values in [0.5, 1.5) (nonzero, distinct per input).
      at::manual_seed(0);
      neml2::ValueMap inputs;
      for (const auto * v : model.input_variables())
      {
        neml2::TensorShape shape(batch_shape);
        for (auto s : v->base_sizes())
          shape.push_back(s);
        inputs.emplace(v->name(), neml2::Tensor(at::rand(shape, model.tensor_options()).add(0.5),
                                                static_cast<neml2::Size>(batch_shape.size())));
      }
      for (long i = 0; i < evaluations; ++i)
        model.value(inputs);
      std::cout << "# traced graph\n" << model.traced_graph();
      std::cout << "# optimized graph\n"
                << neml2::utils::last_executed_optimized_graph()->toString(false);
    }
    return 0;
  }
  catch (const neml2::Error & e)
  {
    std::cerr << e.what() << std::endl;
    return 2;
  }
  catch (const c10::Error & e)
  {
    std::cerr << "error (libtorch): " << e.what_without_backtrace() << std::endl;
    return 2;
  }
}
