// The reconciler; see reconcile.h.
#include "src/reconcile/reconcile.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace gongkai {
namespace {

constexpr double kTolerance = 1e-6;

using FigureIndex = std::unordered_map<std::string, const Figure*>;

double SumOf(const std::vector<std::string>& ids, const FigureIndex& index) {
  double sum = 0;
  for (const std::string& id : ids) {
    auto it = index.find(id);
    if (it != index.end() && it->second->value) sum += *it->second->value;
  }
  return sum;
}

bool AnyRead(const std::vector<std::string>& ids, const FigureIndex& index) {
  for (const std::string& id : ids) {
    if (index.count(id)) return true;
  }
  return false;
}

void CheckSum(const Check& check, const FigureIndex& index, Report& report) {
  // Both sides must have been read (a side of only a number counts as
  // read): a table or a sentence not found is a diagnostic, not a finding.
  if (!AnyRead(check.lhs, index)) return;
  if (!check.rhs.empty() && !AnyRead(check.rhs, index)) return;
  if (!check.levels.empty() &&
      std::find(check.levels.begin(), check.levels.end(), report.meta.level) ==
          check.levels.end()) {
    return;
  }
  Finding f;
  f.check = check.id;
  f.cells = check.lhs;
  f.cells.insert(f.cells.end(), check.rhs.begin(), check.rhs.end());
  const double expected = SumOf(check.rhs, index) + check.constant;
  if (check.lhs.size() == 1) {
    auto it = index.find(check.lhs[0]);
    const bool blank = it == index.end() || !it->second->value;
    if (blank) {
      if (std::fabs(expected) <= kTolerance) return;
      f.severity = "warning";
      f.result = "missing_total";
      f.expected = expected;
      f.message = check.lhs[0] + " is blank; its cells sum to " +
                  FormatNumber(expected);
      report.findings.push_back(std::move(f));
      return;
    }
  }
  const double actual = SumOf(check.lhs, index);
  if (std::fabs(actual - expected) <= kTolerance) return;
  f.severity = check.severity;
  f.result = "mismatch";
  f.expected = expected;
  f.actual = actual;
  if (check.lhs.size() == 1) {
    f.message = check.lhs[0] + " prints " + FormatNumber(actual) +
                ", but its " + std::to_string(check.rhs.size()) +
                " cells sum to " + FormatNumber(expected);
  } else {
    f.message = "printed " + FormatNumber(actual) + ", expected " +
                FormatNumber(expected) + " (" + check.text + ")";
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
  f.result = "not_reported";
  f.cells = {check.lhs[0], check.rhs[0]};
  f.message = check.rhs[0] + " is " + FormatNumber(*cond->second->value) +
              " but " + check.lhs[0] + " is not stated";
  report.findings.push_back(std::move(f));
}

void CheckDomain(const Check& check, Report& report) {
  for (const Figure& fig : report.figures) {
    if (!fig.value) continue;
    bool in_scope = false;
    for (const std::string& glob : check.globs) {  // "prefix." or an exact id
      in_scope = in_scope || (glob.back() == '.' ? fig.id.rfind(glob, 0) == 0
                                                 : fig.id == glob);
    }
    if (!in_scope) continue;
    const double v = *fig.value;
    const bool whole =
        fig.integral && std::fabs(v - std::round(v)) <= kTolerance;
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
    f.result = "domain";
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
      f.severity = "warning";
      f.result = "late";
      f.message = "published " + m.published + " (" + m.published_source +
                  "), due by " + due;
      report.findings.push_back(std::move(f));
    }
    return;
  }
}

}  // namespace

std::string FormatNumber(double v) {
  if (std::fabs(v - std::round(v)) <= kTolerance && std::fabs(v) < 1e15) {
    return std::to_string(static_cast<long long>(std::llround(v)));
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

void Reconcile(const RuleSet& rules, Report& report) {
  CheckDeadline(rules, report);
  FigureIndex index;
  for (const Figure& f : report.figures) index.emplace(f.id, &f);
  for (const Check& check : rules.checks) {
    if (check.kind == "domain") {
      CheckDomain(check, report);
    } else if (check.kind == "present") {
      CheckPresent(check, index, report);
    } else if (check.kind == "sum") {
      CheckSum(check, index, report);
    }
  }
}

}  // namespace gongkai
