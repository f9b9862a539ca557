// Where each table of a rule set is in a document: its region of the view's
// items, found by what the table is rather than by its heading alone.
//
// 1. In order, each table's heading (`anchor`): a short text containing it,
//    searched after the previous table's heading (a table of contents
//    before the tables is so passed over).
// 2. For a table not found so, anywhere in the document and in any order:
//    a heading printed with one character wrong, missing or added (an
//    anchor of eight characters or more, an edit distance scaled to its
//    length), then the cells only the table prints (`evidence`: its own
//    header or first row labels), matched the same way. A region found by
//    its labels starts at the header cells just before them.
// Each region ends where the next one in the document starts.
#ifndef GONGKAI_SRC_READ_REGIONS_H_
#define GONGKAI_SRC_READ_REGIONS_H_

#include <string>
#include <vector>

#include "src/normalize/view.h"
#include "src/rules/rules.h"

namespace gongkai {

struct TableRegion {
  enum class How { kNotFound, kHeading, kMisprintedHeading, kLabels };
  How how = How::kNotFound;
  size_t from = 0;       // the first item of the region (its heading, if any)
  size_t read_from = 0;  // the first item read as the table
  size_t end = 0;        // one past the last item
  const std::string* found_text = nullptr;  // the heading or label matched
  bool found() const { return how != How::kNotFound; }
};

// Returns one region per table of `rules`, in rules order.
std::vector<TableRegion> FindTableRegions(const std::vector<ViewItem>& items,
                                          const RuleSet& rules);

}  // namespace gongkai

#endif  // GONGKAI_SRC_READ_REGIONS_H_
