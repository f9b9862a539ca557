// Evidence says where each cell of a report is (issue #14, 2): its table's
// ordinal among the document's tables, its row and column in that table's
// grid and, in a PDF, its box on the page, as Camelot and Tabula give.
#include <gtest/gtest.h>

#include "extractors/registry.h"
#include "src/pipeline.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

// hongze-2023.pdf prints table 4 on page 4, 行政复议 结果维持
// in the first column of its data row and 总计 in the fifth.
TEST(GoldenEvidence, CellsCarryTheirTablePositionAndBox) {
  Record pdf = ProcessFile(testing::SourcePath("corpus/real/hongze-2023.pdf"),
                           DefaultRegistry(), testing::Rules(), Limits());
  ASSERT_TRUE(pdf.report.has_value());
  const Figure* total = pdf.report->Find("appeals.review.total");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->page, 4);
  EXPECT_EQ(total->col, 4);
  ASSERT_TRUE(total->box.has_value());
  EXPECT_LT(total->box->x0, total->box->x1);
  EXPECT_LT(total->box->y0, total->box->y1);
  EXPECT_LT(total->box->x1, 596);  // on an A4 page
  EXPECT_LT(total->box->y1, 843);
  const Figure* upheld = pdf.report->Find("appeals.review.upheld");
  ASSERT_NE(upheld, nullptr);
  EXPECT_EQ(upheld->table, total->table);
  EXPECT_EQ(upheld->row, total->row);
  EXPECT_EQ(upheld->col, 0);
  EXPECT_LT(upheld->box->x1, total->box->x0 + 1);  // left of its total

  // clean-2023.html: table 3 is the page's second <table>, its data from
  // grid row 3 and column 3 on; no boxes in HTML.
  Record html =
      ProcessFile(testing::SourcePath("corpus/handmade/clean-2023.html"),
                  DefaultRegistry(), testing::Rules(), Limits());
  ASSERT_TRUE(html.report.has_value());
  const Figure* f = html.report->Find("applications.new.natural");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->table, 1);
  EXPECT_EQ(f->row, 3);
  EXPECT_EQ(f->col, 3);
  EXPECT_FALSE(f->box.has_value());
  const Figure* carry = html.report->Find("applications.carry_next.total");
  ASSERT_NE(carry, nullptr);
  EXPECT_EQ(carry->row, 27);
  EXPECT_EQ(carry->col, 9);
}

}  // namespace
}  // namespace gongkai
