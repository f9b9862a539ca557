// TableBuilder: places cells on the grid the way HTML tables do.
#include "src/model/document.h"

#include <algorithm>

namespace gongkai {

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

}  // namespace gongkai
