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
#include "src/sinks/sinks.h"

namespace gongkai::fuzz {

inline const RuleLibrary& Rules() {
  static const RuleLibrary* rules = [] {
    StatusOr<RuleLibrary> r = RuleLibrary::Open(GONGKAI_FUZZ_RULES_DIR);
    if (!r.ok() || !r->CompileAll().ok()) std::abort();
    return new RuleLibrary(std::move(*r));
  }();
  return *rules;
}

// Runs normalize, read and reconcile on an extracted document, then writes
// the record as JSON, as extract does (so that a string that is not valid
// UTF-8, or a number no JSON can hold, is found here too).
inline void ReadExtracted(StatusOr<Document>& doc) {
  if (!doc.ok()) return;
  Record record;
  record.source = doc->source;
  record.metadata = doc->metadata;
  record.report = ReadAndReconcile(*doc, Rules());
  (void)RecordToJson(record).dump();
}

}  // namespace gongkai::fuzz

#endif  // GONGKAI_TESTS_FUZZ_FUZZ_COMMON_H_
