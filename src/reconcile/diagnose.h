// The diagnosis solver: when checks of a report fail, it says which printed
// cells are most likely wrong.
//
// Every hard equation check (severity error, within the report) is a linear
// equation over figures; a blank, NA or unread cell counts as 0, as the
// evaluator counts it. Failing checks that share a cell form a group; for
// each group the solver searches the smallest sets of cells — one cell,
// then pairs, up to the lexicon's `diagnosis_max_cells` — whose corrected
// values make every check of the group pass without breaking a check that
// passed, within the domain the rules' domain checks give each figure
// (counts whole and 0 or more). A pair must be determined: its two values
// follow from the checks. The solver knows nothing of the form: it reads
// only the checks as the rules write them.
//
// One explanation is a likely misprint. Among several single-cell ones, a
// total (the lone left-hand term of a failing check) printed 0 or blank
// while its parts are not is preferred when it is the only such: a total
// not filled in. Otherwise every explanation is a candidate; none within
// the limit says so.
#ifndef GONGKAI_SRC_RECONCILE_DIAGNOSE_H_
#define GONGKAI_SRC_RECONCILE_DIAGNOSE_H_

#include <vector>

#include "src/model/report.h"
#include "src/rules/rules.h"

namespace gongkai {

// Returns one diagnosis per group of failing hard checks of `report` under
// `rules` (none when every check holds), in the order of the rules' checks.
// Requires `rules` to be the set that read `report`, with its lexicon.
std::vector<Diagnosis> Diagnose(const RuleSet& rules, const Report& report);

}  // namespace gongkai

#endif  // GONGKAI_SRC_RECONCILE_DIAGNOSE_H_
