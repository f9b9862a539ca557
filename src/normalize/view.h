// The view: one reading of a normalized document that every later stage
// shares, so that nothing is linearized, keyed or compacted twice.
//
// Items are the document as one sequence: paragraphs, and table cells in
// row-major order (each merged cell once), each with its label key and,
// for cells, its value. A text dump copied from a web page yields the same
// sequence as the HTML table it was copied from, so one reader serves every
// format. Text blocks (headings and paragraphs that are not empty) are also
// listed with their text compacted (spaces removed), as prose and metadata
// patterns match them.
//
// A view points into its document: the document must outlive it and stay
// unchanged.
#ifndef GONGKAI_SRC_NORMALIZE_VIEW_H_
#define GONGKAI_SRC_NORMALIZE_VIEW_H_

#include <string>
#include <vector>

#include "src/model/document.h"
#include "src/model/lexicon.h"
#include "src/normalize/values.h"

namespace gongkai {

struct ViewItem {
  bool paragraph = false;
  std::string key;  // LabelKey of the normalized text ("" for a value)
  const std::string* text = nullptr;  // normalized
  const std::string* raw = nullptr;   // as found
  CellValue value;                    // cells only
  int page = 0;
  int physical_row = -1;       // a distinct number per table row; -1: paragraph
  int block = -1;              // the index of its block in the document
  int table = -1;              // cells: the table's ordinal among the tables
  const Cell* cell = nullptr;  // cells: the cell (row, column, box)
};

struct TextBlock {
  const std::string* text = nullptr;  // normalized
  std::string compact;                // without spaces
  int page = 0;
};

struct DocumentView {
  const Document* doc = nullptr;
  std::vector<ViewItem> items;
  std::vector<TextBlock> text_blocks;  // non-empty headings and paragraphs
};

// Returns the view of `doc`. Requires a normalized document (Normalize()).
DocumentView BuildView(const Document& doc, const Lexicon& lexicon);

}  // namespace gongkai

#endif  // GONGKAI_SRC_NORMALIZE_VIEW_H_
