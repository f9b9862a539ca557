// PDF page layout on pages built in code: ruled grids, merged cells, open
// borders, vertical labels, wrapped numbers, page numbers, reading order.
#include "extractors/pdf/pdf_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "src/normalize/normalize.h"
#include "src/normalize/values.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

void H(PdfPage& p, double y, double x0, double x1) {
  p.segments.push_back({x0, y, x1, y});
}
void V(PdfPage& p, double x, double y0, double y1) {
  p.segments.push_back({x, y0, x, y1});
}

// Places `text` (UTF-8 characters, 10 pt) from (x, y), left to right, or
// top to bottom when `vertical`.
void Text(PdfPage& p, double x, double y, const std::string& text,
          bool vertical = false) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const double w = len == 1 ? 5 : 10;
    p.glyphs.push_back({Box{x, y, x + w, y + 10}, text.substr(i, len), 10});
    if (vertical) {
      y += 12;
    } else {
      x += w;
    }
    i += len;
  }
}

PdfPage Page() {
  PdfPage p;
  p.number = 1;
  p.width = 600;
  p.height = 800;
  return p;
}

std::vector<Block> Layout(const PdfPage& page) {
  std::vector<Block> blocks;
  LayoutPage(page, testing::TestLexicon(), &blocks);
  for (Block& b : blocks) {
    b.text = NormalizeText(b.raw);
    for (Cell& c : b.table.cells) c.text = NormalizeText(c.raw);
  }
  return blocks;
}

const Table* OnlyTable(const std::vector<Block>& blocks) {
  const Table* t = nullptr;
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kTable) {
      EXPECT_EQ(t, nullptr) << "more than one table";
      t = &b.table;
    }
  }
  return t;
}

// A 3x3 grid from x 100..400, y 100..190, 30 pt rows.
PdfPage Grid() {
  PdfPage p = Page();
  for (double y : {100, 130, 160, 190}) H(p, y, 100, 400);
  for (double x : {100, 200, 300, 400}) V(p, x, 100, 190);
  return p;
}

TEST(PdfLayout, RuledGridPlacesTextInCells) {
  PdfPage p = Grid();
  Text(p, 110, 110, "行政许可");
  Text(p, 210, 110, "550");
  Text(p, 310, 140, "12");
  Text(p, 50, 50, "二、主动公开政府信息情况");
  std::vector<Block> blocks = Layout(p);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].kind, BlockKind::kParagraph);  // above the table
  const Table* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->rows, 3);
  EXPECT_EQ(t->cols, 3);
  ASSERT_EQ(t->cells.size(), 9u);
  EXPECT_EQ(t->cells[0].text, "行政许可");
  EXPECT_EQ(t->cells[1].text, "550");
  EXPECT_EQ(t->cells[5].text, "12");
}

TEST(PdfLayout, MissingLineMergesCells) {
  PdfPage p = Page();
  for (double y : {100, 130, 160}) H(p, y, 100, 400);
  V(p, 100, 100, 160);
  V(p, 400, 100, 160);
  V(p, 250, 130, 160);  // only in the second row
  Text(p, 200, 110, "申请人情况");
  const std::vector<Block> blocks = Layout(p);
  const Table* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->cells.size(), 3u);
  EXPECT_EQ(t->cells[0].col_span, 2);
  EXPECT_EQ(t->cells[0].text, "申请人情况");
}

// Former bug (hongze-2023.pdf page 3): the last row before a page break has
// no bottom border; its vertical lines run on past the last horizontal one.
TEST(PdfLayout, OpenBottomBorderIsClosed) {
  PdfPage p = Page();
  for (double y : {100, 130}) H(p, y, 100, 400);
  for (double x : {100, 250, 400}) V(p, x, 100, 160);
  Text(p, 110, 140, "2.没有现成信息需要另行制作");
  Text(p, 260, 140, "3");
  const std::vector<Block> blocks = Layout(p);
  const Table* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->rows, 2);
  EXPECT_EQ(t->cells.back().text, "3");
}

TEST(PdfLayout, VerticalLabelAndWrappedNumber) {
  PdfPage p = Page();
  for (double y : {100, 250}) H(p, y, 100, 300);
  for (double x : {100, 130, 300}) V(p, x, 100, 250);
  Text(p, 110, 105, "三、本年度办理结果", true);
  Text(p, 140, 120, "1");
  Text(p, 140, 132, "0");
  const std::vector<Block> blocks = Layout(p);
  const Table* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->cells.size(), 2u);
  EXPECT_EQ(t->cells[0].text, "三、本年度办理结果");
  CellValue v = ParseCellValue(t->cells[1].text, testing::TestLexicon());
  EXPECT_EQ(v.kind, ValueKind::kNumber);
  EXPECT_EQ(v.number, 10);
}

TEST(PdfLayout, PageNumberInTheMarginIsDropped) {
  PdfPage p = Page();
  Text(p, 100, 100, "正文第一行");
  Text(p, 290, 760, "-3-");
  std::vector<Block> blocks = Layout(p);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].text, "正文第一行");
}

TEST(PdfLayout, ReadingOrderDoesNotDependOnTheContentStream) {
  PdfPage p = Grid();
  Text(p, 110, 110, "行政处罚");
  Text(p, 210, 110, "4119");
  Text(p, 110, 140, "行政强制");
  Text(p, 210, 140, "195");
  Text(p, 50, 60, "标题");
  std::vector<Block> ordered = Layout(p);
  std::mt19937 gen(7);
  std::shuffle(p.glyphs.begin(), p.glyphs.end(), gen);
  std::shuffle(p.segments.begin(), p.segments.end(), gen);
  std::vector<Block> shuffled = Layout(p);
  ASSERT_EQ(ordered.size(), shuffled.size());
  for (size_t i = 0; i < ordered.size(); ++i) {
    EXPECT_EQ(ordered[i].text, shuffled[i].text);
    ASSERT_EQ(ordered[i].table.cells.size(), shuffled[i].table.cells.size());
    for (size_t c = 0; c < ordered[i].table.cells.size(); ++c) {
      EXPECT_EQ(ordered[i].table.cells[c].text,
                shuffled[i].table.cells[c].text);
    }
  }
}

// Fake bold and drop shadows draw text twice, a little apart: read once.
// Text repeated where it belongs (`11`, a cell printed again below) stays.
TEST(PdfLayout, TextDrawnTwiceOverItselfIsReadOnce) {
  PdfPage p = Grid();
  Text(p, 110, 110, "行政许可");
  Text(p, 110.6, 110.4, "行政许可");  // fake bold: 0.06 of the size along
  Text(p, 210, 110, "11");
  Text(p, 210.9, 111.5, "11");  // a drop shadow: 0.09 along, 0.15 across
  Text(p, 310, 140, "12");
  Text(p, 310, 152, "12");  // the next line of the cell
  Text(p, 50, 50, "标题");
  Text(p, 50.3, 50, "标题");
  std::vector<Block> blocks = Layout(p);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].text, "标题");
  const Table* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->cells.size(), 9u);
  EXPECT_EQ(t->cells[0].text, "行政许可");
  EXPECT_EQ(t->cells[1].text, "11");
  EXPECT_EQ(t->cells[5].text.substr(0, 2), "12");  // both lines are there
  EXPECT_NE(t->cells[5].text.find("12", 2), std::string::npos);
}

// The measures: 0.1 of the size along the line, 0.2 across it, same text.
TEST(PdfLayout, DuplicateMeansSameTextWithinATenthAlongAndAFifthAcross) {
  PdfPage p = Page();
  Text(p, 100, 100, "5");
  Text(p, 100.9, 100, "5");    // 0.09 along: a duplicate
  Text(p, 101.1, 100, "5");    // 0.11 along: kept
  Text(p, 100, 101.9, "5");    // 0.19 across: a duplicate
  Text(p, 100, 102.1, "5");    // 0.21 across: kept
  Text(p, 100.5, 100.5, "6");  // other text: kept
  const std::vector<const PdfGlyph*> kept = DistinctGlyphs(p.glyphs);
  ASSERT_EQ(kept.size(), 4u);
  EXPECT_EQ(kept[0], &p.glyphs[0]);
  EXPECT_EQ(kept[1], &p.glyphs[2]);
  EXPECT_EQ(kept[2], &p.glyphs[4]);
  EXPECT_EQ(kept[3], &p.glyphs[5]);
}

TEST(PdfLayout, DistinctGlyphsIsLinearOnTextDrawnManyTimes) {
  PdfPage p = Page();
  for (int i = 0; i < 200000; ++i) Text(p, 100, 100, "0");
  for (int i = 0; i < 1000; ++i) Text(p, 100 + 6 * (i % 80), 200 + i / 80, "0");
  const std::vector<const PdfGlyph*> kept = DistinctGlyphs(p.glyphs);
  // One of the 200,000; of the grid, rows 1 pt apart (0.1 of the size)
  // are duplicates of the row above them.
  EXPECT_EQ(kept.front(), &p.glyphs.front());
  EXPECT_LT(kept.size(), 1u + 1000u);
  EXPECT_GE(kept.size(), 1u + 80u);
}

TEST(PdfLayout, ParagraphLinesJoin) {
  PdfPage p = Page();
  Text(p, 100, 100,
       "二〇二三年，我区受理政府信息公开申请");  // runs to the right edge
  Text(p, 100, 112, "21件。");
  Text(p, 120, 140, "（二）下一段");
  std::vector<Block> blocks = Layout(p);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].text, "二〇二三年，我区受理政府信息公开申请21件。");
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

TEST(PdfLayout, TableWithoutBordersByAlignment) {
  PdfPage p = Page();
  Text(p, 100, 100, "第二十条第（六）项");
  Text(p, 100, 120, "行政处罚");
  Text(p, 300, 120, "4119");
  Text(p, 100, 140, "行政强制");
  Text(p, 300, 140, "195");
  std::vector<Block> blocks = Layout(p);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].kind, BlockKind::kParagraph);
  ASSERT_EQ(blocks[1].kind, BlockKind::kTable);
  const Table& t = blocks[1].table;
  ASSERT_EQ(t.cells.size(), 4u);
  EXPECT_EQ(t.cells[0].text, "行政处罚");
  EXPECT_EQ(t.cells[3].text, "195");
  EXPECT_EQ(t.cells[3].row, 1);
}

// A borderless table whose label column runs up to the first number, 3 pt
// away (a gap closer than CJK-Latin spacing in prose; seen in
// synthetic-subtotal-002.pdf): the digits line up with the first column of
// the other row and are split off the label. A prose line ending in a digit
// at the same place stays one paragraph.
TEST(PdfLayout, NumberRunningIntoItsLabelIsSplitWhereItAlignsWithAColumn) {
  PdfPage p = Page();
  Text(p, 100, 100, "其他法律禁");  // 5 characters: x 100..150
  Text(p, 153, 100, "12");          // 3 pt after the label
  Text(p, 300, 100, "7");
  Text(p, 100, 120, "国家秘密");  // x 100..140
  Text(p, 153, 120, "0");         // 13 pt after its label
  Text(p, 300, 120, "0");
  Text(p, 103, 200, "收到申请共");  // prose, x 103..153
  Text(p, 153, 200, "1");           // at the first column's edge
  std::vector<Block> blocks = Layout(p);
  const Table* t = OnlyTable(blocks);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->cells.size(), 6u);
  EXPECT_EQ(t->cells[0].text, "其他法律禁");
  EXPECT_EQ(t->cells[1].text, "12");
  EXPECT_EQ(t->cells[2].text, "7");
  EXPECT_EQ(t->cells[3].text, "国家秘密");
  EXPECT_EQ(t->cells[4].text, "0");
  ASSERT_EQ(blocks.back().kind, BlockKind::kParagraph);
  EXPECT_EQ(blocks.back().text, "收到申请共1");
}

}  // namespace
}  // namespace gongkai
