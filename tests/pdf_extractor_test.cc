// The PDF extractor through Poppler: a real report's pages, tables and
// metadata, and the clear errors for encrypted, damaged and image-only files.
#include "extractors/pdf/pdf_extractor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/test_util.h"

namespace gongkai {
namespace {

StatusOr<Document> Extract(const std::string& relative) {
  return ExtractPdf(testing::ReadFile(testing::SourcePath(relative)), Limits(),
                    testing::TestLexicon());
}

TEST(PdfExtractor, RealReportPagesTablesAndMetadata) {
  StatusOr<Document> doc = Extract("corpus/real/hongze-2023.pdf");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->pages, 5);
  EXPECT_EQ(doc->metadata.title,
            "洪泽区人民政府2023年政府信息公开工作年度报告");
  EXPECT_EQ(doc->metadata.created.substr(0, 10), "D:20240226");
  int tables = 0;
  for (const Block& b : doc->blocks) {
    tables += b.kind == BlockKind::kTable;
    EXPECT_NE(b.raw, "-3-");  // page numbers are not content
  }
  EXPECT_GE(tables, 5);
}

// Returns a one-page PDF (Helvetica) whose page content is `content`.
std::string OnePagePdf(const std::string& content) {
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << "
      "/Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
          content + "\nendstream"};
  return testing::PdfOfObjects(objects);
}

// Fake bold as some writers draw it: the line twice, 0.4 pt apart. It is
// read once (Poppler reads the content in its own order here; the layout
// drops the second drawing).
TEST(PdfExtractor, FakeBoldTextDrawnTwiceIsReadOnce) {
  const std::string pdf = OnePagePdf(
      "BT /F1 12 Tf 72 700 Td (Total 11 cases) Tj ET\n"
      "BT /F1 12 Tf 72.4 700 Td (Total 11 cases) Tj ET\n"
      "BT /F1 12 Tf 72 680 Td (Total 11 cases) Tj ET");
  StatusOr<Document> doc = ExtractPdf(pdf, Limits(), testing::TestLexicon());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  std::string text;
  for (const Block& b : doc->blocks) text += b.raw + "|";
  EXPECT_EQ(text, "Total11casesTotal11cases|");  // spaces are not glyphs
}

TEST(PdfExtractor, EncryptedNeedsAPassword) {
  StatusOr<Document> doc = Extract("corpus/hostile/encrypted.pdf");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "encrypted");
}

TEST(PdfExtractor, TruncatedIsDamaged) {
  StatusOr<Document> doc = Extract("corpus/hostile/truncated.pdf");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "damaged_pdf");
}

// A page without a text layer is read from its pixels (OCR): this one, a
// drawn box and nothing else, reads as an empty page said to be OCR's.
TEST(PdfExtractor, ImageOnlyPageIsReadByOcr) {
  StatusOr<Document> doc = Extract("corpus/hostile/no-text.pdf");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->source.ocr_pages, 1);
  ASSERT_FALSE(doc->diagnostics.empty());
  EXPECT_EQ(doc->diagnostics[0].code, "ocr_page");
}

TEST(PdfExtractor, PageLimit) {
  Limits limits;
  limits.max_pages = 2;
  StatusOr<Document> doc = ExtractPdf(
      testing::ReadFile(testing::SourcePath("corpus/real/hongze-2023.pdf")),
      limits, testing::TestLexicon());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), "limit_pages");
}

}  // namespace
}  // namespace gongkai
