// The text-dump extractor: cells, rows, continued cells, paragraphs, GBK.
#include "extractors/text/text_extractor.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include "tests/test_util.h"

namespace gongkai {
namespace {

Document Extract(const std::string& text) {
  StatusOr<Document> doc = ExtractText(text, Limits(), testing::TestLexicon());
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(*doc) : Document();
}

TEST(TextExtractor, CellsRowsAndParagraphs) {
  Document doc = Extract("标题\n\t甲\n\t乙\n\n\t丙\n\t\n\n\n段落\n");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kParagraph);
  EXPECT_EQ(doc.blocks[0].raw, "标题");
  const Table& t = doc.blocks[1].table;
  ASSERT_EQ(t.cells.size(), 4u);
  EXPECT_EQ(t.rows, 2);
  EXPECT_EQ(t.cells[2].raw, "丙");
  EXPECT_EQ(t.cells[2].row, 1);
  EXPECT_EQ(t.cells[3].raw, "");  // a blank cell is kept
  EXPECT_EQ(doc.blocks[2].raw, "段落");
}

TEST(TextExtractor, ShortLineContinuesACell) {
  Document doc = Extract("\t（四）\n无法提\n\t1.本机关不掌握相关政府信息\n");
  const Table& t = doc.blocks[0].table;
  ASSERT_EQ(t.cells.size(), 2u);
  EXPECT_EQ(t.cells[0].raw, "（四）\n无法提");
}

TEST(TextExtractor, LongLineAfterACellIsAParagraph) {
  Document doc =
      Extract("\t0\n五、存在的主要问题及改进情况。本年度工作仍有不足之处。\n");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kParagraph);
}

TEST(TextExtractor, WithoutTabsEveryLineIsACell) {
  Document doc = Extract("行政许可\n5\n");
  ASSERT_EQ(doc.blocks.size(), 1u);
  ASSERT_EQ(doc.blocks[0].table.cells.size(), 2u);
}

// Rows printed on one line (a page copied as text, `pdftotext -layout`):
// the label, split at gaps of two spaces, then one cell per value; one
// value only after such a gap. A sentence ending in a number stays text.
TEST(TextExtractor, RowsPrintedOnOneLine) {
  Document doc = Extract(
      "三、本年度办理结果   （一）予以公开   12  3  -  0\n"
      "行政许可            550\n"
      "本年度共收到申请 17\n");
  ASSERT_GE(doc.blocks.size(), 1u);
  ASSERT_EQ(doc.blocks[0].kind, BlockKind::kTable);
  const Table& t = doc.blocks[0].table;
  // (Without tabs, the sentence is a cell of its own, one line = one cell.)
  ASSERT_EQ(t.cells.size(), 9u);
  EXPECT_EQ(t.cells[0].raw, "三、本年度办理结果");
  EXPECT_EQ(t.cells[1].raw, "（一）予以公开");
  EXPECT_EQ(t.cells[2].raw, "12");
  EXPECT_EQ(t.cells[4].raw, "-");
  EXPECT_EQ(t.cells[6].raw, "行政许可");
  EXPECT_EQ(t.cells[6].row, 1);
  EXPECT_EQ(t.cells[7].raw, "550");
  bool sentence_kept = false;
  for (const Block& b : doc.blocks) {
    for (const Cell& c : b.table.cells)
      sentence_kept = sentence_kept || c.raw == "本年度共收到申请 17";
    sentence_kept = sentence_kept || b.raw == "本年度共收到申请 17";
  }
  EXPECT_TRUE(sentence_kept);
}

TEST(TextExtractor, ReadsGbk) {
  const std::string utf8 = "\t行政许可\n\t5\n";
  UErrorCode status = U_ZERO_ERROR;
  char gbk[64];
  int32_t n = ucnv_convert("GB18030", "UTF-8", gbk, sizeof gbk, utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  ASSERT_TRUE(U_SUCCESS(status));
  StatusOr<Document> doc =
      ExtractText(std::string(gbk, n), Limits(), testing::TestLexicon());
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->source.encoding, "GB18030");
  EXPECT_EQ(doc->blocks[0].table.cells[0].raw, "行政许可");
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

TEST(MarkdownText, PipeTablesHeadingsAndPageMarkers) {
  const std::string md =
      "# 示例局2023年政府信息公开工作年度报告\n\n"
      "第一段落的第一行，\n接着第二行。\n\n"
      "— 2 —\n\n"
      "| 信息内容 | 本年制发件数 |\n"
      "|:---|---:|\n"
      "| 规章<br>（含修订） | 1 |\n"
      "| a \\| b | 2 |\n";
  StatusOr<Document> doc = ExtractText(md, Limits(), testing::TestLexicon());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->blocks.size(), 3u);
  EXPECT_EQ(doc->blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc->blocks[0].raw, "示例局2023年政府信息公开工作年度报告");
  EXPECT_EQ(doc->blocks[1].raw, "第一段落的第一行，接着第二行。");  // joined
  ASSERT_EQ(doc->blocks[2].kind, BlockKind::kTable);
  const Table& t = doc->blocks[2].table;
  EXPECT_EQ(t.rows, 3);  // the separator row is not a row
  EXPECT_EQ(t.cells[2].raw, "规章\n（含修订）");
  EXPECT_EQ(t.cells[4].raw, "a | b");
}

}  // namespace
}  // namespace gongkai
