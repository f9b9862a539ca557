// The diagnosis solver; see diagnose.h.
//
// Cells are indexed once; each equation keeps its terms (one coefficient
// per cell, +1 on the left and -1 on the right, merged) and its residual
// (left minus right minus the constant, at the printed values). Changing
// cell x by d changes the residual of each equation that holds x by
// coefficient * d, so a set of cells explains a group when the changes
// zero the residual of every equation that holds one of them.
#include "src/reconcile/diagnose.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "src/reconcile/evaluate.h"

namespace gongkai {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

struct Term {
  size_t cell;
  double coef;
};

struct Equation {
  const Check* check = nullptr;
  std::vector<Term> terms;
  double residual = 0;
  bool failing = false;
  size_t lone_total = kNone;  // the cell of a one-term left side

  double CoefOf(size_t cell) const {
    for (const Term& t : terms) {
      if (t.cell == cell) return t.coef;
    }
    return 0;
  }
};

struct Cell {
  std::string id;
  const Figure* figure = nullptr;  // nullptr: not read
  double value = 0;                // as the evaluator counts it
  const Check* domain = nullptr;   // the domain check covering it
  std::vector<size_t> equations;   // indexes of the equations holding it
};

// A candidate change: cells and their new values.
struct Change {
  std::vector<size_t> cells;
  std::vector<double> values;
};

class Solver {
 public:
  Solver(const RuleSet& rules, const Report& report)
      : rules_(rules), figures_(IndexFigures(report)) {
    for (const Check& check : rules.checks) {
      if (check.kind == CheckKind::kDomain) domains_.push_back(&check);
    }
    for (const Check& check : rules.checks) {
      if (check.kind == CheckKind::kSum && check.severity == Severity::kError &&
          AppliesToLevel(check, report.meta.level) &&
          !HasUnsettledTerm(check, figures_)) {
        AddEquation(check);
      }
    }
  }

  std::vector<Diagnosis> Run() {
    std::vector<Diagnosis> out;
    for (const std::vector<size_t>& group : FailingGroups()) {
      out.push_back(DiagnoseGroup(group));
    }
    return out;
  }

 private:
  const Figure* FigureOf(const std::string& id) const {
    auto it = figures_.find(id);
    return it == figures_.end() ? nullptr : it->second;
  }

  size_t CellOf(const std::string& id) {
    auto [it, added] = cell_index_.emplace(id, cells_.size());
    if (added) {
      Cell cell;
      cell.id = id;
      cell.figure = FigureOf(id);
      if (cell.figure && cell.figure->value) cell.value = *cell.figure->value;
      for (const Check* d : domains_) {
        if (CoversFigure(*d, id)) {
          cell.domain = d;
          break;
        }
      }
      cells_.push_back(std::move(cell));
    }
    return it->second;
  }

  void AddEquation(const Check& check) {
    const SumOutcome outcome = EvaluateSum(check, IndexLookup(figures_));
    if (outcome.state == SumOutcome::State::kUnread) return;
    Equation eq;
    eq.check = &check;
    eq.failing = outcome.state == SumOutcome::State::kMismatch ||
                 outcome.state == SumOutcome::State::kBlankTotal;
    auto add = [&](const std::string& id, double coef) {
      const size_t cell = CellOf(id);
      for (Term& t : eq.terms) {
        if (t.cell == cell) {
          t.coef += coef;
          return;
        }
      }
      eq.terms.push_back({cell, coef});
    };
    for (const std::string& id : check.lhs) add(id, 1);
    for (const std::string& id : check.rhs) add(id, -1);
    eq.terms.erase(std::remove_if(eq.terms.begin(), eq.terms.end(),
                                  [](const Term& t) { return t.coef == 0; }),
                   eq.terms.end());
    eq.residual = -check.constant;
    for (const Term& t : eq.terms) eq.residual += t.coef * cells_[t.cell].value;
    if (check.lhs.size() == 1) eq.lone_total = CellOf(check.lhs[0]);
    const size_t index = equations_.size();
    for (const Term& t : eq.terms) cells_[t.cell].equations.push_back(index);
    equations_.push_back(std::move(eq));
  }

  // Returns the failing equations in groups that share cells, each group
  // in check order, the groups in the order of their first check.
  std::vector<std::vector<size_t>> FailingGroups() const {
    std::vector<size_t> parent(equations_.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](size_t e) {
      while (parent[e] != e) e = parent[e] = parent[parent[e]];
      return e;
    };
    for (const Cell& cell : cells_) {
      size_t first = kNone;
      for (size_t e : cell.equations) {
        if (!equations_[e].failing) continue;
        if (first == kNone) {
          first = e;
        } else {
          parent[root(e)] = root(first);
        }
      }
    }
    std::vector<std::vector<size_t>> groups;
    std::unordered_map<size_t, size_t> group_of_root;
    for (size_t e = 0; e < equations_.size(); ++e) {
      if (!equations_[e].failing) continue;
      auto [it, added] = group_of_root.emplace(root(e), groups.size());
      if (added) groups.emplace_back();
      groups[it->second].push_back(e);
    }
    return groups;
  }

  // Returns true iff `v` is a value the cell's domain allows.
  bool InDomain(const Cell& cell, double v) const {
    if (!cell.domain) return true;
    const bool whole = SameValue(v, std::round(v));
    switch (cell.domain->domain) {
      case ValueType::kCount:
        return whole && v > -1e-9;
      case ValueType::kSignedCount:
        return whole;
      case ValueType::kAmount:
        return v > -1e-9;
    }
    return true;
  }

  // Returns true iff the change `deltas` of `cells` zeroes every equation
  // holding one of them, each delta is not 0 and each new value is in its
  // cell's domain; fills `change`.
  bool Explains(const std::vector<size_t>& cells,
                const std::vector<double>& deltas, Change* change) const {
    std::vector<size_t> touched;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (SameValue(deltas[i], 0)) return false;
      const Cell& cell = cells_[cells[i]];
      if (!InDomain(cell, cell.value + deltas[i])) return false;
      touched.insert(touched.end(), cell.equations.begin(),
                     cell.equations.end());
    }
    for (size_t e : touched) {
      double r = equations_[e].residual;
      for (size_t i = 0; i < cells.size(); ++i)
        r += equations_[e].CoefOf(cells[i]) * deltas[i];
      if (!SameValue(r, 0)) return false;
    }
    change->cells = cells;
    change->values.clear();
    for (size_t i = 0; i < cells.size(); ++i) {
      const double v = cells_[cells[i]].value + deltas[i];
      change->values.push_back(SameValue(v, std::round(v)) ? std::round(v) : v);
    }
    return true;
  }

  // Returns true iff every equation of `group` holds a cell of `cells`.
  bool Covers(const std::vector<size_t>& group,
              const std::vector<size_t>& cells) const {
    for (size_t e : group) {
      bool held = false;
      for (size_t c : cells) held = held || equations_[e].CoefOf(c) != 0;
      if (!held) return false;
    }
    return true;
  }

  std::vector<Change> Singles(const std::vector<size_t>& group,
                              const std::vector<size_t>& candidates) const {
    std::vector<Change> out;
    const Equation& first = equations_[group[0]];
    for (size_t x : candidates) {
      if (!Covers(group, {x})) continue;
      const double delta = -first.residual / first.CoefOf(x);
      Change change;
      if (Explains({x}, {delta}, &change)) out.push_back(std::move(change));
    }
    return out;
  }

  std::vector<Change> Pairs(const std::vector<size_t>& group,
                            const std::vector<size_t>& candidates) const {
    std::vector<Change> out;
    for (size_t x : candidates) {
      // The second cell: another candidate, or a cell sharing a check with
      // x that must absorb what x's correction breaks.
      std::vector<size_t> partners = candidates;
      for (size_t e : cells_[x].equations) {
        for (const Term& t : equations_[e].terms) partners.push_back(t.cell);
      }
      std::sort(partners.begin(), partners.end());
      partners.erase(std::unique(partners.begin(), partners.end()),
                     partners.end());
      for (size_t y : partners) {
        if (y == x) continue;
        const bool y_candidate =
            std::binary_search(candidates.begin(), candidates.end(), y);
        if (y_candidate && y < x) continue;  // seen as (y, x)
        if (!Covers(group, {x, y})) continue;
        double dx = 0, dy = 0;
        if (!SolvePair(x, y, &dx, &dy)) continue;
        Change change;
        if (Explains({x, y}, {dx, dy}, &change))
          out.push_back(std::move(change));
      }
    }
    return out;
  }

  // Solves two equations holding x or y that determine both changes;
  // returns false when none do.
  bool SolvePair(size_t x, size_t y, double* dx, double* dy) const {
    std::vector<size_t> eqs = cells_[x].equations;
    eqs.insert(eqs.end(), cells_[y].equations.begin(),
               cells_[y].equations.end());
    for (size_t i = 0; i < eqs.size(); ++i) {
      const Equation& a = equations_[eqs[i]];
      for (size_t j = i + 1; j < eqs.size(); ++j) {
        const Equation& b = equations_[eqs[j]];
        const double ax = a.CoefOf(x), ay = a.CoefOf(y);
        const double bx = b.CoefOf(x), by = b.CoefOf(y);
        const double det = ax * by - ay * bx;
        if (SameValue(det, 0)) continue;
        *dx = (-a.residual * by + b.residual * ay) / det;
        *dy = (-b.residual * ax + a.residual * bx) / det;
        return true;
      }
    }
    return false;
  }

  CorrectedCell Describe(size_t cell, double implied,
                         const std::vector<size_t>& group) const {
    const Cell& c = cells_[cell];
    CorrectedCell out;
    out.figure = c.id;
    out.label = rules_.FigureLabel(c.id);
    out.read = c.figure != nullptr;
    if (c.figure) out.printed = c.figure->value;
    out.implied = implied;
    for (size_t e : group) {
      if (equations_[e].lone_total == cell) out.role = CellRole::kTotal;
    }
    return out;
  }

  // Returns the rank of a cell in the rules' figure order.
  size_t Rank(size_t cell) const {
    auto it = rules_.figure_rank.find(cells_[cell].id);
    return it == rules_.figure_rank.end() ? kNone : it->second;
  }

  Diagnosis DiagnoseGroup(const std::vector<size_t>& group) const {
    Diagnosis d;
    for (size_t e : group) d.checks.push_back(equations_[e].check->id);
    std::vector<size_t> candidates;
    for (size_t e : group) {
      for (const Term& t : equations_[e].terms) candidates.push_back(t.cell);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()),
                     candidates.end());
    const int max_cells =
        static_cast<int>(rules_.lexicon->numbers().diagnosis_max_cells);
    std::vector<Change> found;
    if (max_cells >= 1) found = Singles(group, candidates);
    if (found.empty() && max_cells >= 2) found = Pairs(group, candidates);
    for (Change& change : found) {  // cells in figure order
      if (change.cells.size() == 2 &&
          Rank(change.cells[1]) < Rank(change.cells[0])) {
        std::swap(change.cells[0], change.cells[1]);
        std::swap(change.values[0], change.values[1]);
      }
    }
    std::stable_sort(
        found.begin(), found.end(), [&](const Change& a, const Change& b) {
          for (size_t i = 0; i < a.cells.size() && i < b.cells.size(); ++i) {
            if (Rank(a.cells[i]) != Rank(b.cells[i]))
              return Rank(a.cells[i]) < Rank(b.cells[i]);
          }
          return a.cells.size() < b.cells.size();
        });
    std::vector<Explanation> explanations;
    for (const Change& change : found) {
      Explanation ex;
      for (size_t i = 0; i < change.cells.size(); ++i)
        ex.cells.push_back(Describe(change.cells[i], change.values[i], group));
      explanations.push_back(std::move(ex));
    }
    d.candidates_found = static_cast<int>(explanations.size());
    if (explanations.size() == 1) {
      d.verdict = Verdict::kLikelyMisprint;
      d.basis = VerdictBasis::kUnique;
    } else if (explanations.size() > 1) {
      d.verdict = Verdict::kCandidates;
      PreferUnfilledTotal(explanations, d);
    }
    const size_t listed =
        static_cast<size_t>(rules_.lexicon->numbers().diagnosis_max_listed);
    if (explanations.size() > listed) explanations.resize(listed);
    d.candidates = std::move(explanations);
    return d;
  }

  // Among single-cell explanations, the only total printed 0 or blank whose
  // checks imply more becomes the likely misprint, listed first.
  static void PreferUnfilledTotal(std::vector<Explanation>& explanations,
                                  Diagnosis& d) {
    size_t chosen = kNone;
    for (size_t i = 0; i < explanations.size(); ++i) {
      const std::vector<CorrectedCell>& cells = explanations[i].cells;
      if (cells.size() != 1 || cells[0].role != CellRole::kTotal) continue;
      const bool unfilled =
          !cells[0].printed || SameValue(*cells[0].printed, 0);
      if (!unfilled || cells[0].implied <= 0) continue;
      if (chosen != kNone) return;  // two such: none preferred
      chosen = i;
    }
    if (chosen == kNone) return;
    std::rotate(explanations.begin(), explanations.begin() + chosen,
                explanations.begin() + chosen + 1);
    d.verdict = Verdict::kLikelyMisprint;
    d.basis = VerdictBasis::kUnfilledTotal;
  }

  const RuleSet& rules_;
  FigureIndex figures_;
  std::vector<const Check*> domains_;
  std::vector<Cell> cells_;
  std::unordered_map<std::string, size_t> cell_index_;
  std::vector<Equation> equations_;
};

}  // namespace

std::vector<Diagnosis> Diagnose(const RuleSet& rules, const Report& report) {
  return Solver(rules, report).Run();
}

}  // namespace gongkai
