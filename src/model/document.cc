// DocumentBuilder: valid text in, bounded diagnostics; TableBuilder:
// places cells on the grid the way HTML tables do.
#include "src/model/document.h"

#include <algorithm>
#include <utility>

#include "src/model/utf8.h"

namespace gongkai {

void DocumentBuilder::AddText(BlockKind kind, std::string raw, int page) {
  if (raw.empty()) return;
  Block b;
  b.kind = kind;
  b.raw = std::move(raw);
  b.page = page;
  AddBlock(std::move(b));
}

void DocumentBuilder::AddTable(Table table, int page) {
  Block b;
  b.kind = BlockKind::kTable;
  b.table = std::move(table);
  b.page = page;
  AddBlock(std::move(b));
}

void DocumentBuilder::AddBlock(Block block) {
  if (block.kind == BlockKind::kTable) {
    if (block.table.cells.empty()) return;
    for (Cell& c : block.table.cells) {
      if (!IsValidUtf8(c.raw)) c.raw = RepairUtf8(c.raw);
    }
  } else {
    if (block.raw.empty()) return;
    if (!IsValidUtf8(block.raw)) block.raw = RepairUtf8(block.raw);
  }
  doc_.blocks.push_back(std::move(block));
}

void DocumentBuilder::AddDiagnostic(const std::string& code,
                                    const std::string& message, int page) {
  Diagnostic d{code, EscapeControls(RepairUtf8(message)), page};
  for (size_t i = 0; i < doc_.diagnostics.size(); ++i) {
    const Diagnostic& seen = doc_.diagnostics[i];
    if (seen.code == d.code && seen.message == d.message &&
        seen.page == d.page) {
      ++repeats_[i];  // said once, with how many times
      return;
    }
  }
  if (doc_.diagnostics.size() >= kMaxDiagnostics) {
    ++diagnostics_dropped_;
    return;
  }
  doc_.diagnostics.push_back(std::move(d));
  repeats_.push_back(0);
}

Document DocumentBuilder::Finish() {
  Metadata& m = doc_.metadata;
  for (std::string* s : {&m.title, &m.author, &m.created, &m.modified}) {
    if (!IsValidUtf8(*s)) *s = RepairUtf8(*s);
  }
  for (size_t i = 0; i < repeats_.size(); ++i) {
    if (repeats_[i] > 0)
      doc_.diagnostics[i].message +=
          " (" + std::to_string(repeats_[i] + 1) + " times)";
  }
  repeats_.clear();
  if (diagnostics_dropped_ > 0) {
    doc_.diagnostics.push_back(
        {"diagnostics_dropped",
         std::to_string(diagnostics_dropped_) + " more diagnostics left out",
         0});
  }
  diagnostics_dropped_ = 0;
  return std::exchange(doc_, Document());
}

void TableBuilder::BeginRow() {
  ++current_row_;
  next_col_ = 0;
  table_.rows = std::max(table_.rows, current_row_ + 1);
}

bool TableBuilder::Covered(int row, int col) const {
  return col < static_cast<int>(covered_until_.size()) &&
         covered_until_[col] > row;
}

void TableBuilder::AddCell(std::string raw, int row_span, int col_span,
                           int page, std::optional<Box> box) {
  if (current_row_ < 0) BeginRow();
  row_span = std::clamp(row_span, 1, kMaxSpan);
  col_span = std::clamp(col_span, 1, kMaxSpan);
  const int64_t area = int64_t{row_span} * col_span;
  if (exceeded_ || area_ + area > max_cells_) {
    exceeded_ = true;
    return;
  }
  area_ += area;
  // Columns covered from above are skipped; there are at most as many as
  // positions covered, so the scan is bounded by the limit.
  while (Covered(current_row_, next_col_)) ++next_col_;
  Cell cell;
  cell.row = current_row_;
  cell.col = next_col_;
  cell.row_span = row_span;
  cell.col_span = col_span;
  cell.raw = std::move(raw);
  cell.page = page;
  cell.box = box;
  const int end_col = next_col_ + col_span;
  if (static_cast<int>(covered_until_.size()) < end_col) {
    covered_until_.resize(end_col, 0);
  }
  for (int c = next_col_; c < end_col; ++c) {
    covered_until_[c] = std::max(covered_until_[c], current_row_ + row_span);
  }
  table_.cols = std::max(table_.cols, end_col);
  table_.rows = std::max(table_.rows, current_row_ + row_span);
  next_col_ = end_col;
  table_.cells.push_back(std::move(cell));
}

const std::string& TableBuilder::LastCellRaw() const {
  static const std::string kEmpty;
  return table_.cells.empty() ? kEmpty : table_.cells.back().raw;
}

void TableBuilder::AppendToLastCell(const std::string& more) {
  if (!table_.cells.empty()) table_.cells.back().raw += more;
}

Table TableBuilder::Finish() {
  Table out = std::move(table_);
  table_ = Table();
  current_row_ = -1;
  next_col_ = 0;
  covered_until_.clear();
  return out;
}

Status TableCellsError(const TableBuilder& builder) {
  return Status::LimitExceeded(
      "extract", "table_cells",
      "a table covers more than " + std::to_string(builder.max_cells()) +
          " grid cells (its spans), the limit per table");
}

}  // namespace gongkai
