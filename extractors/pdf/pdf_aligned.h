// Tables without borders, read by alignment (internal to the PDF extractor):
// a line split into chunks by column gaps is a row; the columns of a run of
// rows are the unions of the overlapping x-ranges of their numbers, so that
// a row whose cell is printed blank still puts each number in its column.
#ifndef GONGKAI_EXTRACTORS_PDF_PDF_ALIGNED_H_
#define GONGKAI_EXTRACTORS_PDF_PDF_ALIGNED_H_

#include <string>
#include <vector>

#include "src/model/document.h"

namespace gongkai {

struct Chunk {
  std::string text;
  double x0 = 0, x1 = 0;
  bool numeric = false;
  // Text ending in digits set closer to it than a column gap (a label that
  // runs up to the first number of a tight table): how many bytes of
  // `text` those digits are, and where they start.
  size_t tail_digits = 0;
  double tail_x0 = 0;
};

// Splits the trailing digits off label chunks (Chunk::tail_digits) where
// they line up, by left or right edge, with a number of another row: the
// digits are that row's first number. `rows` are the rows of the page that
// hold a number (a tight table may be broken into runs of one row by labels
// wrapped onto lines of their own).
void SplitNumberTails(std::vector<std::vector<Chunk>>& rows);

// Returns the table of a run of rows. Label chunks left of the first column
// come first in each row; then one cell per column, blank where the row has
// no number there.
Table AlignedTable(const std::vector<std::vector<Chunk>>& rows, int page);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_PDF_PDF_ALIGNED_H_
