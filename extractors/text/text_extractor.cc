// The plain-text extractor; see text_extractor.h.
#include "extractors/text/text_extractor.h"

#include <sstream>
#include <vector>

#include "extractors/charset.h"
#include "src/utf8.h"

namespace gongkai {
namespace {

// A cell continues on the next line only when both are short: a label broken
// inside its cell, not a paragraph after the table.
constexpr int kMaxContinuationChars = 6;
constexpr int kMaxContinuedCellChars = 12;

std::string TrimRight(std::string s) {
  while (!s.empty() &&
         (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.pop_back();
  return s;
}

class TextReader {
 public:
  // `all_cells`: the dump marks no cell with a tab, so every line is one.
  TextReader(Document& doc, bool all_cells)
      : doc_(doc), all_cells_(all_cells) {}

  void Line(const std::string& raw_line) {
    std::string line = TrimRight(raw_line);
    const bool is_cell =
        !raw_line.empty() && (raw_line[0] == '\t' || all_cells_);
    if (all_cells_ && !line.empty()) line = "\t" + line;
    if (is_cell) {
      if (!in_row_) {
        table_.BeginRow();
        in_row_ = true;
      }
      table_.AddCell(line.substr(line.empty() ? 0 : 1));
      last_was_cell_ = true;
      return;
    }
    if (line.empty()) {
      in_row_ = false;
      last_was_cell_ = false;
      return;
    }
    if (last_was_cell_ && in_row_ &&
        CountCodePoints(line) <= kMaxContinuationChars &&
        CountCodePoints(table_.LastCellRaw()) <= kMaxContinuedCellChars) {
      table_.AppendToLastCell("\n" + line);
      return;
    }
    FlushTable();
    Block block;
    block.kind = BlockKind::kParagraph;
    block.raw = line;
    doc_.blocks.push_back(std::move(block));
    last_was_cell_ = false;
  }

  void FlushTable() {
    in_row_ = false;
    if (table_.empty()) return;
    Block block;
    block.kind = BlockKind::kTable;
    block.table = table_.Finish();
    doc_.blocks.push_back(std::move(block));
  }

 private:
  Document& doc_;
  TableBuilder table_;
  bool all_cells_;
  bool in_row_ = false;
  bool last_was_cell_ = false;
};

}  // namespace

StatusOr<Document> ExtractText(std::string_view bytes,
                               const Limits& /*limits*/) {
  StatusOr<DecodedText> decoded = DecodeToUtf8(bytes, "");
  if (!decoded.ok()) return decoded.status();
  Document doc;
  doc.source.encoding = decoded->encoding;
  std::istringstream in(decoded->text);
  std::string line;
  const std::string& text = decoded->text;
  const bool has_tab_cells =
      text.rfind('\t', 0) == 0 || text.find("\n\t") != std::string::npos;
  TextReader reader(doc, !has_tab_cells);
  while (std::getline(in, line)) reader.Line(line);
  reader.FlushTable();
  return doc;
}

}  // namespace gongkai
