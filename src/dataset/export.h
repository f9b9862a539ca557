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
//   agencies.csv          one row per agency (agency_id, name, division)
//   conflicts.csv         agency-years whose files' figures differ
//   codebook.csv          every figure id: its table, row and column
//                         labels in Chinese, its rules version
//   reports.jsonl         every stored record, as `gongkai extract` wrote it
#ifndef GONGKAI_SRC_DATASET_EXPORT_H_
#define GONGKAI_SRC_DATASET_EXPORT_H_

#include <string>
#include <vector>

#include "src/dataset/dataset.h"
#include "src/io/env.h"
#include "src/rules/rules.h"

namespace gongkai {

// Writes the files above into `dir` (created if needed), all from one read
// transaction, through `env`. The files land together
// (src/io/output_dir.h): on any failure (stage "export", code "write",
// naming the file and the errno) the files already in `dir` stay as they
// were and no temporary is left; a link planted in `dir` is replaced, never
// followed.
struct ExportOptions {
  // The rule sets, for the order of the wide columns (figure ids not in
  // them follow, sorted), the codebook and the workbook's labels.
  const std::vector<RuleSet>* rules = nullptr;
  // For Excel on a Chinese Windows machine: CSV with a UTF-8 byte-order
  // mark and CRLF line ends, and text that begins with = + - @ (a formula
  // to a spreadsheet) prefixed with an apostrophe.
  bool excel = false;
  // Also reports.xlsx: one sheet per table of the rules, headed by the
  // cells' Chinese labels (libxlsxwriter).
  bool xlsx = false;
  // reports.csv headed by the figures' Chinese labels (表三 （七）总计 /
  // 自然人) instead of their ids (codebook.csv maps one to the other).
  bool chinese_headers = false;
  // Only the reports of this year, province, level (county, city, ...) or
  // agency (its agency_id, its one name or a name as printed); empty or 0:
  // any. With a filter, the files that could not be read (no agency, no
  // year) are left out.
  int year = 0;
  std::string province, level, agency;
  bool filtered() const {
    return year != 0 || !province.empty() || !level.empty() || !agency.empty();
  }
};

Status ExportDataset(Dataset& dataset, const std::string& dir,
                     const ExportOptions& options, Env* env = Env::Default());

// Returns `field` as a spreadsheet must get it: text that a spreadsheet
// would run as a formula (starting with = + - @, or a tab or carriage
// return before one) gets a leading apostrophe; numbers ("-3") are kept.
std::string GuardFormula(const std::string& field);

}  // namespace gongkai

#endif  // GONGKAI_SRC_DATASET_EXPORT_H_
