// Shared by the fuzz targets: the rules (loaded once) and the stages after
// extraction, so that every target fuzzes the whole pipeline behind its
// extractor.
#ifndef GONGKAI_TESTS_FUZZ_FUZZ_COMMON_H_
#define GONGKAI_TESTS_FUZZ_FUZZ_COMMON_H_

#include <cstdlib>
#include <string>
#include <vector>

#include "src/pipeline.h"
#include "src/rules.h"

namespace gongkai::fuzz {

inline const std::vector<RuleSet>& Rules() {
  static const std::vector<RuleSet>* rules = [] {
    StatusOr<std::vector<RuleSet>> r =
        LoadRulesDir(GONGKAI_FUZZ_RULES_DIR);
    if (!r.ok()) std::abort();
    return new std::vector<RuleSet>(std::move(*r));
  }();
  return *rules;
}

// Runs normalize, read and reconcile on an extracted document.
inline void ReadExtracted(StatusOr<Document>& doc) {
  if (doc.ok()) ReadAndReconcile(*doc, Rules());
}

}  // namespace gongkai::fuzz

#endif  // GONGKAI_TESTS_FUZZ_FUZZ_COMMON_H_
