// The document model that every extractor fills and every later stage reads.
//
// A Document is the source (path, sha256, size, format), its metadata, its
// page count and an ordered list of blocks: headings, paragraphs and tables.
// A Table is a grid of cells with spans; merged cells are kept once, with
// their row and column spans, never duplicated. Every piece of text has two
// forms: `raw`, exactly as the extractor found it (quoted as evidence), and
// `text`, the normalized form filled in by Normalize() (src/normalize.h).
//
// Extractors never build cells by hand: TableBuilder places cells row by row
// as HTML does (skipping positions covered by earlier row spans), so that
// every extractor yields the same grid for the same table.
#ifndef GONGKAI_SRC_MODEL_DOCUMENT_H_
#define GONGKAI_SRC_MODEL_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "src/model/status.h"

namespace gongkai {

// A box on a page, in points, top-left origin (formats with geometry only).
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct Cell {
  int row = 0, col = 0;
  int row_span = 1, col_span = 1;
  std::string raw;   // as found
  std::string text;  // normalized
  int page = 0;      // 1-based; 0 when the format has no pages
  std::optional<Box> box;
  // Read by OCR: the confidence of the reading (0..1), every reading made
  // (page-level, then digits-only per binarization), and whether they
  // left the cell uncertain (disagreeing or of low confidence).
  std::optional<double> confidence;
  std::vector<std::string> readings;
  bool uncertain = false;
};

struct Table {
  int rows = 0, cols = 0;
  std::vector<Cell> cells;  // in row-major order of their top-left corner
};

enum class BlockKind { kHeading, kParagraph, kTable };

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string raw;   // heading and paragraph text as found
  std::string text;  // normalized
  int page = 0;
  Table table;  // kind == kTable only
};

struct Source {
  std::string path;
  std::string sha256;
  uint64_t bytes = 0;
  std::string format;    // "html", "text", "pdf", "docx"
  std::string encoding;  // the character encoding read, where one applies
  int ocr_pages = 0;     // pages read from pixels (OCR), not a text layer
};

struct Metadata {
  std::string title, author, created, modified;
};

// A problem that does not stop a document or a report: a damaged object
// the PDF library skipped, HTML the parser had to repair, bytes that were
// not text, a row the reader did not recognize.
struct Diagnostic {
  std::string code;  // "row_not_found", "pdf_warning", ...
  std::string message;
  int page = 0;
};

struct Document {
  Source source;
  Metadata metadata;
  int pages = 0;
  std::vector<Block> blocks;
  // What the extractor met and worked around (DocumentBuilder).
  std::vector<Diagnostic> diagnostics;
};

// How an extractor fills a Document: every string is made valid UTF-8
// (a malformed sequence becomes U+FFFD) before it reaches the model, so
// that no later stage (JSON, the dataset) meets invalid text; empty
// paragraphs and tables are dropped; diagnostics are bounded and their
// control bytes escaped, so that a document cannot flood or drive the
// operator's terminal.
class DocumentBuilder {
 public:
  static constexpr size_t kMaxDiagnostics = 50;

  // Adds a heading or paragraph of text as found; nothing if it is empty.
  void AddText(BlockKind kind, std::string raw, int page = 0);
  // Adds a table (from TableBuilder::Finish); nothing if it has no cells.
  void AddTable(Table table, int page = 0);
  // Adds a block of any kind, as AddText() or AddTable() would.
  void AddBlock(Block block);
  // Adds a diagnostic; one said before (same code, message and page) is
  // counted, not repeated. Past kMaxDiagnostics, one more says how many
  // were left out.
  void AddDiagnostic(const std::string& code, const std::string& message,
                     int page = 0);
  void SetMetadata(Metadata metadata) { doc_.metadata = std::move(metadata); }
  // The metadata being filled (made valid UTF-8 by Finish()).
  Metadata& metadata() { return doc_.metadata; }
  void SetPages(int pages) { doc_.pages = pages; }
  void SetEncoding(std::string encoding) {
    doc_.source.encoding = std::move(encoding);
  }
  bool HasBlocks() const { return !doc_.blocks.empty(); }
  // Counts one more page read by OCR.
  void CountOcrPage() { ++doc_.source.ocr_pages; }

  // Returns the document; the builder is left empty.
  Document Finish();

 private:
  Document doc_;
  std::vector<size_t> repeats_;  // per diagnostic: repeats after the first
  size_t diagnostics_dropped_ = 0;
};

// Builds one table row by row. Cells are placed left to right in the first
// column not covered by a row span from an earlier row.
class TableBuilder {
 public:
  // A builder of tables of at most `max_cells` grid positions (the sum of
  // row span x column span of their cells; Limits::max_table_cells).
  explicit TableBuilder(int64_t max_cells = kDefaultMaxCells)
      : max_cells_(max_cells) {}
  // Starts a new row.
  void BeginRow();
  // Adds a cell to the current row; spans are clamped to [1, kMaxSpan].
  // Once the table would cover more than max_cells positions, the cell is
  // dropped and exceeded() is true (the extractor refuses the document).
  // Requires BeginRow() to have been called.
  void AddCell(std::string raw, int row_span = 1, int col_span = 1,
               int page = 0, std::optional<Box> box = std::nullopt);
  // Returns the finished table; the builder is left empty.
  Table Finish();
  bool empty() const { return table_.cells.empty(); }
  // Returns the raw text of the last cell added ("" if none).
  const std::string& LastCellRaw() const;
  // Appends `more` to the last cell's raw text; no-op if there is none.
  void AppendToLastCell(const std::string& more);

  static constexpr int kMaxSpan = 1000;
  static constexpr int64_t kDefaultMaxCells = 200000;
  // Returns true iff a cell was dropped for the limit on grid positions.
  bool exceeded() const { return exceeded_; }
  int64_t max_cells() const { return max_cells_; }

 private:
  bool Covered(int row, int col) const;

  Table table_;
  int current_row_ = -1;
  int next_col_ = 0;
  // Row-span coverage: for each column, the last row (exclusive) covered.
  std::vector<int> covered_until_;
  int64_t max_cells_;
  int64_t area_ = 0;  // grid positions covered so far
  bool exceeded_ = false;
};

// Returns the error of a table that exceeded its builder's limit on grid
// positions: "limit_table_cells", naming the limit.
Status TableCellsError(const TableBuilder& builder);

}  // namespace gongkai

#endif  // GONGKAI_SRC_MODEL_DOCUMENT_H_
