#include <gtest/gtest.h>

#include <sstream>

#include "neml2/base/Registry.h"
#include "neml2/base/Syntax.h"

using namespace neml2;

TEST(Syntax, CatalogueListsEveryRegisteredTypeWithDocumentedOptions)
{
  std::ostringstream json, text, md;
  print_syntax_json(json);
  print_syntax_text(text);
  print_syntax_markdown(md);
  for (const auto & [type, entry] : Registry::get().entries())
  {
    EXPECT_NE(json.str().find("{\"type\": \"" + type + "\""), std::string::npos) << type;
    EXPECT_NE(md.str().find("### " + type + "\n"), std::string::npos) << type;
    const auto opts = entry.expected_options();
    EXPECT_FALSE(opts.doc().empty()) << type << " has no doc string";
    EXPECT_FALSE(opts.section().empty()) << type << " has no section";
    for (const auto & [name, opt] : opts.options())
      EXPECT_FALSE(opt->doc().empty()) << type << " option " << name << " has no doc string";
  }
  EXPECT_NE(text.str().find("[Settings]"), std::string::npos);
  EXPECT_NE(json.str().find("\"required\": true"), std::string::npos);
}
