// The plain-text extractor; see text_extractor.h.
#include "extractors/text/text_extractor.h"

#include <sstream>
#include <vector>

#include "extractors/charset.h"
#include "extractors/text/markdown.h"
#include "extractors/value_token.h"
#include "src/model/utf8.h"

namespace gongkai {
namespace {

// A cell continues on the next line only when both are short: a label broken
// inside its cell, not a paragraph after the table.
constexpr int kMaxContinuationChars = 6;
constexpr int kMaxContinuedCellChars = 12;
// In a laid-out dump, a line this short right after a row is a label.
constexpr int kMaxWrappedLabel = 15;
// A dump with this many rows printed on one line, and no tab, is laid out.
constexpr int kMinLaidOutRows = 3;

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
std::vector<std::string> RowCells(const std::string& line,
                                  const Lexicon& lexicon) {
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
    if (!IsNumberToken(tokens[k], lexicon) && !IsNaMarker(tokens[k], lexicon))
      break;
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

// How a dump marks its table cells.
enum class Layout {
  kTabCells,   // a line starting with a tab is a cell
  kLineCells,  // no tab: every line is a cell
  kLaidOut,    // rows printed on one line, text around (pdftotext -layout)
};

class TextReader {
 public:
  TextReader(DocumentBuilder& doc, Layout layout, const Lexicon& lexicon)
      : doc_(doc),
        lexicon_(lexicon),
        all_cells_(layout == Layout::kLineCells),
        laid_out_(layout == Layout::kLaidOut) {}

  void Line(const std::string& raw_line) {
    std::string line = TrimRight(raw_line);
    while (!line.empty() && line[0] == '\f') line.erase(0, 1);  // page break
    // A page number between two pages' lines (— 3 —, -3-) is not content:
    // not a row (its dashes are NA markers), not a paragraph ending a table.
    // A bare number, or a line after a tab, is a cell.
    if (!line.empty() && line[0] != '\t' &&
        line.find_first_not_of("0123456789 ") != std::string::npos &&
        IsPageMarker(line.substr(line.find_first_not_of(' ')), lexicon_))
      return;
    if (std::vector<std::string> cells = RowCells(line, lexicon_);
        !cells.empty()) {
      FlushParagraph();
      table_.BeginRow();
      for (const std::string& cell : cells) table_.AddCell(cell);
      in_row_ = false;  // the next line starts a row of its own
      last_was_cell_ = false;
      after_row_ = true;
      return;
    }
    if (laid_out_) return LaidOutLine(line);
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
    doc_.AddBlock(std::move(block));
    last_was_cell_ = false;
  }

  // Emits what is pending at the end of the dump.
  void Finish() {
    FlushParagraph();
    FlushTable();
  }

 private:
  // A line of a laid-out dump that is not a row: a short line right after a
  // row is a label-only row (a group label, or the rest of a wrapped
  // label); other lines are paragraphs, an unindented line joining the
  // paragraph above (prose wrapped at the line end).
  void LaidOutLine(const std::string& line) {
    const size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos) {
      FlushParagraph();
      after_row_ = false;
      return;
    }
    const std::string text = line.substr(indent);
    if (after_row_ && CountCodePoints(text) <= kMaxWrappedLabel) {
      table_.BeginRow();
      table_.AddCell(text);
      return;
    }
    after_row_ = false;
    FlushTable();
    if (!paragraph_.empty() && indent < 2) {
      paragraph_ += text;
      return;
    }
    FlushParagraph();
    paragraph_ = text;
  }

  void FlushParagraph() {
    if (paragraph_.empty()) return;
    Block block;
    block.kind = BlockKind::kParagraph;
    block.raw = std::move(paragraph_);
    doc_.AddBlock(std::move(block));
    paragraph_.clear();
  }

  void FlushTable() {
    in_row_ = false;
    if (table_.empty()) return;
    Block block;
    block.kind = BlockKind::kTable;
    block.table = table_.Finish();
    doc_.AddBlock(std::move(block));
  }

  DocumentBuilder& doc_;
  const Lexicon& lexicon_;
  TableBuilder table_;
  bool all_cells_;
  bool laid_out_;
  bool in_row_ = false;
  bool last_was_cell_ = false;
  bool after_row_ = false;  // the last line was a row (laid-out dumps)
  std::string paragraph_;   // the paragraph being joined (laid-out dumps)
};

}  // namespace

StatusOr<Document> ExtractText(std::string_view bytes, const Limits& limits,
                               const Lexicon& lexicon) {
  StatusOr<DecodedText> decoded = DecodeToUtf8(bytes, "");
  if (!decoded.ok()) return decoded.status();
  DocumentBuilder doc;
  doc.SetEncoding(decoded->encoding);
  NoteReplacedBytes(*decoded, doc);
  if (LooksLikeMarkdown(decoded->text)) {
    Status s = ReadMarkdown(decoded->text, limits, lexicon, doc);
    if (!s.ok()) return s;
    return doc.Finish();
  }
  const std::string& text = decoded->text;
  const bool has_tab_cells =
      text.rfind('\t', 0) == 0 || text.find("\n\t") != std::string::npos;
  std::string line;
  int one_line_rows = 0;
  for (std::istringstream in(text); !has_tab_cells &&
                                    one_line_rows < kMinLaidOutRows &&
                                    std::getline(in, line);) {
    one_line_rows += !RowCells(TrimRight(line), lexicon).empty();
  }
  const Layout layout = has_tab_cells                      ? Layout::kTabCells
                        : one_line_rows >= kMinLaidOutRows ? Layout::kLaidOut
                                                           : Layout::kLineCells;
  TextReader reader(doc, layout, lexicon);
  for (std::istringstream in(text); std::getline(in, line);) reader.Line(line);
  reader.Finish();
  return doc.Finish();
}

bool SniffText(std::string_view bytes) {
  if (bytes.find('\0') != std::string_view::npos) return false;
  return IsValidUtf8(bytes) || IsGb18030Text(bytes) || MostlyText(bytes);
}

}  // namespace gongkai
