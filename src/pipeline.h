// The pipeline for one input: bytes -> sniff -> extract -> normalize -> read
// -> reconcile, giving a Record that is either a report or an error.
//
// src/ knows no extractor: the caller hands in the registry
// (src/model/extractor.h; the program's is extractors/registry.h). Nothing here
// throws; a failure at any stage becomes the record's error, so one bad file
// never stops a batch.
#ifndef GONGKAI_SRC_PIPELINE_H_
#define GONGKAI_SRC_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/model/document.h"
#include "src/model/extractor.h"
#include "src/model/record.h"
#include "src/model/report.h"
#include "src/model/status.h"
#include "src/read/divisions.h"
#include "src/rules/rule_library.h"
#include "src/rules/rules.h"

namespace gongkai {

// Runs the whole pipeline on `bytes`, named `path` in the record.
// `divisions` (may be null) resolves the agency's region. `sha256`, when
// not empty, is the bytes' hash already computed (it is not computed
// again).
Record ProcessBytes(const std::string& path, std::string_view bytes,
                    const Registry& registry, const RuleLibrary& rules,
                    const Limits& limits, const Divisions* divisions = nullptr,
                    std::string_view sha256 = {});

// Reads the regular file `path` into *bytes, refusing one larger than
// limits.max_file_bytes before reading it; fills source->bytes when the
// size is known. Never blocks on a FIFO or a device: anything but a
// regular file is "not_found: not a regular file".
Status ReadInputFile(const std::string& path, const Limits& limits,
                     std::string* bytes, Source* source);

// Reads `path` (refusing files over limits.max_file_bytes) and runs
// ProcessBytes. A file that cannot be read gives an error record.
Record ProcessFile(const std::string& path, const Registry& registry,
                   const RuleLibrary& rules, const Limits& limits,
                   const Divisions* divisions = nullptr);

// Reads `path` (within limits), sniffs it and runs its extractor: the
// document as extracted, not yet normalized; the source is filled.
StatusOr<Document> ExtractFile(const std::string& path,
                               const Registry& registry, const Limits& limits,
                               const Lexicon& lexicon);

// Runs normalize, read and reconcile on an extracted document: the part of
// the pipeline after extraction (tests inject changes into `doc` first).
// Returns an empty report if no rule set fits or the one picked does not
// compile.
Report ReadAndReconcile(Document& doc, const RuleLibrary& rules,
                        const Divisions* divisions = nullptr);

}  // namespace gongkai

#endif  // GONGKAI_SRC_PIPELINE_H_
