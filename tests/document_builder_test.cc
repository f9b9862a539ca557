// The document builder: every string valid UTF-8 before it reaches the
// model, diagnostics bounded, counted and escaped; and the extractors'
// problems reaching the report instead of being dropped.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "extractors/pdf/pdf_extractor.h"
#include "extractors/registry.h"
#include "src/model/document.h"
#include "src/model/utf8.h"
#include "src/pipeline.h"
#include "src/sinks/sinks.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

// The PDF collector encodes each glyph's code point itself: a ToUnicode map
// may give a surrogate or a number past U+10FFFF, which becomes U+FFFD.
TEST(Utf8, EncodesCodePointsAndReplacesWhatIsNoCodePoint) {
  EXPECT_EQ(EncodeUtf8(U'7'), "7");
  EXPECT_EQ(EncodeUtf8(U'\u00e9'), "\xC3\xA9");
  EXPECT_EQ(EncodeUtf8(U'\u8868'), "表");
  EXPECT_EQ(EncodeUtf8(U'\U00020000'), "\xF0\xA0\x80\x80");
  EXPECT_EQ(EncodeUtf8(0xD800), "\xEF\xBF\xBD");
  EXPECT_EQ(EncodeUtf8(0x110000), "\xEF\xBF\xBD");
  EXPECT_EQ(EncodeUtf8(0xFFFFFFFF), "\xEF\xBF\xBD");
}

TEST(DocumentBuilder, RepairsTextAndBoundsDiagnostics) {
  DocumentBuilder b;
  b.AddText(BlockKind::kParagraph, "ok \xE6\x97");  // a cut character
  b.AddText(BlockKind::kParagraph, "");             // dropped
  b.metadata().title = "\xEF\xBB\xBF\xC3";          // BOM, then a cut one
  TableBuilder t;
  t.BeginRow();
  t.AddCell(
      "\xFF"
      "1");
  b.AddTable(t.Finish());
  b.AddTable(Table());  // no cells: dropped
  for (int i = 0; i < 3; ++i) b.AddDiagnostic("x", "same\x1b[31m");
  for (size_t i = 0; i < DocumentBuilder::kMaxDiagnostics + 5; ++i)
    b.AddDiagnostic("y", "n" + std::to_string(i));
  Document doc = b.Finish();
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_TRUE(IsValidUtf8(doc.blocks[0].raw));
  EXPECT_EQ(doc.blocks[0].raw.rfind("ok ", 0), 0u);
  EXPECT_TRUE(IsValidUtf8(doc.blocks[1].table.cells[0].raw));
  EXPECT_TRUE(IsValidUtf8(doc.metadata.title));
  EXPECT_EQ(doc.diagnostics[0].message, "same\\x1b[31m (3 times)");
  EXPECT_EQ(doc.diagnostics.size(), DocumentBuilder::kMaxDiagnostics + 1);
  EXPECT_EQ(doc.diagnostics.back().code, "diagnostics_dropped");
}

// Returns a one-page PDF printing `text` (ASCII), with `title` (any bytes)
// as its /Title; with `missing_image`, the page also draws an image whose
// object does not exist.
std::string TinyPdf(const std::string& text, const std::string& title,
                    bool missing_image = false) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >>" +
          std::string(missing_image ? " /XObject << /X9 77 0 R >>" : "") +
          " >> >>",
      "",  // the content stream, below
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Title (" + title + ") >>"};
  const std::string content = std::string(missing_image ? "/X9 Do " : "") +
                              "BT /F1 12 Tf 20 100 Td (" + text + ") Tj ET";
  objects[3] = "<< /Length " + std::to_string(content.size()) +
               " >>\nstream\n" + content + "\nendstream";
  return testing::PdfOfObjects(objects, "/Info 6 0 R");
}

// Former bug (issue #12, 3): a PDF whose /Title is a UTF-8 BOM followed by
// a cut character killed the worker with an uncaught JSON exception.
TEST(DocumentBuilderFormerBugs, InvalidPdfTitleIsRepaired) {
  const std::string pdf = TinyPdf("Hello", "\xEF\xBB\xBF\xE6\x97");
  StatusOr<Document> doc = ExtractPdf(pdf, Limits(), testing::TestLexicon());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_TRUE(IsValidUtf8(doc->metadata.title));
  Record r = ProcessBytes("tiny.pdf", pdf, DefaultRegistry(), testing::Rules(),
                          Limits());
  EXPECT_NO_THROW(RecordToJson(r).dump());
}

TEST(DocumentBuilder, PopplerProblemsBecomeDiagnostics) {
  // An image whose object is missing: Poppler says so and goes on; the
  // text is still read.
  const std::string pdf = TinyPdf("Hello", "t", true);
  StatusOr<Document> doc = ExtractPdf(pdf, Limits(), testing::TestLexicon());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_FALSE(doc->blocks.empty());
  ASSERT_FALSE(doc->diagnostics.empty());
  EXPECT_EQ(doc->diagnostics[0].code, "pdf_warning");
  EXPECT_NE(doc->diagnostics[0].message.find("Poppler: "), std::string::npos);
}

}  // namespace
}  // namespace gongkai
