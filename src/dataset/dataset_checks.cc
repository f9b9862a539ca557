// Checks across reports: for each agency and year, the rules' dataset
// checks (those naming prev: figures) against the same agency's report of
// the year before. See dataset.h.
#include <cmath>
#include <map>
#include <set>

#include "src/dataset/dataset.h"
#include "src/dataset/sqlite_util.h"
#include "src/reconcile/reconcile.h"

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

struct Side {
  double sum = 0;
  bool any_read = false, single_blank = false;
};

Side Evaluate(const std::vector<std::string>& terms, const Figures& now,
              const Figures& prev) {
  Side side;
  for (const std::string& t : terms) {
    const bool previous = t.rfind(kPreviousPrefix, 0) == 0;
    const Figures& from = previous ? prev : now;
    auto it = from.find(previous ? t.substr(kPreviousPrefix.size()) : t);
    if (it == from.end()) continue;
    side.any_read = true;
    if (it->second) side.sum += *it->second;
  }
  if (terms.size() == 1) {
    const bool previous = terms[0].rfind(kPreviousPrefix, 0) == 0;
    const Figures& from = previous ? prev : now;
    auto it = from.find(previous ? terms[0].substr(kPreviousPrefix.size())
                                 : terms[0]);
    side.single_blank = it == from.end() || !it->second;
  }
  return side;
}

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
      if (c.kind == "dataset" && seen.insert(c.id + "|" + c.text).second)
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
  // One report per agency and year (the first by sha256 when several).
  std::map<std::pair<long long, long long>, std::string> by_year;
  {
    Stmt q(db_,
           "SELECT agency_id, year, min(sha256) FROM reports "
           "WHERE agency_id IS NOT NULL AND year IS NOT NULL GROUP BY "
           "agency_id, year");
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
            .Bind(7, std::string("info"))
            .Bind(8, std::string("incomplete"))
            .BindNull(9)
            .BindNull(10)
            .Bind(11, cells.dump())
            .Bind(12, "no report of " + std::to_string(key.second - 1) +
                          " for this agency");
      } else {
        const Side lhs = Evaluate(c->lhs, *now, prev),
                   rhs = Evaluate(c->rhs, *now, prev);
        std::string result = "ok", severity = "info", message;
        if (!lhs.any_read || !rhs.any_read) {
          result = "incomplete";
          message = "figures not read in one of the two reports";
        } else if (lhs.single_blank && std::fabs(rhs.sum) > 1e-6) {
          result = "missing_total";
          severity = c->severity;
          message = "blank, expected " + FormatNumber(rhs.sum);
        } else if (std::fabs(lhs.sum - rhs.sum) > 1e-6) {
          result = "mismatch";
          severity = c->severity;
          message = "printed " + FormatNumber(lhs.sum) + ", expected " +
                    FormatNumber(rhs.sum) + " (" + c->text + ")";
        }
        ins.Bind(6, prev_it->second)
            .Bind(7, severity)
            .Bind(8, result)
            .Bind(9, std::optional<double>(rhs.sum))
            .Bind(10, std::optional<double>(lhs.sum))
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
