// Borderless tables by alignment; see pdf_aligned.h.
#include "extractors/pdf/pdf_aligned.h"

#include <algorithm>
#include <cmath>

namespace gongkai {
namespace {

constexpr double kAlignTolerance = 3.0;  // points

// Numbers of a column share their left edge, right edge or centre,
// whichever way the cells are aligned. Returns, for each chunk (row, index),
// its column, trying the three alignments and keeping the one that needs
// the fewest columns without ever putting two numbers of one row in the
// same column. Returns false when none works.
bool AssignColumns(const std::vector<std::vector<Chunk>>& rows,
                   std::vector<std::vector<int>>* column_of, int* columns) {
  struct Point {
    double key;
    size_t row, index;
  };
  bool found = false;
  for (int alignment = 0; alignment < 3; ++alignment) {
    std::vector<Point> points;
    for (size_t r = 0; r < rows.size(); ++r) {
      for (size_t i = 0; i < rows[r].size(); ++i) {
        const Chunk& c = rows[r][i];
        if (!c.numeric) continue;
        const double key = alignment == 0   ? c.x0
                           : alignment == 1 ? c.x1
                                            : (c.x0 + c.x1) / 2;
        points.push_back({key, r, i});
      }
    }
    std::sort(points.begin(), points.end(),
              [](const Point& a, const Point& b) { return a.key < b.key; });
    std::vector<std::vector<int>> assignment(rows.size());
    for (size_t r = 0; r < rows.size(); ++r)
      assignment[r].assign(rows[r].size(), -1);
    int clusters = 0;
    bool valid = true;
    std::vector<size_t> rows_in_cluster;
    for (size_t k = 0; k < points.size() && valid; ++k) {
      if (k == 0 || points[k].key - points[k - 1].key > kAlignTolerance) {
        ++clusters;
        rows_in_cluster.clear();
      }
      if (std::find(rows_in_cluster.begin(), rows_in_cluster.end(),
                    points[k].row) != rows_in_cluster.end()) {
        valid = false;
      }
      rows_in_cluster.push_back(points[k].row);
      assignment[points[k].row][points[k].index] = clusters - 1;
    }
    if (valid && (!found || clusters < *columns)) {
      found = true;
      *columns = clusters;
      *column_of = std::move(assignment);
    }
  }
  return found;
}

// Fallback: columns are the unions of overlapping number ranges.
void UnionColumns(const std::vector<std::vector<Chunk>>& rows,
                  std::vector<std::vector<int>>* column_of, int* columns) {
  std::vector<std::pair<double, double>> ranges;
  for (const auto& row : rows) {
    for (const Chunk& c : row) {
      if (c.numeric) ranges.push_back({c.x0, c.x1});
    }
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<double, double>> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, r.second);
    } else {
      merged.push_back(r);
    }
  }
  *columns = static_cast<int>(merged.size());
  column_of->assign(rows.size(), {});
  for (size_t r = 0; r < rows.size(); ++r) {
    (*column_of)[r].assign(rows[r].size(), -1);
    for (size_t i = 0; i < rows[r].size(); ++i) {
      const Chunk& c = rows[r][i];
      for (size_t k = 0; c.numeric && k < merged.size(); ++k) {
        if (c.x0 <= merged[k].second && c.x1 >= merged[k].first) {
          (*column_of)[r][i] = static_cast<int>(k);
          break;
        }
      }
    }
  }
}

// The left and right edges of the numbers of a page's rows, sorted, each
// with its row: "does a number of another row start (or end) here?" in
// logarithmic time, whatever the size of a (hostile) page.
class NumberEdges {
 public:
  explicit NumberEdges(const std::vector<std::vector<Chunk>>& rows) {
    for (size_t r = 0; r < rows.size(); ++r) {
      for (const Chunk& c : rows[r]) {
        if (!c.numeric) continue;
        left_.push_back({c.x0, r});
        right_.push_back({c.x1, r});
      }
    }
    std::sort(left_.begin(), left_.end());
    std::sort(right_.begin(), right_.end());
  }

  // Returns true iff a number of a row other than `row` has its left edge
  // near x0 or its right edge near x1.
  bool AlignedInOtherRow(size_t row, double x0, double x1) const {
    return Near(left_, x0, row) || Near(right_, x1, row);
  }

 private:
  using Edge = std::pair<double, size_t>;
  static bool Near(const std::vector<Edge>& edges, double x, size_t row) {
    auto it = std::lower_bound(edges.begin(), edges.end(),
                               Edge{x - kAlignTolerance, 0});
    for (; it != edges.end() && it->first <= x + kAlignTolerance; ++it) {
      if (it->second != row) return true;
    }
    return false;
  }
  std::vector<Edge> left_, right_;
};

}  // namespace

void SplitNumberTails(std::vector<std::vector<Chunk>>& rows) {
  const NumberEdges edges(rows);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t i = 0; i < rows[r].size(); ++i) {
      const Chunk c = rows[r][i];
      if (c.numeric || c.tail_digits == 0 || c.tail_digits >= c.text.size() ||
          !edges.AlignedInOtherRow(r, c.tail_x0, c.x1)) {
        continue;
      }
      const size_t cut = c.text.size() - c.tail_digits;
      Chunk label{c.text.substr(0, cut), c.x0, c.tail_x0, false};
      Chunk number{c.text.substr(cut), c.tail_x0, c.x1, true};
      rows[r][i] = std::move(label);
      rows[r].insert(rows[r].begin() + static_cast<long>(i) + 1,
                     std::move(number));
    }
  }
}

Table AlignedTable(const std::vector<std::vector<Chunk>>& rows, int page) {
  std::vector<std::vector<int>> column_of;
  int columns = 0;
  if (!AssignColumns(rows, &column_of, &columns))
    UnionColumns(rows, &column_of, &columns);
  TableBuilder builder;
  for (size_t r = 0; r < rows.size(); ++r) {
    builder.BeginRow();
    std::vector<std::string> cells(columns);
    std::vector<std::string> trailing;
    bool any_number = false;
    for (size_t i = 0; i < rows[r].size(); ++i) {
      const Chunk& c = rows[r][i];
      const int column = column_of[r][i];
      if (column >= 0) {
        cells[column] += c.text;
        any_number = true;
      } else if (!any_number) {
        builder.AddCell(c.text, 1, 1, page);
      } else {
        trailing.push_back(c.text);
      }
    }
    if (any_number) {
      for (std::string& cell : cells)
        builder.AddCell(std::move(cell), 1, 1, page);
    }
    for (std::string& t : trailing) builder.AddCell(std::move(t), 1, 1, page);
  }
  return builder.Finish();
}

}  // namespace gongkai
