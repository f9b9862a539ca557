// The report model's lookups and the names of its enums; see report.h.
#include "src/model/report.h"

#include <algorithm>

namespace gongkai {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

const char* RoleName(CellRole r) {
  return r == CellRole::kTotal ? "total" : "part";
}

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kLikelyMisprint:
      return "likely_misprint";
    case Verdict::kCandidates:
      return "candidates";
    case Verdict::kUnexplained:
      return "unexplained";
  }
  return "unexplained";
}

const char* VerdictBasisName(VerdictBasis b) {
  switch (b) {
    case VerdictBasis::kNone:
      return "none";
    case VerdictBasis::kUnique:
      return "unique";
    case VerdictBasis::kUnfilledTotal:
      return "unfilled_total";
  }
  return "none";
}

const char* ResultName(CheckResult r) {
  switch (r) {
    case CheckResult::kOk:
      return "ok";
    case CheckResult::kMismatch:
      return "mismatch";
    case CheckResult::kMissingTotal:
      return "missing_total";
    case CheckResult::kDomain:
      return "domain";
    case CheckResult::kLate:
      return "late";
    case CheckResult::kNotReported:
      return "not_reported";
    case CheckResult::kIncomplete:
      return "incomplete";
    case CheckResult::kTableNotFound:
      return "table_not_found";
  }
  return "mismatch";
}

const Figure* Report::Find(const std::string& id) const {
  for (const Figure& f : figures) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

Figure* Report::Find(const std::string& id) {
  for (Figure& f : figures) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

bool Report::HasErrorFinding() const {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
    return f.severity == Severity::kError;
  });
}

}  // namespace gongkai
