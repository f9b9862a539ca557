// The equation evaluator; see evaluate.h.
#include "src/reconcile/evaluate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace gongkai {
namespace {

constexpr double kTolerance = 1e-6;

struct Side {
  double sum = 0;
  bool any_read = false;
  bool single_blank = false;  // one term, not read or blank
};

Side Evaluate(const std::vector<std::string>& terms,
              const FigureLookup& figures) {
  Side side;
  for (const std::string& t : terms) {
    std::optional<double> v;
    if (!figures.Find(t, &v)) {
      side.single_blank = terms.size() == 1;
      continue;
    }
    side.any_read = true;
    if (v) {
      side.sum += *v;
    } else {
      side.single_blank = terms.size() == 1;
    }
  }
  return side;
}

}  // namespace

FigureIndex IndexFigures(const Report& report) {
  FigureIndex index;
  for (const Figure& f : report.figures) index.emplace(f.id, &f);
  return index;
}

bool IndexLookup::Find(std::string_view id,
                       std::optional<double>* value) const {
  auto it = index_.find(std::string(id));
  if (it == index_.end()) return false;
  *value = it->second->value;
  return true;
}

bool AppliesToLevel(const Check& check, const std::string& level) {
  return check.levels.empty() ||
         std::find(check.levels.begin(), check.levels.end(), level) !=
             check.levels.end();
}

bool CoversFigure(const Check& check, const std::string& id) {
  for (const std::string& glob : check.globs) {
    if (glob.empty()) continue;
    if (glob.back() == '.' ? id.rfind(glob, 0) == 0 : id == glob) return true;
  }
  return false;
}

bool HasUnsettledTerm(const Check& check, const FigureIndex& index) {
  for (const auto* side : {&check.lhs, &check.rhs}) {
    for (const std::string& id : *side) {
      auto it = index.find(id);
      if (it != index.end() && it->second->settled == "unsettled") return true;
    }
  }
  return false;
}

bool SameValue(double a, double b) { return std::fabs(a - b) <= kTolerance; }

SumOutcome EvaluateSum(const Check& check, const FigureLookup& figures) {
  SumOutcome out;
  const Side lhs = Evaluate(check.lhs, figures);
  const Side rhs = Evaluate(check.rhs, figures);
  out.expected = rhs.sum + check.constant;
  out.actual = lhs.sum;
  if (!lhs.any_read || (!check.rhs.empty() && !rhs.any_read)) return out;
  if (lhs.single_blank) {
    out.state = SameValue(out.expected, 0) ? SumOutcome::State::kHolds
                                           : SumOutcome::State::kBlankTotal;
    return out;
  }
  out.state = SameValue(out.actual, out.expected)
                  ? SumOutcome::State::kHolds
                  : SumOutcome::State::kMismatch;
  return out;
}

std::string FormatNumber(double v) {
  if (SameValue(v, std::round(v)) && std::fabs(v) < 1e15) {
    return std::to_string(static_cast<long long>(std::llround(v)));
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace gongkai
