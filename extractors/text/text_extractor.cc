// The plain-text extractor; see text_extractor.h.
#include "extractors/text/text_extractor.h"

#include <sstream>
#include <vector>

#include "extractors/charset.h"
#include "extractors/value_token.h"
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

// A line that ends in two values or more (numbers or NA markers, separated
// by spaces), or in one value after a column gap (two spaces or a tab), is a
// table row printed on one line, as a page copied as text or `pdftotext
// -layout` gives it: returns its cells, the label split at column gaps; an
// empty list for any other line.
std::vector<std::string> RowCells(const std::string& line) {
  std::vector<std::string> tokens;  // words, and "" for a column gap
  size_t i = 0;
  while (i < line.size()) {
    size_t gap = i;
    while (gap < line.size() && (line[gap] == ' ' || line[gap] == '\t')) ++gap;
    if (gap > i && !tokens.empty() && (gap - i >= 2 || line[i] == '\t') &&
        !tokens.back().empty())
      tokens.push_back("");
    i = gap;
    size_t end = i;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    if (end > i) tokens.push_back(line.substr(i, end - i));
    i = end;
  }
  size_t values = 0, first_value = tokens.size();
  for (size_t k = tokens.size(); k-- > 0;) {
    if (tokens[k].empty()) continue;
    if (!IsNumberToken(tokens[k]) && !IsNaMarker(tokens[k])) break;
    ++values;
    first_value = k;
  }
  // One value makes a row only after a column gap, with a label before it
  // (`行政许可        550`); a sentence ending in a number does not.
  const bool gap_before = first_value > 1 && tokens[first_value - 1].empty();
  if (values < 2 && !(values == 1 && gap_before)) return {};
  std::vector<std::string> cells;
  std::string label;
  for (size_t k = 0; k < first_value; ++k) {
    if (tokens[k].empty()) {
      if (!label.empty()) cells.push_back(std::move(label));
      label.clear();
    } else {
      label += (label.empty() ? "" : " ") + tokens[k];
    }
  }
  if (!label.empty()) cells.push_back(std::move(label));
  for (size_t k = first_value; k < tokens.size(); ++k) {
    if (!tokens[k].empty()) cells.push_back(tokens[k]);
  }
  return cells;
}

class TextReader {
 public:
  // `all_cells`: the dump marks no cell with a tab, so every line is one.
  TextReader(Document& doc, bool all_cells)
      : doc_(doc), all_cells_(all_cells) {}

  void Line(const std::string& raw_line) {
    std::string line = TrimRight(raw_line);
    if (std::vector<std::string> cells = RowCells(line); !cells.empty()) {
      table_.BeginRow();
      for (const std::string& cell : cells) table_.AddCell(cell);
      in_row_ = false;  // the next line starts a row of its own
      last_was_cell_ = false;
      return;
    }
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
