// The evaluator: one reading of an equation check (`A + B = C + D + 3`)
// over figures looked up through an interface, so that the checks of one
// report and the checks across years (S1, S2, whose `prev:` terms name
// last year's report) are decided by the same code.
//
// Blank and NA cells count as 0 when they are components (FORMAT.md §5.2).
// A left side of one printed total that is blank while the right side is
// not 0 is a blank total, not a mismatch.
#ifndef GONGKAI_SRC_RECONCILE_EVALUATE_H_
#define GONGKAI_SRC_RECONCILE_EVALUATE_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "src/model/report.h"
#include "src/rules/rules.h"

namespace gongkai {

// Where an evaluation finds its figures.
class FigureLookup {
 public:
  virtual ~FigureLookup() = default;
  // Returns false when the figure `id` (a term of a check, `prev:` prefix
  // included) was not read; else true, with *value its number or nullopt
  // for a printed blank or NA marker.
  virtual bool Find(std::string_view id,
                    std::optional<double>* value) const = 0;
};

// One report's figures by id (pointers into the report, which must
// outlive it), and the lookup of a check's terms in them.
using FigureIndex = std::unordered_map<std::string, const Figure*>;
FigureIndex IndexFigures(const Report& report);

class IndexLookup : public FigureLookup {
 public:
  explicit IndexLookup(const FigureIndex& index) : index_(index) {}
  bool Find(std::string_view id, std::optional<double>* value) const override;

 private:
  const FigureIndex& index_;
};

// The outcome of an equation check.
struct SumOutcome {
  enum class State {
    kUnread,      // a side has no figure that was read: nothing to decide
    kHolds,       // both sides agree (within the tolerance)
    kBlankTotal,  // the single total on the left is blank; its cells are not
    kMismatch,    // both sides read, and they differ
  };
  State state = State::kUnread;
  double expected = 0;  // the right side, its constant included
  double actual = 0;    // the left side
};

// Returns how `check` (kSum or kDataset) comes out over `figures`. A right
// side of only a constant counts as read.
SumOutcome EvaluateSum(const Check& check, const FigureLookup& figures);

// Returns true iff `check` applies to a report of `level`: it has no
// `when level=` clause, or names that level.
bool AppliesToLevel(const Check& check, const std::string& level);

// Returns true iff figure `id` is in the scope of domain check `check`: one
// of its globs is a prefix ending in '.' of `id`, or `id` itself.
bool CoversFigure(const Check& check, const std::string& id);

// Returns true iff a term of `check` is a figure read by OCR whose value
// neither the readings nor the identities settled: the check cannot be
// decided (its figure is null, not 0).
bool HasUnsettledTerm(const Check& check, const FigureIndex& index);

// Returns true iff `a` and `b` are equal within the checks' tolerance.
bool SameValue(double a, double b);

// Returns `v` written as the document would print it: "12", "746.573001";
// every number of a finding's message is written by it.
std::string FormatNumber(double v);

}  // namespace gongkai

#endif  // GONGKAI_SRC_RECONCILE_EVALUATE_H_
