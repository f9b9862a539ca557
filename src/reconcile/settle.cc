// Settling OCR figures from the identities; see settle.h.
#include "src/reconcile/settle.h"

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "src/reconcile/evaluate.h"

namespace gongkai {
namespace {

// Returns the number a reading says ("12", "1,234"), or nullopt.
std::optional<double> ReadingValue(const std::string& reading) {
  std::string digits;
  for (char c : reading) {
    if ((c >= '0' && c <= '9') || c == '.' || c == '-') digits += c;
  }
  if (digits.empty() || digits == "-" || digits == ".") return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(digits.c_str(), &end);
  if (*end != '\0') return std::nullopt;
  return v;
}

// Returns true iff `v` is in the domain the rules give figure `id`.
bool InDomain(const RuleSet& rules, const std::string& id, double v) {
  for (const Check& check : rules.checks) {
    if (check.kind != CheckKind::kDomain || !CoversFigure(check, id)) continue;
    const bool whole = SameValue(v, std::round(v));
    if (check.domain == ValueType::kCount && (!whole || v < 0)) return false;
    if (check.domain == ValueType::kSignedCount && !whole) return false;
    if (check.domain == ValueType::kAmount && v < 0) return false;
  }
  return true;
}

// The value `check` gives its one unsettled term, when it has exactly one
// and every other term was read: its id and value.
bool SolveOne(const Check& check, const FigureIndex& index, std::string* id,
              double* value) {
  double lhs = 0, rhs = check.constant;
  int unknowns = 0;
  bool unknown_left = false;
  for (const auto* side : {&check.lhs, &check.rhs}) {
    for (const std::string& term : *side) {
      auto it = index.find(term);
      if (it == index.end()) return false;  // not read: no equation
      const Figure& f = *it->second;
      if (f.settled == "unsettled") {
        ++unknowns;
        *id = term;
        unknown_left = side == &check.lhs;
        continue;
      }
      (side == &check.lhs ? lhs : rhs) += f.value.value_or(0);
    }
  }
  if (unknowns != 1) return false;
  *value = unknown_left ? rhs - lhs : lhs - rhs;
  return true;
}

}  // namespace

void SettleUncertain(const RuleSet& rules, Report& report) {
  for (bool progress = true; progress;) {
    progress = false;
    const FigureIndex index = IndexFigures(report);
    std::map<std::string, std::vector<double>> given;
    for (const Check& check : rules.checks) {
      if (check.kind != CheckKind::kSum || check.severity != Severity::kError ||
          !AppliesToLevel(check, report.meta.level))
        continue;
      std::string id;
      double value = 0;
      if (SolveOne(check, index, &id, &value)) given[id].push_back(value);
    }
    for (auto& [id, values] : given) {
      Figure* f = report.Find(id);
      bool agree = true;
      for (double v : values) agree = agree && SameValue(v, values.front());
      const double v = values.front();
      if (!agree || !InDomain(rules, id, v)) continue;
      bool read = false;
      for (const std::string& r : f->readings) {
        const std::optional<double> said = ReadingValue(r);
        read = read || (said && SameValue(*said, v));
      }
      if (!read && values.size() < 2) continue;
      f->value = std::round(v * 1e6) / 1e6;
      f->integral = SameValue(v, std::round(v));
      f->settled = "solved";
      progress = true;
    }
  }
  for (const Figure& f : report.figures) {
    if (f.settled != "unsettled") continue;
    std::string readings;
    for (const std::string& r : f.readings)
      readings += (readings.empty() ? "'" : ", '") + r + "'";
    report.diagnostics.push_back(
        {"ocr_unsettled",
         f.id + ": the OCR readings " + readings +
             " do not agree (or are unsure) and the identities do not "
             "settle it: left null",
         f.page});
  }
}

}  // namespace gongkai
