// Metadata of a report: agency, report year, publication date, and the
// agency's region and level, read with the `meta` rules of its rule set.
//
// - Title: the first short paragraphs (a title is often printed on two
//   lines, `淮安市人民政府` / `2024年政府信息公开工作年度报告`), then the
//   file's own title; the first `meta title` pattern that matches gives the
//   agency and the year.
// - Year: otherwise the first `meta year` match in the opening paragraphs.
// - Signature: the last short lines; a `meta date` line is the publication
//   date, a `meta signature` line the agency (when the title had none).
// - Published: the signature date, else the file's creation date ("file
//   metadata"), else none; the source is said.
// Whether it was published in time is a check of the reconciler
// (src/reconcile/reconcile.h). The thresholds (how many leading and
// trailing blocks, how long a title line) are the lexicon's.
#ifndef GONGKAI_SRC_READ_METADATA_H_
#define GONGKAI_SRC_READ_METADATA_H_

#include "src/model/report.h"
#include "src/normalize/view.h"
#include "src/read/divisions.h"
#include "src/rules/rules.h"

namespace gongkai {

// Fills report->meta from the document of `view`. `divisions` may be null
// (no region is resolved).
void ReadMetadata(const DocumentView& view, const RuleSet& rules,
                  const Divisions* divisions, Report* report);

}  // namespace gongkai

#endif  // GONGKAI_SRC_READ_METADATA_H_
