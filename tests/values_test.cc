// Cell values: numbers, units, signs, blanks and NA markers (FORMAT.md §5.2,
// §8).
#include "src/normalize/values.h"

#include <gtest/gtest.h>

#include "src/normalize/normalize.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

struct Case {
  const char* raw;
  ValueKind kind;
  double number;
  const char* unit;
};

TEST(ParseCellValue, Cases) {
  const Case cases[] = {
      {"", ValueKind::kBlank, 0, ""},
      {" \xC2\xA0 ", ValueKind::kBlank, 0, ""},
      {"0", ValueKind::kNumber, 0, ""},
      {"９", ValueKind::kNumber, 9, ""},
      {"3985758", ValueKind::kNumber, 3985758, ""},
      {"1,234", ValueKind::kNumber, 1234, ""},
      {"746.573001", ValueKind::kNumber, 746.573001, ""},
      {"75394432.52元", ValueKind::kNumber, 75394432.52, "元"},
      {"251000元", ValueKind::kNumber, 251000, "元"},
      {"12万元", ValueKind::kNumber, 12, "万元"},
      {"9件", ValueKind::kNumber, 9, "件"},
      {"-8", ValueKind::kNumber, -8, ""},
      {"+1036", ValueKind::kNumber, 1036, ""},
      {"减4", ValueKind::kNumber, -4, ""},
      {"增4", ValueKind::kNumber, 4, ""},
      {"〇", ValueKind::kNumber, 0, ""},
      {"-", ValueKind::kNotApplicable, 0, ""},
      {"/", ValueKind::kNotApplicable, 0, ""},
      {"—", ValueKind::kNotApplicable, 0, ""},
      {"无", ValueKind::kNotApplicable, 0, ""},
      {"不适用", ValueKind::kNotApplicable, 0, ""},
      {"行政许可", ValueKind::kText, 0, ""},
      {"12,34", ValueKind::kText, 0, ""},
      {"1.2.3", ValueKind::kText, 0, ""},
      {"-3-", ValueKind::kText, 0, ""},
      {"2022年", ValueKind::kText, 0, ""},
  };
  for (const Case& c : cases) {
    CellValue v = ParseCellValue(NormalizeText(c.raw), testing::TestLexicon());
    EXPECT_EQ(v.kind, c.kind) << "raw: '" << c.raw << "'";
    if (c.kind == ValueKind::kNumber) {
      EXPECT_DOUBLE_EQ(v.number, c.number) << "raw: " << c.raw;
      EXPECT_EQ(v.unit, c.unit) << "raw: " << c.raw;
    }
  }
}

TEST(ParseCellValue, IntegralFlag) {
  EXPECT_TRUE(ParseCellValue("12", testing::TestLexicon()).integral);
  EXPECT_FALSE(ParseCellValue("12.5", testing::TestLexicon()).integral);
}

TEST(ParseCellValue, KeepsMarker) {
  EXPECT_EQ(ParseCellValue("/", testing::TestLexicon()).marker, "/");
}

}  // namespace
}  // namespace gongkai
