// The reconciler: evaluates every check of a rule set on a report and
// appends a finding for each one that fails.
//
// Equations are decided by the evaluator (evaluate.h): a blank single total
// whose components are not all zero is "missing_total" (a warning) with the
// computed value, instead of a false mismatch; a check none of whose cells
// were read is skipped. Domain, present and deadline checks are here too;
// checks across years run on the dataset (src/dataset/).
#ifndef GONGKAI_SRC_RECONCILE_RECONCILE_H_
#define GONGKAI_SRC_RECONCILE_RECONCILE_H_

#include "src/model/report.h"
#include "src/reconcile/evaluate.h"
#include "src/rules/rules.h"

namespace gongkai {

// Appends to report.findings one finding per failed check of `rules`.
void Reconcile(const RuleSet& rules, Report& report);

}  // namespace gongkai

#endif  // GONGKAI_SRC_RECONCILE_RECONCILE_H_
