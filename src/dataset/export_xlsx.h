// The workbook export (reports.xlsx), written with libxlsxwriter (Debian
// libxlsxwriter-dev: a maintained writer of the OOXML format, so that no
// zip or XML of it is hand-written here): a sheet of the reports, then one
// sheet per table of the rules, one row per report, headed by each cell's
// Chinese labels (row / column) with its figure id in a second header row.
// Figures are numbers, text is text: nothing in it is a formula.
#ifndef GONGKAI_SRC_DATASET_EXPORT_XLSX_H_
#define GONGKAI_SRC_DATASET_EXPORT_XLSX_H_

#include <sqlite3.h>

#include <string>
#include <vector>

#include "src/model/status.h"
#include "src/rules/rules.h"

namespace gongkai {

// Returns the bytes of the workbook of the dataset `db` (inside the
// caller's read transaction). libxlsxwriter writes to a file: it is made
// in a private temporary directory, read back and removed.
StatusOr<std::string> WorkbookBytes(sqlite3* db,
                                    const std::vector<RuleSet>& rules);

}  // namespace gongkai

#endif  // GONGKAI_SRC_DATASET_EXPORT_XLSX_H_
