// The reader: maps a normalized Document onto the tables of a RuleSet and
// returns the figures it finds, with evidence and diagnostics.
//
// The document is read as one sequence of items: paragraphs, and table cells
// in row-major order (each merged cell once). A text dump copied from a web
// page yields the same sequence as the HTML table it was copied from, so one
// reader serves every format. Within a table's region (from its anchor to the
// next table's anchor) the reader forms logical rows: the labels before a run
// of values name the row (best label match, FORMAT.md §8 tolerances; by
// position when no label matches), and the values fill its columns in order.
#ifndef GONGKAI_SRC_READ_READER_H_
#define GONGKAI_SRC_READ_READER_H_

#include <vector>

#include "src/model/report.h"
#include "src/normalize/view.h"
#include "src/rules/rules.h"

namespace gongkai {

// Reads the tables of the document of `view` with `rules`.
Report ReadReport(const DocumentView& view, const RuleSet& rules);

}  // namespace gongkai

#endif  // GONGKAI_SRC_READ_READER_H_
