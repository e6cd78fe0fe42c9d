#include "neml2/base/user_tensors/VTestTimeSeries.h"
#include "neml2/base/Factory.h"
#include "neml2/base/Registry.h"
#include "neml2/tensors/tensors.h"
#include "neml2/tensors/tensor_types.h"

#include <ATen/ops/stack.h>
#include <ATen/ops/tensor.h>
#include <fstream>
#include <sstream>

namespace neml2
{
VTestTable::VTestTable(const std::string & path) : _path(path)
{
  std::ifstream in(path);
  if (!in)
    throw Error("cannot open the vtest file '" + path + "'");
  std::string line;
  int content = 0, lineno = 0;
  while (std::getline(in, line))
  {
    ++lineno;
    const auto tokens = utils::split(line);
    if (tokens.empty() || tokens[0] == "#")
      continue;
    ++content;
    if (content <= 2) // metadata, description
      continue;
    if (content == 3)
    {
      _names = tokens;
      for (const auto & n : _names)
        _columns[n];
      continue;
    }
    if (tokens.size() != _names.size())
      throw ParseError(
          utils::stringify("expected ", _names.size(), " numbers, got ", tokens.size()),
          SourceLocation{path, lineno, 1});
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
      char * end = nullptr;
      const double v = std::strtod(tokens[i].c_str(), &end);
      if (*end != '\0')
        throw ParseError("'" + tokens[i] + "' is not a number", SourceLocation{path, lineno, 1});
      _columns[_names[i]].push_back(v);
    }
    ++_rows;
  }
  if (_names.empty())
    throw ParseError("no column names (the third non-comment line)", SourceLocation{path, 0, 0});
}

const std::vector<double> &
VTestTable::column(const std::string & name, const SourceLocation & where) const
{
  auto it = _columns.find(name);
  if (it == _columns.end())
    throw OptionError("vtest file '" + _path + "' has no column '" + name + "'." +
                          utils::did_you_mean(name, _names) +
                          " Columns: " + utils::join(_names, " "),
                      where);
  return it->second;
}

template <class T>
OptionSet
VTestTimeSeries<T>::expected_options()
{
  auto options = TensorProvider::expected_options();
  std::string doc = std::string("A ") + TensorTypeName<T>::value +
                    " time series from a .vtest table: row i is step i. ";
  if constexpr (std::is_same_v<T, SR2>)
    doc += "The columns are <variable>_xx _yy _zz _yz _xz _xy, already in Mandel form.";
  else if constexpr (std::is_same_v<T, WR2>)
    doc += "The columns are <variable>_zy _xz _yx (the axial vector).";
  else
    doc += "The column is <variable>.";
  options.doc() = doc;
  options.add_required<std::string>("vtest",
                                    "The .vtest file (relative to the input file's folder, or to "
                                    "the working directory).");
  options.add_required<std::string>("variable", "The column name (or column stem).");
  return options;
}

template <class T>
VTestTimeSeries<T>::VTestTimeSeries(const OptionSet & options) : TensorProvider(options)
{
  const auto file = factory() ? factory()->input_path(options.get<std::string>("vtest"))
                              : options.get<std::string>("vtest");
  const VTestTable table(file);
  const auto & v = options.get<std::string>("variable");
  const auto where = options.location_of("variable");
  const auto o = creation_options();
  auto col = [&](const std::string & n) { return at::tensor(table.column(n, where), o); };
  if constexpr (std::is_same_v<T, SR2>)
    _value = SR2(at::stack({col(v + "_xx"), col(v + "_yy"), col(v + "_zz"), col(v + "_yz"),
                            col(v + "_xz"), col(v + "_xy")},
                           -1));
  else if constexpr (std::is_same_v<T, WR2>)
    _value = WR2(at::stack({col(v + "_zy"), col(v + "_xz"), col(v + "_yx")}, -1));
  else
    _value = Scalar(col(v));
}

template class VTestTimeSeries<Scalar>;
template class VTestTimeSeries<SR2>;
template class VTestTimeSeries<WR2>;
register_NEML2_object_alias(VTestTimeSeries<Scalar>, "ScalarVTestTimeSeries");
register_NEML2_object_alias(VTestTimeSeries<SR2>, "SR2VTestTimeSeries");
register_NEML2_object_alias(VTestTimeSeries<WR2>, "WR2VTestTimeSeries");
} // namespace neml2
