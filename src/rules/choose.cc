// Rule set choice by fingerprint; see choose.h.
#include "src/rules/choose.h"

namespace gongkai {

const RuleSet* ChooseRuleSet(const DocumentView& view,
                             const std::vector<RuleSet>& sets) {
  const RuleSet* best = nullptr;
  int best_hits = -1;
  for (const RuleSet& set : sets) {
    int hits = 0;
    for (const std::string& marker : set.fingerprint) {
      for (const ViewItem& item : view.items) {
        if (item.key.find(marker) != std::string::npos) {
          ++hits;
          break;
        }
      }
    }
    if (hits > best_hits) {
      best_hits = hits;
      best = &set;
    }
  }
  return best;
}

}  // namespace gongkai
