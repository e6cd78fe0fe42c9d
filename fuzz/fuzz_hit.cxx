// libFuzzer target for the HIT parser: any input must either parse or raise neml2::Error; a crash,
// a sanitizer report, a hang or another exception is a bug. Parsed documents must render to text
// that parses again to the same rendering (or be refused by render() as unspellable).
#include "neml2/base/HITParser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
  const std::string text(reinterpret_cast<const char *>(data), size);
  std::unique_ptr<neml2::hit::Node> root;
  try
  {
    root = neml2::hit::parse_text("fuzz.i", text);
  }
  catch (const neml2::Error &)
  {
    return 0;
  }
  std::ostringstream once;
  try
  {
    root->render(once);
  }
  catch (const neml2::Error &)
  {
    return 0; // a value that HIT cannot spell (both quote characters, from substitutions)
  }
  std::unique_ptr<neml2::hit::Node> again;
  try
  {
    again = neml2::hit::parse_text("rendered.i", once.str());
  }
  catch (const neml2::Error &)
  {
    // Rendering is normalised HIT; it must parse whenever the original did.
    std::abort();
  }
  std::ostringstream twice;
  again->render(twice);
  if (once.str() != twice.str())
    std::abort();
  return 0;
}
