// The DOCX extractor: the blank template's merged cells, vMerge and
// gridSpan, nested tables, metadata, and hostile archives (zip bomb, too
// many members, external entities, not a DOCX).
#include "extractors/docx/docx_extractor.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>

#include "tests/test_util.h"

namespace gongkai {
namespace {

// Builds a DOCX in memory from member name -> content.
std::string MakeZip(
    const std::vector<std::pair<std::string, std::string>>& members) {
  std::string dir = testing::TempDir();
  std::string path = dir + "/x.zip";
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  for (const auto& [name, content] : members) {
    char* copy = static_cast<char*>(malloc(content.size() + 1));
    memcpy(copy, content.data(), content.size());
    zip_source_t* src = zip_source_buffer(z, copy, content.size(), 1);
    zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE);
  }
  zip_close(z);
  std::string bytes = testing::ReadFile(path);
  std::filesystem::remove_all(dir);
  return bytes;
}

std::string Body(const std::string& inner) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
         "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
         "main\"><w:body>" +
         inner + "</w:body></w:document>";
}

std::string Tc(const std::string& text, const std::string& props = "") {
  return "<w:tc><w:tcPr>" + props + "</w:tcPr><w:p><w:r><w:t>" + text +
         "</w:t></w:r></w:p></w:tc>";
}

TEST(DocxExtractor, BlankTemplateKeepsMergedCellsAsSpans) {
  StatusOr<Document> doc = ExtractDocx(
      testing::ReadFile(
          testing::SourcePath("corpus/real/template-2021-blank.docx")),
      Limits(), testing::TestLexicon());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  int tables = 0;
  bool note_cell = false, results_group = false;
  for (const Block& b : doc->blocks) {
    if (b.kind != BlockKind::kTable) continue;
    ++tables;
    for (const Cell& c : b.table.cells) {
      if (c.raw.find("勾稽关系") != std::string::npos) {
        note_cell = c.row_span == 3 && c.col_span == 3;
      }
      if (c.raw == "三、本年度办理结果") results_group = c.row_span == 22;
    }
  }
  EXPECT_EQ(tables, 3);
  EXPECT_TRUE(note_cell);
  EXPECT_TRUE(results_group);
  EXPECT_FALSE(doc->metadata.author.empty());
}

// Word writes a text box twice, as a drawing (mc:Choice) and as VML for
// older readers (mc:Fallback); a moved paragraph stays at its old place as
// w:moveFrom. Each text is read once.
TEST(DocxExtractor, TextBoxAndMovedTextReadOnce) {
  const std::string box =
      "<w:txbxContent><w:p><w:r><w:t>年度报告</w:t></w:r></w:p>"
      "</w:txbxContent>";
  const std::string body =
      "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
      "<w:drawing>" +
      box + "</w:drawing></mc:Choice><mc:Fallback><w:pict>" + box +
      "</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
      "<w:p><w:moveFrom><w:r><w:t>旧</w:t></w:r></w:moveFrom>"
      "<w:moveTo><w:r><w:t>新</w:t></w:r></w:moveTo></w:p>";
  std::string xml = Body(body);
  xml.replace(xml.find("<w:document "), 12,
              "<w:document xmlns:mc=\"http://schemas.openxmlformats.org/"
              "markup-compatibility/2006\" ");
  StatusOr<Document> doc = ExtractDocx(MakeZip({{"word/document.xml", xml}}),
                                       Limits(), testing::TestLexicon());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->blocks.size(), 2u);
  EXPECT_EQ(doc->blocks[0].raw, "年度报告");
  EXPECT_EQ(doc->blocks[1].raw, "新");
}

TEST(DocxExtractor, VMergeGridSpanAndNestedTable) {
  const std::string table =
      "<w:tbl><w:tr>" + Tc("甲", "<w:vMerge w:val=\"restart\"/>") +
      Tc("乙", "<w:gridSpan w:val=\"2\"/>") + "</w:tr><w:tr>" +
      Tc("", "<w:vMerge/>") + Tc("丙") +
      "<w:tc><w:p><w:r><w:t>丁</w:t></w:r></w:p><w:tbl><w:tr>" + Tc("内") +
      "</w:tr></w:tbl></w:tc>" + "</w:tr></w:tbl>";
  StatusOr<Document> doc = ExtractDocx(
      MakeZip({{"word/document.xml",
                Body("<w:p><w:r><w:t>前</w:t></w:r></w:p>" + table)}}),
      Limits(), testing::TestLexicon());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->blocks.size(), 2u);
  EXPECT_EQ(doc->blocks[0].raw, "前");
  const Table& t = doc->blocks[1].table;
  ASSERT_EQ(t.cells.size(), 4u);
  EXPECT_EQ(t.cells[0].row_span, 2);
  EXPECT_EQ(t.cells[1].col_span, 2);
  EXPECT_EQ(t.cells[2].raw, "丙");
  EXPECT_EQ(t.cells[2].col, 1);
  EXPECT_EQ(t.cells[3].raw, "丁\n内");
}

// Former bugs (issue #12, 11): a DOCX of w:vMerge continuation cells took
// the full timeout (each continuation scanned back over every cell before
// it), and one of huge w:gridSpan cells took 1.09 GB. Continuations are
// joined in one pass; a table of more grid positions than
// Limits::max_table_cells is refused, naming the limit.
TEST(DocxExtractorFormerBugs, VMergeChainsAreJoinedAndHugeSpansRefused) {
  constexpr int kRows = 20000, kCols = 3;
  std::string rows;
  for (int r = 0; r < kRows; ++r) {
    rows += "<w:tr>";
    for (int c = 0; c < kCols; ++c) {
      rows +=
          r == 0 ? Tc("头" + std::to_string(c), "<w:vMerge w:val=\"restart\"/>")
                 : Tc("", "<w:vMerge/>");
    }
    rows += "</w:tr>";
  }
  StatusOr<Document> merged = ExtractDocx(
      MakeZip({{"word/document.xml", Body("<w:tbl>" + rows + "</w:tbl>")}}),
      Limits(), testing::TestLexicon());
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  ASSERT_EQ(merged->blocks.size(), 1u);
  const Table& t = merged->blocks[0].table;
  ASSERT_EQ(t.cells.size(), static_cast<size_t>(kCols));
  // Each column is one cell, its span clamped to the builder's bound.
  for (const Cell& cell : t.cells)
    EXPECT_EQ(cell.row_span, std::min(kRows, TableBuilder::kMaxSpan));

  std::string wide = "<w:tbl>";
  for (int r = 0; r < 300; ++r)
    wide += "<w:tr>" + Tc("x", "<w:gridSpan w:val=\"1000\"/>") + "</w:tr>";
  StatusOr<Document> spans =
      ExtractDocx(MakeZip({{"word/document.xml", Body(wide + "</w:tbl>")}}),
                  Limits(), testing::TestLexicon());
  ASSERT_FALSE(spans.ok());
  EXPECT_EQ(spans.status().code(), "limit_table_cells");
  EXPECT_NE(spans.status().message().find("200000"), std::string::npos);
}

// A report set inside a table that lays out the page (a frame of one cell,
// or a cell holding a bigger table than its own): its paragraphs and
// tables are read as the document's, not as one cell's text.
TEST(DocxExtractor, LayoutTableIsReadAsTheDocumentFlow) {
  const std::string data = "<w:tbl><w:tr>" + Tc("甲") + Tc("1") +
                           "</w:tr><w:tr>" + Tc("乙") + Tc("2") +
                           "</w:tr></w:tbl>";
  const std::string frame =
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>标题</w:t>"
      "</w:r></w:p>" +
      data + "</w:tc></w:tr></w:tbl>";
  const std::string page = "<w:tbl><w:tr>" + Tc("导航") + "<w:tc><w:p/>" +
                           frame + "</w:tc></w:tr></w:tbl>";
  StatusOr<Document> doc =
      ExtractDocx(MakeZip({{"word/document.xml", Body(page)}}), Limits(),
                  testing::TestLexicon());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->blocks.size(), 3u);
  EXPECT_EQ(doc->blocks[0].raw, "导航");
  EXPECT_EQ(doc->blocks[1].raw, "标题");
  ASSERT_EQ(doc->blocks[2].kind, BlockKind::kTable);
  EXPECT_EQ(doc->blocks[2].table.cells.size(), 4u);
  EXPECT_EQ(doc->blocks[2].table.cells[3].raw, "2");
}

TEST(DocxExtractor, ZipBombIsStoppedByTheLimit) {
  Limits limits;
  limits.max_unzipped_bytes = 1 << 20;
  std::string big = Body("<w:p><w:r><w:t>" + std::string(4 << 20, 'a') +
                         "</w:t></w:r></w:p>");
  StatusOr<Document> doc = ExtractDocx(MakeZip({{"word/document.xml", big}}),
                                       limits, testing::TestLexicon());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "limit_unzipped_size");
}

TEST(DocxExtractor, TooManyMembers) {
  Limits limits;
  limits.max_zip_members = 10;
  std::vector<std::pair<std::string, std::string>> members = {
      {"word/document.xml", Body("")}};
  for (int i = 0; i < 20; ++i)
    members.push_back({"m" + std::to_string(i), "x"});
  StatusOr<Document> doc =
      ExtractDocx(MakeZip(members), limits, testing::TestLexicon());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "limit_zip_members");
}

TEST(DocxExtractor, ExternalEntityIsNotRead) {
  std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/secret.txt", "TOPSECRET");
  std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file://" +
      dir +
      "/secret.txt\">]><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
      "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>before &xxe; "
      "after</w:t></w:r></"
      "w:p>"
      "</w:body></w:document>";
  StatusOr<Document> doc = ExtractDocx(MakeZip({{"word/document.xml", xml}}),
                                       Limits(), testing::TestLexicon());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  std::string text;
  for (const Block& b : doc->blocks) text += b.raw + "\n";
  EXPECT_NE(text.find("before"), std::string::npos) << text;  // it was read
  EXPECT_EQ(text.find("TOPSECRET"), std::string::npos) << text;
  std::filesystem::remove_all(dir);
}

TEST(DocxExtractor, BillionLaughsIsRefused) {
  std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">";
  std::string prev = "a";
  for (int i = 0; i < 9; ++i) {
    std::string name = "e" + std::to_string(i);
    xml += "<!ENTITY " + name + " \"";
    for (int k = 0; k < 10; ++k) xml += "&" + prev + ";";
    xml += "\">";
    prev = name;
  }
  xml += "]><w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>&" + prev +
         ";</w:t></w:r></w:p></w:body></w:document>";
  StatusOr<Document> doc = ExtractDocx(MakeZip({{"word/document.xml", xml}}),
                                       Limits(), testing::TestLexicon());
  // libxml2, with no entity substitution asked for, refuses the
  // amplification as malformed; never a document of expanded text.
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "bad_xml");
}

TEST(DocxExtractor, ZipWithoutDocumentIsNotDocx) {
  StatusOr<Document> doc = ExtractDocx(MakeZip({{"readme.txt", "hello"}}),
                                       Limits(), testing::TestLexicon());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "not_docx");
  EXPECT_EQ(ExtractDocx("PK\x03\x04garbage", Limits(), testing::TestLexicon())
                .status()
                .code(),
            "bad_zip");
}

}  // namespace
}  // namespace gongkai
