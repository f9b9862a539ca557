// The reconciler; see reconcile.h.
#include "src/reconcile/reconcile.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "src/reconcile/diagnose.h"
#include "src/reconcile/settle.h"

namespace gongkai {
namespace {

void CheckSum(const Check& check, const FigureIndex& index, Report& report) {
  if (!AppliesToLevel(check, report.meta.level)) return;
  if (HasUnsettledTerm(check, index)) return;  // a diagnostic says which
  // Both sides must have been read (a side of only a number counts as
  // read): a table or a sentence not found is a diagnostic, not a finding.
  const SumOutcome outcome = EvaluateSum(check, IndexLookup(index));
  if (outcome.state == SumOutcome::State::kUnread ||
      outcome.state == SumOutcome::State::kHolds)
    return;
  Finding f;
  f.check = check.id;
  f.cells = check.lhs;
  f.cells.insert(f.cells.end(), check.rhs.begin(), check.rhs.end());
  f.expected = outcome.expected;
  if (outcome.state == SumOutcome::State::kBlankTotal) {
    f.severity = Severity::kWarning;
    f.result = CheckResult::kMissingTotal;
    f.message = check.lhs[0] + " is blank; its cells sum to " +
                FormatNumber(outcome.expected);
    report.findings.push_back(std::move(f));
    return;
  }
  f.severity = check.severity;
  f.result = CheckResult::kMismatch;
  f.actual = outcome.actual;
  if (check.lhs.size() == 1) {
    f.message = check.lhs[0] + " prints " + FormatNumber(outcome.actual) +
                ", but its " + std::to_string(check.rhs.size()) +
                " cells sum to " + FormatNumber(outcome.expected);
  } else {
    f.message = "printed " + FormatNumber(outcome.actual) + ", expected " +
                FormatNumber(outcome.expected) + " (" + check.text + ")";
  }
  report.findings.push_back(std::move(f));
}

// present FIGURE if CONDITION: when CONDITION was read and is above 0,
// FIGURE must have been read (S7: fees charged must be reported).
void CheckPresent(const Check& check, const FigureIndex& index,
                  Report& report) {
  auto cond = index.find(check.rhs[0]);
  if (cond == index.end() || !cond->second->value || *cond->second->value <= 0)
    return;
  if (index.count(check.lhs[0])) return;
  Finding f;
  f.check = check.id;
  f.severity = check.severity;
  f.result = CheckResult::kNotReported;
  f.cells = {check.lhs[0], check.rhs[0]};
  f.message = check.rhs[0] + " is " + FormatNumber(*cond->second->value) +
              " but " + check.lhs[0] + " is not stated";
  report.findings.push_back(std::move(f));
}

void CheckDomain(const Check& check, Report& report) {
  for (const Figure& fig : report.figures) {
    if (!fig.value) continue;
    if (!CoversFigure(check, fig.id)) continue;
    const double v = *fig.value;
    const bool whole = fig.integral && SameValue(v, std::round(v));
    std::string want;
    if (check.domain == ValueType::kCount && (!whole || v < 0))
      want = "a whole number, 0 or more";
    if (check.domain == ValueType::kSignedCount && !whole)
      want = "a whole number";
    if (check.domain == ValueType::kAmount && v < 0)
      want = "an amount, 0 or more";
    if (want.empty()) continue;
    Finding f;
    f.check = check.id;
    f.severity = check.severity;
    f.result = CheckResult::kDomain;
    f.actual = v;
    f.cells = {fig.id};
    f.message = fig.id + " prints '" + fig.raw + "', expected " + want;
    report.findings.push_back(std::move(f));
  }
}

// A report published after its deadline (`deadline` rules: by the ending
// of the agency's name) gets a warning finding "deadline".
void CheckDeadline(const RuleSet& rules, Report& report) {
  const ReportMeta& m = report.meta;
  if (m.year == 0 || m.published.empty() || m.agency.empty()) return;
  for (const auto& [ending, month_day] : rules.meta.deadlines) {
    const bool applies =
        ending == "*" || (m.agency.size() >= ending.size() &&
                          m.agency.compare(m.agency.size() - ending.size(),
                                           ending.size(), ending) == 0);
    if (!applies) continue;
    const std::string due = std::to_string(m.year + 1) + "-" + month_day;
    if (m.published > due) {
      Finding f;
      f.check = "deadline";
      f.severity = Severity::kWarning;
      f.result = CheckResult::kLate;
      f.message = "published " + m.published + " (" + m.published_source +
                  "), due by " + due;
      report.findings.push_back(std::move(f));
    }
    return;
  }
}

}  // namespace

void Reconcile(const RuleSet& rules, Report& report) {
  SettleUncertain(rules, report);
  CheckDeadline(rules, report);
  const FigureIndex index = IndexFigures(report);
  for (const Check& check : rules.checks) {
    switch (check.kind) {
      case CheckKind::kDomain:
        CheckDomain(check, report);
        break;
      case CheckKind::kPresent:
        CheckPresent(check, index, report);
        break;
      case CheckKind::kSum:
        CheckSum(check, index, report);
        break;
      case CheckKind::kDataset:  // run on the dataset (src/dataset/)
        break;
    }
  }
  const bool sum_failed = std::any_of(
      report.findings.begin(), report.findings.end(), [](const Finding& f) {
        return f.result == CheckResult::kMismatch ||
               f.result == CheckResult::kMissingTotal;
      });
  if (sum_failed) report.diagnosis = Diagnose(rules, report);
  for (Finding& f : report.findings) {
    if (!f.cells.empty()) f.label = rules.FigureLabel(f.cells[0]);
  }
}

}  // namespace gongkai
