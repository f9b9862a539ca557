// Ruled-table detection: lines -> connected sets -> grid -> merged cells.
#include "extractors/pdf/pdf_tables.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gongkai {
namespace {

constexpr double kAxisTolerance = 1.5;  // a line is horizontal if |dy| below
constexpr double kMinLength = 3;        // shorter segments are ignored
constexpr double kSnap = 2.0;           // positions closer than this are one

struct Line {
  bool horizontal;
  double pos;       // y of a horizontal line, x of a vertical one
  double from, to;  // extent along the line
};

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  size_t Find(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void Union(size_t a, size_t b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<size_t> parent_;
};

std::vector<Line> AxisLines(const std::vector<PdfSegment>& segments,
                            size_t max_segments) {
  std::vector<Line> lines;
  for (const PdfSegment& s : segments) {
    if (lines.size() >= max_segments) break;
    const double dx = std::fabs(s.x1 - s.x0), dy = std::fabs(s.y1 - s.y0);
    if (dy <= kAxisTolerance && dx >= kMinLength) {
      lines.push_back({true, (s.y0 + s.y1) / 2, std::min(s.x0, s.x1),
                       std::max(s.x0, s.x1)});
    } else if (dx <= kAxisTolerance && dy >= kMinLength) {
      lines.push_back({false, (s.x0 + s.x1) / 2, std::min(s.y0, s.y1),
                       std::max(s.y0, s.y1)});
    }
  }
  return lines;
}

bool Touch(const Line& a, const Line& b) {
  if (a.horizontal == b.horizontal) {
    return std::fabs(a.pos - b.pos) <= kSnap && a.from <= b.to + kSnap &&
           b.from <= a.to + kSnap;
  }
  const Line& h = a.horizontal ? a : b;
  const Line& v = a.horizontal ? b : a;
  return v.pos >= h.from - kSnap && v.pos <= h.to + kSnap &&
         h.pos >= v.from - kSnap && h.pos <= v.to + kSnap;
}

std::vector<double> Positions(const std::vector<const Line*>& lines,
                              bool horizontal) {
  std::vector<double> p;
  for (const Line* l : lines) {
    if (l->horizontal == horizontal) p.push_back(l->pos);
  }
  std::sort(p.begin(), p.end());
  std::vector<double> merged;
  for (double v : p) {
    if (merged.empty() || v - merged.back() > kSnap) merged.push_back(v);
  }
  return merged;
}

// Returns true iff a line of `lines` at `pos` (of the given direction)
// covers the point `along`.
bool Covered(const std::vector<const Line*>& lines, bool horizontal, double pos,
             double along) {
  for (const Line* l : lines) {
    if (l->horizontal == horizontal && std::fabs(l->pos - pos) <= kSnap &&
        along >= l->from - kSnap && along <= l->to + kSnap) {
      return true;
    }
  }
  return false;
}

// Closes an open table: where the vertical lines run past the last
// horizontal one (a table cut by a page break, its bottom border not drawn),
// adds the missing border; likewise at the top and at the sides.
void CloseBorders(std::vector<const Line*>& lines,
                  std::vector<Line>& synthetic) {
  double h_min = 1e9, h_max = -1e9, v_min = 1e9, v_max = -1e9;
  double h_from = 1e9, h_to = -1e9, v_from = 1e9, v_to = -1e9;
  for (const Line* l : lines) {
    if (l->horizontal) {
      h_min = std::min(h_min, l->pos), h_max = std::max(h_max, l->pos);
      h_from = std::min(h_from, l->from), h_to = std::max(h_to, l->to);
    } else {
      v_min = std::min(v_min, l->pos), v_max = std::max(v_max, l->pos);
      v_from = std::min(v_from, l->from), v_to = std::max(v_to, l->to);
    }
  }
  synthetic.reserve(4);
  if (v_to > h_max + 3 * kSnap) synthetic.push_back({true, v_to, v_min, v_max});
  if (v_from < h_min - 3 * kSnap)
    synthetic.push_back({true, v_from, v_min, v_max});
  if (h_to > v_max + 3 * kSnap)
    synthetic.push_back({false, h_to, h_min, h_max});
  if (h_from < v_min - 3 * kSnap)
    synthetic.push_back({false, h_from, h_min, h_max});
  for (const Line& l : synthetic) lines.push_back(&l);
}

RuledTable BuildGrid(std::vector<const Line*> lines) {
  std::vector<Line> synthetic;
  CloseBorders(lines, synthetic);
  RuledTable t;
  t.xs = Positions(lines, false);
  t.ys = Positions(lines, true);
  const int rows = t.rows(), cols = t.cols();
  t.box = {t.xs.front(), t.ys.front(), t.xs.back(), t.ys.back()};
  UnionFind uf(static_cast<size_t>(rows) * cols);
  for (int r = 0; r < rows; ++r) {
    const double mid_y = (t.ys[r] + t.ys[r + 1]) / 2;
    for (int c = 0; c < cols; ++c) {
      const double mid_x = (t.xs[c] + t.xs[c + 1]) / 2;
      if (c + 1 < cols && !Covered(lines, false, t.xs[c + 1], mid_y)) {
        uf.Union(r * cols + c, r * cols + c + 1);
      }
      if (r + 1 < rows && !Covered(lines, true, t.ys[r + 1], mid_x)) {
        uf.Union(r * cols + c, (r + 1) * cols + c);
      }
    }
  }
  t.region_of.assign(static_cast<size_t>(rows) * cols, -1);
  std::vector<int> region_of_root(static_cast<size_t>(rows) * cols, -1);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const size_t root = uf.Find(r * cols + c);
      int& id = region_of_root[root];
      if (id < 0) {
        id = static_cast<int>(t.regions.size());
        t.regions.push_back({r, c, r, c});
      }
      RuledTable::Region& g = t.regions[id];
      g.row0 = std::min(g.row0, r);
      g.col0 = std::min(g.col0, c);
      g.row1 = std::max(g.row1, r);
      g.col1 = std::max(g.col1, c);
      t.region_of[r * cols + c] = id;
    }
  }
  return t;
}

}  // namespace

int RuledTable::RegionAt(double x, double y) const {
  if (x < xs.front() || x > xs.back() || y < ys.front() || y > ys.back())
    return -1;
  const int c =
      static_cast<int>(std::upper_bound(xs.begin(), xs.end(), x) - xs.begin()) -
      1;
  const int r =
      static_cast<int>(std::upper_bound(ys.begin(), ys.end(), y) - ys.begin()) -
      1;
  return region_of[std::clamp(r, 0, rows() - 1) * cols() +
                   std::clamp(c, 0, cols() - 1)];
}

std::vector<RuledTable> FindRuledTables(const std::vector<PdfSegment>& segments,
                                        size_t max_segments) {
  const std::vector<Line> lines = AxisLines(segments, max_segments);
  UnionFind uf(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    for (size_t j = i + 1; j < lines.size(); ++j) {
      if (Touch(lines[i], lines[j])) uf.Union(i, j);
    }
  }
  std::vector<std::vector<const Line*>> groups(lines.size());
  for (size_t i = 0; i < lines.size(); ++i)
    groups[uf.Find(i)].push_back(&lines[i]);
  std::vector<RuledTable> tables;
  for (const auto& group : groups) {
    if (Positions(group, true).size() < 2 || Positions(group, false).size() < 2)
      continue;
    tables.push_back(BuildGrid(group));
  }
  std::sort(tables.begin(), tables.end(),
            [](const RuledTable& a, const RuledTable& b) {
              return a.box.y0 < b.box.y0;
            });
  return tables;
}

}  // namespace gongkai
