// Checks across reports: for each agency and year, the rules' dataset
// checks (those naming prev: figures) against the same agency's report of
// the year before. See dataset.h.
#include <map>
#include <set>

#include "src/dataset/dataset.h"
#include "src/dataset/sqlite_util.h"
#include "src/reconcile/evaluate.h"

namespace gongkai {
namespace {

using Figures = std::map<std::string, std::optional<double>>;

StatusOr<Figures> LoadFigures(sqlite3* db, const std::string& sha) {
  Stmt q(db, "SELECT figure, value FROM figures WHERE sha256=?");
  q.Bind(1, sha);
  Figures out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out[q.Text(0)] = q.Double(1);
  if (rc != SQLITE_DONE) return q.Error("read figures");
  return out;
}

// This year's and last year's figures of one agency, for the evaluator:
// a `prev:` term is looked up in last year's.
class YearsLookup : public FigureLookup {
 public:
  YearsLookup(const Figures& now, const Figures& prev)
      : now_(now), prev_(prev) {}
  bool Find(std::string_view id, std::optional<double>* value) const override {
    const bool previous = id.substr(0, kPreviousPrefix.size()) ==
                          std::string_view(kPreviousPrefix);
    const Figures& from = previous ? prev_ : now_;
    auto it = from.find(
        std::string(previous ? id.substr(kPreviousPrefix.size()) : id));
    if (it == from.end()) return false;
    *value = it->second;
    return true;
  }

 private:
  const Figures& now_;
  const Figures& prev_;
};

bool ReadsThisYear(const Check& c, const Figures& now) {
  for (const auto* side : {&c.lhs, &c.rhs}) {
    for (const std::string& t : *side) {
      if (t.rfind(kPreviousPrefix, 0) != 0 && now.count(t)) return true;
    }
  }
  return false;
}

}  // namespace

Status Dataset::RunDatasetChecks(const std::vector<RuleSet>& rules) {
  std::vector<const Check*> checks;
  std::set<std::string> seen;
  for (const RuleSet& set : rules) {
    for (const Check& c : set.checks) {
      if (c.kind == CheckKind::kDataset &&
          seen.insert(c.id + "|" + c.text).second)
        checks.push_back(&c);
    }
  }
  Status s = Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  auto fail = [&](const Status& st) {
    Exec("ROLLBACK");
    return st;
  };
  s = Exec("DELETE FROM dataset_findings");
  if (!s.ok()) return fail(s);
  s = FindCopies();
  if (!s.ok()) return fail(s);
  // One report per agency and year: the canonical one of its copies.
  std::map<std::pair<long long, long long>, std::string> by_year;
  {
    Stmt q(db_,
           "SELECT agency_id, year, sha256 FROM report_copies WHERE "
           "canonical = 1");
    while (q.Step() == SQLITE_ROW) by_year[{q.Int(0), q.Int(1)}] = q.Text(2);
  }
  Stmt ins(
      db_,
      "INSERT INTO dataset_findings(check_id, agency_id, year, previous_year, "
      "sha256, "
      "previous_sha256, severity, result, expected, actual, cells, message) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
  for (const auto& [key, sha] : by_year) {
    StatusOr<Figures> now = LoadFigures(db_, sha);
    if (!now.ok()) return fail(now.status());
    auto prev_it = by_year.find({key.first, key.second - 1});
    Figures prev;
    if (prev_it != by_year.end()) {
      StatusOr<Figures> p = LoadFigures(db_, prev_it->second);
      if (!p.ok()) return fail(p.status());
      prev = std::move(*p);
    }
    for (const Check* c : checks) {
      if (!ReadsThisYear(*c, *now)) continue;
      nlohmann::json cells = c->lhs;
      for (const std::string& t : c->rhs) cells.push_back(t);
      ins.Reset();
      ins.Bind(1, c->id)
          .Bind(2, key.first)
          .Bind(3, key.second)
          .Bind(4, key.second - 1)
          .Bind(5, sha);
      if (prev_it == by_year.end()) {
        ins.BindNull(6)
            .Bind(7, std::string(SeverityName(Severity::kInfo)))
            .Bind(8, std::string(ResultName(CheckResult::kIncomplete)))
            .BindNull(9)
            .BindNull(10)
            .Bind(11, cells.dump())
            .Bind(12, "no report of " + std::to_string(key.second - 1) +
                          " for this agency");
      } else {
        const SumOutcome outcome = EvaluateSum(*c, YearsLookup(*now, prev));
        CheckResult result = CheckResult::kOk;
        Severity severity = Severity::kInfo;
        std::string message;
        switch (outcome.state) {
          case SumOutcome::State::kUnread:
            result = CheckResult::kIncomplete;
            message = "figures not read in one of the two reports";
            break;
          case SumOutcome::State::kBlankTotal:
            result = CheckResult::kMissingTotal;
            severity = c->severity;
            message = "blank, expected " + FormatNumber(outcome.expected);
            break;
          case SumOutcome::State::kMismatch:
            result = CheckResult::kMismatch;
            severity = c->severity;
            message = "printed " + FormatNumber(outcome.actual) +
                      ", expected " + FormatNumber(outcome.expected) + " (" +
                      c->text + ")";
            break;
          case SumOutcome::State::kHolds:
            break;
        }
        ins.Bind(6, prev_it->second)
            .Bind(7, std::string(SeverityName(severity)))
            .Bind(8, std::string(ResultName(result)))
            .Bind(9, std::optional<double>(outcome.expected))
            .Bind(10, std::optional<double>(outcome.actual))
            .Bind(11, cells.dump())
            .Bind(12, message);
      }
      if (ins.Step() != SQLITE_DONE)
        return fail(ins.Error("insert dataset finding"));
    }
  }
  return Exec("COMMIT");
}

}  // namespace gongkai
