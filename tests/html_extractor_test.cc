// The HTML extractor: spans, encodings, no external entities, depth limit.
#include "extractors/html/html_extractor.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/test_util.h"

namespace gongkai {
namespace {

StatusOr<Document> Extract(const std::string& html) {
  return ExtractHtml(html, Limits(), testing::TestLexicon());
}

const Table* FirstTable(const Document& doc) {
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kTable) return &b.table;
  }
  return nullptr;
}

TEST(HtmlExtractor, SpansArePlacedOnTheGrid) {
  StatusOr<Document> doc = Extract(
      "<html><body><p>前言</p><table>"
      "<tr><td rowspan=2 colspan=2>甲</td><td>乙</td></tr>"
      "<tr><td>丙</td></tr>"
      "<tr><td>丁</td><td "
      "colspan=\"2\">戊<br>己</td></tr></table><p>后记</p></body></html>");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->blocks.size(), 3u);
  const Table* t = FirstTable(*doc);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->cells.size(), 5u);
  EXPECT_EQ(t->cells[0].row_span, 2);
  EXPECT_EQ(t->cells[0].col_span, 2);
  EXPECT_EQ(t->cells[2].raw, "丙");
  EXPECT_EQ(t->cells[2].row, 1);
  EXPECT_EQ(t->cells[2].col, 2);  // placed after the row span
  EXPECT_EQ(t->cells[4].raw, "戊\n己");
  EXPECT_EQ(t->cols, 3);
}

// Pages laid out with tables: a table whose cells hold a bigger table, or
// a single cell, is the page's flow (the report inside it is read); a data
// table with a small table in a cell stays one table.
// Former bug (issue #12, 11): 8.8 MB of HTML with huge colspan/rowspan
// took 1.27 GB. A table of more grid positions than
// Limits::max_table_cells is refused, naming the limit; a real report's
// spans are far below it.
TEST(HtmlExtractorFormerBugs, HugeSpansAreRefused) {
  std::string html = "<table>";
  for (int r = 0; r < 50; ++r)
    html += "<tr><td rowspan=\"1000\" colspan=\"1000\">x</td></tr>";
  StatusOr<Document> doc = Extract(html + "</table>");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "limit_table_cells");
}

TEST(HtmlExtractor, LayoutTablesAreReadAsTheFlowOfThePage) {
  StatusOr<Document> doc = Extract(
      "<html><body><table><tr><td>导航</td><td><table><tr><td>"
      "<p>标题</p><table><tr><td>甲</td><td>1</td></tr>"
      "<tr><td>乙</td><td>2</td></tr></table>"
      "</td></tr></table></td></tr></table></body></html>");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->blocks.size(), 3u);
  EXPECT_EQ(doc->blocks[0].raw, "导航");
  EXPECT_EQ(doc->blocks[1].raw, "标题");
  const Table* t = FirstTable(*doc);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->cells.size(), 4u);
  EXPECT_EQ(t->cells[3].raw, "2");

  StatusOr<Document> data = Extract(
      "<html><body><table><tr><td>甲</td><td>1</td></tr><tr><td>乙</td>"
      "<td><table><tr><td>内</td></tr></table></td></tr></table>"
      "</body></html>");
  ASSERT_TRUE(data.ok());
  ASSERT_EQ(data->blocks.size(), 1u);
  ASSERT_EQ(data->blocks[0].table.cells.size(), 4u);
  EXPECT_EQ(data->blocks[0].table.cells[3].raw, "内");
}

TEST(HtmlExtractor, GbkDeclaredAsGb2312) {
  // "行政许可" in GBK, in a page that declares gb2312.
  std::string html =
      "<html><head><meta "
      "charset=\"gb2312\"></head><body><p>\xD0\xD0\xD5\xFE\xD0\xED\xBF\xC9</"
      "p></body></html>";
  StatusOr<Document> doc = Extract(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->source.encoding, "GB18030");
  EXPECT_EQ(doc->blocks[0].raw, "行政许可");
}

TEST(HtmlExtractor, GbkPageLabelledUtf8IsReadAsGbk) {
  std::string html =
      "<html><head><meta "
      "charset=\"utf-8\"></head><body><p>\xD0\xD0\xD5\xFE\xD0\xED\xBF\xC9</p></"
      "body></html>";
  StatusOr<Document> doc = Extract(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->blocks[0].raw, "行政许可");
}

TEST(HtmlExtractor, DeclaredCharset) {
  EXPECT_EQ(DeclaredHtmlCharset("<meta http-equiv=\"Content-Type\" "
                                "content=\"text/html; charset=GBK\">"),
            "gbk");
  EXPECT_EQ(DeclaredHtmlCharset("<meta charset='utf-8'>"), "utf-8");
  EXPECT_EQ(DeclaredHtmlCharset("<p>charset=gbk in text</p>"), "");
}

TEST(HtmlExtractor, NoExternalEntityIsLoaded) {
  std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/secret.txt", "TOPSECRET");
  std::string html =
      "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file://" + dir +
      "/secret.txt\">]><html><body><p>before &xxe; after</p></body></html>";
  StatusOr<Document> doc = Extract(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  std::string text;
  for (const Block& b : doc->blocks) text += b.raw + "\n";
  EXPECT_NE(text.find("before"), std::string::npos) << text;  // it was read
  EXPECT_EQ(text.find("TOPSECRET"), std::string::npos) << text;
  std::filesystem::remove_all(dir);
}

// A tree deeper than the limit is an error naming the limit; one within it
// is read. (The depth is kept below libxml2's own limit, so that the
// extractor's guard, not the library's, is what is tested.)
TEST(HtmlExtractor, DeepNestingIsAnError) {
  Limits limits;
  limits.max_nesting = 40;
  auto nested = [](int depth) {
    std::string html = "<html><body>";
    for (int i = 0; i < depth; ++i) html += "<div>";
    return html + "x</body></html>";
  };
  StatusOr<Document> deep =
      ExtractHtml(nested(100), limits, testing::TestLexicon());
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().code(), "limit_nesting");
  StatusOr<Document> shallow =
      ExtractHtml(nested(20), limits, testing::TestLexicon());
  ASSERT_TRUE(shallow.ok()) << shallow.status().ToString();
}

TEST(HtmlExtractor, ScriptAndStyleAreIgnored) {
  StatusOr<Document> doc = Extract(
      "<html><head><title>标题</title><style>p{}</style></head>"
      "<body><script>var x=1;</script><p>正文</p></body></html>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->metadata.title, "标题");
  ASSERT_EQ(doc->blocks.size(), 1u);
  EXPECT_EQ(doc->blocks[0].raw, "正文");
}

}  // namespace
}  // namespace gongkai
