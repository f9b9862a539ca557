// Export of the dataset for pandas, R and spreadsheets: CSV files (UTF-8,
// RFC 4180 quoting, empty field for a null) and JSON Lines, in a stable
// order (by path, then sha256) so that two exports of one dataset are equal
// byte for byte.
//
//   figures.csv           one row per figure (long form), with its evidence
//   reports.csv           one row per report (wide form): metadata, then one
//                         column per figure id
//   findings.csv          the broken identities of each report
//   dataset_findings.csv  the checks across years (S1, S2), with "ok",
//                         "mismatch" or "incomplete"
//   errors.csv            the files that could not be read, and why
//   diagnoses.csv         the cells most likely wrong, per failing group
//   reports.jsonl         every stored record, as `gongkai extract` wrote it
#ifndef GONGKAI_SRC_DATASET_EXPORT_H_
#define GONGKAI_SRC_DATASET_EXPORT_H_

#include <string>
#include <vector>

#include "src/dataset/dataset.h"
#include "src/io/env.h"

namespace gongkai {

// Writes the files above into `dir` (created if needed), all from one read
// transaction, through `env`. `figure_order` gives the order of the wide
// columns; figure ids not in it follow, sorted. The files land together
// (src/io/output_dir.h): on any failure (stage "export", code "write",
// naming the file and the errno) the files already in `dir` stay as they
// were and no temporary is left; a link planted in `dir` is replaced, never
// followed.
Status ExportDataset(Dataset& dataset, const std::string& dir,
                     const std::vector<std::string>& figure_order,
                     Env* env = Env::Default());

}  // namespace gongkai

#endif  // GONGKAI_SRC_DATASET_EXPORT_H_
