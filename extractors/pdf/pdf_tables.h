// Ruled tables found from the ruling lines of a page (see pdf_layout.h):
// internal to the PDF extractor.
#ifndef GONGKAI_EXTRACTORS_PDF_PDF_TABLES_H_
#define GONGKAI_EXTRACTORS_PDF_PDF_TABLES_H_

#include <vector>

#include "extractors/pdf/pdf_layout.h"

namespace gongkai {

struct RuledTable {
  struct Region {
    int row0, col0, row1, col1;  // inclusive grid rows and columns
  };
  Box box;
  std::vector<double> xs, ys;   // grid lines, ascending
  std::vector<int> region_of;   // grid cell (row * cols + col) -> region
  std::vector<Region> regions;  // merged cells, row-major by top-left

  int rows() const { return static_cast<int>(ys.size()) - 1; }
  int cols() const { return static_cast<int>(xs.size()) - 1; }
  // Returns the region holding point (x, y), or -1 when outside the table.
  int RegionAt(double x, double y) const;
};

// Returns the ruled tables drawn by `segments`, top to bottom. Only the
// first `max_segments` horizontal or vertical segments are considered.
std::vector<RuledTable> FindRuledTables(const std::vector<PdfSegment>& segments,
                                        size_t max_segments);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_PDF_PDF_TABLES_H_
