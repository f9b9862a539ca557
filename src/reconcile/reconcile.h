// The reconciler: evaluates every check of a rule set on a report and
// appends a finding for each one that fails.
//
// Blank and NA cells count as 0 when they are components (FORMAT.md §5.2).
// When a check's left side is a single printed total and that total is blank
// while its components are not all zero, the finding says "missing_total"
// (severity warning) with the computed value, instead of a false mismatch.
// A check none of whose cells were read is skipped.
#ifndef GONGKAI_SRC_RECONCILE_RECONCILE_H_
#define GONGKAI_SRC_RECONCILE_RECONCILE_H_

#include "src/model/report.h"
#include "src/rules/rules.h"

namespace gongkai {

// Appends to report.findings one finding per failed check of `rules`.
void Reconcile(const RuleSet& rules, Report& report);

// Returns `v` written as the document would print it: "12", "746.573001".
std::string FormatNumber(double v);

}  // namespace gongkai

#endif  // GONGKAI_SRC_RECONCILE_RECONCILE_H_
