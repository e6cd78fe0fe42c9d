// Helpers shared by the unit tests: checking error messages, capturing warnings, test paths.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "neml2/misc/error.h"
#include "neml2/misc/warnings.h"

namespace neml2::test
{
/// Path of a file below tests/.
inline std::string
test_path(const std::string & relative)
{
  return std::string(NEML2_TEST_DIR) + "/" + relative;
}

/// Path of a file below the shared acceptance data (../shared by default). A missing folder is a
/// test failure, not a skip: the acceptance data are part of what the tests check.
inline std::string
shared_path(const std::string & relative)
{
  const std::string path = std::string(NEML2_SHARED_DIR) + "/" + relative;
  if (!std::ifstream(path).good())
    ADD_FAILURE() << "missing shared test data: " << path
                  << " (configure with -DNEML2_SHARED_DIR=... to point at the shared folder)";
  return path;
}

/// Run `f`, expect it to throw E, and return the full message (what()).
template <class E = Error, class F>
std::string
error_message(F && f)
{
  try
  {
    f();
  }
  catch (const E & e)
  {
    return e.what();
  }
  catch (const std::exception & e)
  {
    ADD_FAILURE() << "threw the wrong kind of exception: " << e.what();
    return {};
  }
  ADD_FAILURE() << "did not throw";
  return {};
}

/// Expect `message` to contain every piece of `pieces`.
inline void
expect_contains(const std::string & message, const std::vector<std::string> & pieces)
{
  for (const auto & p : pieces)
    EXPECT_NE(message.find(p), std::string::npos) << "message lacks \"" << p << "\":\n" << message;
}

/// Collects warnings while alive.
class WarningCapture
{
public:
  WarningCapture()
      : _previous(set_warning_handler([this](const std::string & m) { _messages.push_back(m); }))
  {
  }
  ~WarningCapture() { set_warning_handler(std::move(_previous)); }
  const std::vector<std::string> & messages() const { return _messages; }

private:
  std::vector<std::string> _messages;
  WarningHandler _previous;
};
} // namespace neml2::test
