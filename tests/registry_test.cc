// The extractor registry: sniffing by entry, in registration order, and
// a duplicate registration refused.
#include "extractors/registry.h"

#include <gtest/gtest.h>

#include "src/model/extractor.h"

namespace gongkai {
namespace {

bool ClaimsAll(std::string_view) { return true; }
bool ClaimsNone(std::string_view) { return false; }

TEST(Registry, DuplicateFormatIsAnError) {
  Registry r;
  ASSERT_TRUE(r.Add({"a", "A", ClaimsNone, nullptr, nullptr}).ok());
  Status s = r.Add({"a", "A again", ClaimsAll, nullptr, nullptr});
  EXPECT_EQ(s.code(), "duplicate_format");
  EXPECT_EQ(r.entries().size(), 1u);
  EXPECT_EQ(r.Add({"", "", ClaimsAll, nullptr, nullptr}).code(),
            "invalid_entry");
}

TEST(Registry, FirstEntryThatClaimsTheBytesWins) {
  Registry r;
  ASSERT_TRUE(r.Add({"none", "None", ClaimsNone, nullptr, nullptr}).ok());
  ASSERT_TRUE(r.Add({"all", "All", ClaimsAll, nullptr, nullptr}).ok());
  ASSERT_TRUE(r.Add({"late", "Late", ClaimsAll, nullptr, nullptr}).ok());
  StatusOr<const Extractor*> e = r.Sniff("bytes");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ((*e)->format, "all");
  EXPECT_EQ(r.Sniff(" \n\t").status().code(), "empty_file");
}

TEST(Registry, DefaultRegistrySniffsEachFormat) {
  const Registry& r = DefaultRegistry();
  struct Case {
    std::string bytes, format;
  } cases[] = {
      {"%PDF-1.7\n...", "pdf"},
      {"junk before %PDF-1.4", "pdf"},
      {std::string("PK\x03\x04", 4) + "...word/document.xml...", "docx"},
      {std::string("PK\x03\x04", 4) + "...other...", "zip"},
      {"<TABLE><tr><td>1</td></tr></table>", "html"},
      {"本年新收政府信息公开申请数量\t1", "text"},
      // An article body saved without <html>/<body>: HTML.
      {"<div class=TRS_Editor><p>根据</p><p>一、总体情况</p><br/>", "html"},
      // A title in angle brackets, an e-mail and a formula: text.
      {"依据<中华人民共和国政府信息公开条例>,来信<a@b.cn>,1<2,3>2。\n", "text"},
  };
  for (const Case& c : cases) {
    StatusOr<const Extractor*> e = r.Sniff(c.bytes);
    ASSERT_TRUE(e.ok()) << c.bytes;
    EXPECT_EQ((*e)->format, c.format) << c.bytes;
  }
  StatusOr<const Extractor*> binary = r.Sniff(std::string("\x01\x02\0\x03", 4));
  EXPECT_EQ(binary.status().code(), "unknown_format");
  EXPECT_EQ(binary.status().message(),
            "not a PDF, DOCX, image, Word 97 or WPS, HTML or text file (binary data)");
}

}  // namespace
}  // namespace gongkai
