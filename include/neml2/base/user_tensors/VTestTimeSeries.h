// Time series read from a .vtest table (the verification format of NEML, version 1), as
// [Tensors] objects: ScalarVTestTimeSeries, SR2VTestTimeSeries, WR2VTestTimeSeries. The row index
// is the batch dimension (the time step).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "neml2/base/TensorProvider.h"

namespace neml2
{
/// A parsed .vtest file: comment lines have '#' as their first token; of the other lines, the
/// first is metadata, the second a description, the third the column names, the rest numbers.
class VTestTable
{
public:
  explicit VTestTable(const std::string & path);
  const std::vector<double> & column(const std::string & name, const SourceLocation & where) const;
  const std::vector<std::string> & names() const { return _names; }
  std::size_t rows() const { return _rows; }

private:
  std::string _path;
  std::vector<std::string> _names;
  std::map<std::string, std::vector<double>> _columns;
  std::size_t _rows = 0;
};

template <class T>
class VTestTimeSeries : public TensorProvider
{
public:
  static OptionSet expected_options();
  explicit VTestTimeSeries(const OptionSet & options);
  Tensor tensor() const override { return _value; }

private:
  Tensor _value;
};
} // namespace neml2
