// Normalization: each step of normalize.h, as a table of cases.
#include "src/normalize/normalize.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

struct Case {
  const char* raw;
  const char* want;
};

TEST(Normalize, Cases) {
  const Case cases[] = {
      {"１２３４．５", "1234.5"},          // full-width digits
      {"（一）予以公开", "(一)予以公开"},  // full-width brackets
      // An enumerator typed as a dash stays as printed: label keys drop
      // it as an enumerator (labels_test.cc, the lexicon's
      // enumerator_dash).
      {"（―）予以公开", "(―)予以公开"},
      {"自然 人", "自然人"},  // space inside a label
      {"社会公益 组织", "社会公益组织"},
      {"结 果 维 持", "结果维持"},
      {"总\n计", "总计"},  // line break inside a label
      {"本年新\n制作数量", "本年新制作数量"},
      {"危及“三安全一稳定”", "危及\"三安全一稳定\""},  // curly quotes
      {"規範性檔案", "规范性档案"},                    // traditional characters
      {"對外公開總數量", "对外公开总数量"},
      {"区分处理的，只计这一情形", "区分处理的，只计这一情形"},  // ， kept
      {"  746.573001  ", "746.573001"},
      {"New  York   City", "New York City"},
      {"\xC2\xA0", ""},  // &nbsp; alone
      {"2022年 共发布 8387条", "2022年共发布8387条"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NormalizeText(c.raw), c.want) << "raw: " << c.raw;
  }
}

TEST(Normalize, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(NormalizeText("a\xFF"
                          "b"),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(Normalize, KeepsRawText) {
  Document doc;
  Block b;
  b.raw = "（一）予以公开";
  doc.blocks.push_back(b);
  Normalize(doc);
  EXPECT_EQ(doc.blocks[0].raw, "（一）予以公开");
  EXPECT_EQ(doc.blocks[0].text, "(一)予以公开");
}

}  // namespace
}  // namespace gongkai
