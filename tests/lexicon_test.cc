// The lexicon: its parser, and the agreement it buys: the extractors'
// value tokens and the reader's cell values read the same words.
#include "src/model/lexicon.h"

#include <gtest/gtest.h>

#include "extractors/value_token.h"
#include "src/normalize/normalize.h"
#include "src/normalize/values.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

TEST(Lexicon, ParseErrorsNameFileAndLine) {
  StatusOr<Lexicon> bad = Lexicon::Parse(
      "lexicon unit 件\nlexicon unit 条\nlexicon colour red\nunit 件\n"
      "lexicon numeral_digit 一\nlexicon anchor_extra_chars many\n",
      "x.inc");
  ASSERT_FALSE(bad.ok());
  const std::string& m = bad.status().message();
  EXPECT_EQ(bad.status().code(), "invalid_lexicon");
  EXPECT_NE(m.find("x.inc:2: lexicon: unit given twice"), std::string::npos)
      << m;
  EXPECT_NE(m.find("x.inc:3: lexicon: unknown key 'colour'"),
            std::string::npos);
  EXPECT_NE(m.find("x.inc:4: expected 'lexicon KEY ITEM...'"),
            std::string::npos);
  EXPECT_NE(m.find("x.inc:5: lexicon: numeral_digit takes CHARACTER=VALUE"),
            std::string::npos);
  EXPECT_NE(m.find("x.inc:6: lexicon: anchor_extra_chars takes one number"),
            std::string::npos);
  EXPECT_NE(m.find("lexicon keys missing: "), std::string::npos);
}

TEST(Lexicon, ChineseNumerals) {
  const Lexicon& l = testing::TestLexicon();
  EXPECT_EQ(l.ParseChineseNumber("三十二"), 32);
  EXPECT_EQ(l.ParseChineseNumber("十五"), 15);
  EXPECT_EQ(l.ParseChineseNumber("两万"), 20000);
  EXPECT_EQ(l.ParseChineseNumber("一亿零五"), 100000005);
  EXPECT_EQ(l.ParseChineseNumber("三件"), std::nullopt);
  EXPECT_EQ(l.ParseChineseNumber("\xE4\xB8"), std::nullopt);  // cut UTF-8
  EXPECT_TRUE(l.IsEnumeratorNumeral(U'十'));
  EXPECT_FALSE(l.IsEnumeratorNumeral(U'万'));
}

// Former bug: a borderless PDF cell printed 3宗 was a number to the reader
// but not to the column alignment (two word lists disagreed).
TEST(LexiconFormerBugs, ValueTokensAndCellValuesAgree) {
  const Lexicon& l = testing::TestLexicon();
  for (const char* raw : {"3宗", "2万元", "5人次", "7项", "增4", "减4", "12",
                          "1,234", "0", "行政许可", "abc", "件"}) {
    const bool number =
        ParseCellValue(NormalizeText(raw), l).kind == ValueKind::kNumber;
    EXPECT_EQ(IsNumberToken(raw, l), number) << raw;
  }
  for (const char* raw : {"-", "/", "—", "无", "不适用", "x"}) {
    const bool na =
        ParseCellValue(NormalizeText(raw), l).kind == ValueKind::kNotApplicable;
    EXPECT_EQ(IsNaMarker(raw, l), na) << raw;
  }
}

}  // namespace
}  // namespace gongkai
