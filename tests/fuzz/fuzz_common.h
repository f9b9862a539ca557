// Shared by the fuzz targets: the rules (loaded once) and the stages after
// extraction, so that every target fuzzes the whole pipeline behind its
// extractor.
#ifndef GONGKAI_TESTS_FUZZ_FUZZ_COMMON_H_
#define GONGKAI_TESTS_FUZZ_FUZZ_COMMON_H_

#include <cstdlib>
#include <string>
#include <vector>

#include "src/pipeline.h"
#include "src/rules/rule_library.h"

namespace gongkai::fuzz {

inline const RuleLibrary& Rules() {
  static const RuleLibrary* rules = [] {
    StatusOr<RuleLibrary> r = RuleLibrary::Open(GONGKAI_FUZZ_RULES_DIR);
    if (!r.ok() || !r->CompileAll().ok()) std::abort();
    return new RuleLibrary(std::move(*r));
  }();
  return *rules;
}

// Runs normalize, read and reconcile on an extracted document.
inline void ReadExtracted(StatusOr<Document>& doc) {
  if (doc.ok()) ReadAndReconcile(*doc, Rules());
}

}  // namespace gongkai::fuzz

#endif  // GONGKAI_TESTS_FUZZ_FUZZ_COMMON_H_
