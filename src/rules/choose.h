// Choosing a rule set for a document by its fingerprint (FORMAT.md §4):
// the set whose fingerprint labels the document prints most of.
#ifndef GONGKAI_SRC_RULES_CHOOSE_H_
#define GONGKAI_SRC_RULES_CHOOSE_H_

#include <vector>

#include "src/normalize/view.h"
#include "src/rules/rules.h"

namespace gongkai {

// Returns the set of `sets` whose fingerprint keys are found in the most
// items of `view` (the first on a tie), or nullptr if `sets` is empty.
// Sets need only their header (ParseRulesHeader).
const RuleSet* ChooseRuleSet(const DocumentView& view,
                             const std::vector<RuleSet>& sets);

}  // namespace gongkai

#endif  // GONGKAI_SRC_RULES_CHOOSE_H_
