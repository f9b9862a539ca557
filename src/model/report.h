// The report model: what the reader recovers from one document (figures with
// their evidence, diagnostics) and what the reconciler adds (findings).
//
// Figures keep the printed blank apart from zero: a blank or NA cell has no
// value. A diagnostic is a problem that does not stop the report (an
// unrecognized label, a missing row); a finding is a broken identity.
#ifndef GONGKAI_SRC_MODEL_REPORT_H_
#define GONGKAI_SRC_MODEL_REPORT_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "src/model/document.h"

namespace gongkai {

struct Figure {
  std::string id;
  std::optional<double> value;  // nullopt: printed blank or NA marker
  bool integral = true;         // written without a fractional part
  std::string raw;              // the cell as printed (evidence)
  std::string unit;             // unit printed in the cell, if any
  std::string marker;           // NA marker, if any
  int page = 0;
  // Where the cell is: its table's ordinal among the document's tables
  // and its row and column in that table's grid (-1 for a prose figure),
  // and its box on the page (PDF).
  int table = -1, row = -1, col = -1;
  std::optional<Box> box;
  // Read by OCR (empty `settled` otherwise): the confidence of the
  // reading, every reading made, and how the value was settled: "agreed"
  // (the readings agree and are confident), "solved" (they did not; the
  // identities determine it: SettleUncertain), or "unsettled" (neither:
  // the value is null and no check that holds it is decided).
  std::optional<double> confidence;
  std::vector<std::string> readings;
  std::string settled;
};

// How much a failed check matters: an error (a hard identity), a warning
// (a soft check), or information (a dataset check that passed or could not
// run).
enum class Severity { kError, kWarning, kInfo };

// What a check found.
enum class CheckResult {
  kOk,             // dataset checks only: the identity holds
  kMismatch,       // a printed number is wrong
  kMissingTotal,   // a total is blank while its cells are not
  kDomain,         // a count that is negative or not whole
  kLate,           // published after the deadline
  kNotReported,    // a figure that must be stated is not
  kIncomplete,     // dataset checks only: a figure or a year is missing
  kTableNotFound,  // a table of the report was not found in the document
};

// Returns the name the output schema uses: "error", "warning", "info".
const char* SeverityName(Severity s);
// Returns the name the output schema uses: "mismatch", "missing_total", ...
const char* ResultName(CheckResult r);

struct Finding {
  std::string check;  // "H1.new"
  Severity severity = Severity::kError;
  CheckResult result = CheckResult::kMismatch;
  std::optional<double> expected, actual;
  std::vector<std::string> cells;  // every figure the check reads
  std::string label;  // the first cell's label in the rules ("" if none)
  std::string message;
};

// Whose report it is and when it appeared (src/metadata.h).
struct ReportMeta {
  std::string agency;            // as printed, "" if not found
  std::string agency_source;     // "title", "signature" or ""
  int year = 0;                  // the report year, 0 if not found
  std::string published;         // YYYY-MM-DD, "" if not found
  std::string published_source;  // "signature" or "file metadata"
  std::string province, city, county, division_code, level, region_note;
};

// How much of a report was read: per table of its rules, the cells they
// expect (every row and column not marked optional), how many of those were
// read (a number, a printed blank or an NA marker all count) and which were
// not. A user filters reports read completely with it.
struct TableCoverage {
  std::string table;  // the table's id in the rules
  int expected = 0, read = 0;
  std::vector<std::string> missing;  // figure ids not read
};

struct Coverage {
  std::vector<TableCoverage> tables;  // in rules order
  int expected = 0, read = 0;
  bool complete() const { return read == expected; }
};

// A diagnosis names the printed cells most likely wrong when checks fail
// (src/reconcile/diagnose.h): one per group of failing checks that share
// cells.
enum class CellRole {
  kTotal,  // the lone left-hand term of a check it explains (a total)
  kPart,   // a term of a sum
};
enum class Verdict {
  kLikelyMisprint,  // one explanation
  kCandidates,      // several, none preferred
  kUnexplained,     // none within the rules' limit on cells
};
// Why a likely misprint was preferred: it is the only explanation, or it is
// the only total printed 0 or blank while its parts are not (a total not
// filled in) among several.
enum class VerdictBasis { kNone, kUnique, kUnfilledTotal };

// Returns the names the output schema uses: "total", "likely_misprint",
// "unique", ...
const char* RoleName(CellRole r);
const char* VerdictName(Verdict v);
const char* VerdictBasisName(VerdictBasis b);

struct CorrectedCell {
  std::string figure;
  std::string label;              // the cell's labels in the rules ("" if none)
  std::optional<double> printed;  // nullopt: blank, NA or not read
  bool read = true;               // false: the cell was not read at all
  double implied = 0;             // the value every check implies
  CellRole role = CellRole::kPart;
};

// One set of cells whose corrected values make every check of its group
// pass without breaking one that passed.
struct Explanation {
  std::vector<CorrectedCell> cells;
};

struct Diagnosis {
  std::vector<std::string> checks;  // the failing checks explained
  Verdict verdict = Verdict::kUnexplained;
  VerdictBasis basis = VerdictBasis::kNone;
  // The likely misprint first; at most the rules' limit listed.
  std::vector<Explanation> candidates;
  int candidates_found = 0;  // all that were found
};

struct Report {
  std::string version;  // the rules' version, or "mixed"
  // Tables printed in another version than the report's rules (FORMAT.md §4).
  std::map<std::string, std::string> table_versions;
  ReportMeta meta;
  std::vector<Figure> figures;  // in rules order
  std::vector<std::string> tables_found, tables_missing, required_missing;
  std::vector<Diagnostic> diagnostics;
  std::vector<Finding> findings;
  std::vector<Diagnosis> diagnosis;  // of the failing checks (Reconcile)
  Coverage coverage;                 // of the tables (ReadReport)

  // Returns the figure with `id`, or nullptr when it was not read.
  const Figure* Find(const std::string& id) const;
  Figure* Find(const std::string& id);
  // Returns true iff some finding is an error.
  bool HasErrorFinding() const;
};

}  // namespace gongkai

#endif  // GONGKAI_SRC_MODEL_REPORT_H_
