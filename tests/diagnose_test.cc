// The diagnosis solver on rules written for the test alone (a 2x2 grid with
// row and column totals, and a one-check row): it knows nothing of the
// annual-report form, only the checks. Single cells, pairs, totals not
// filled in, domains, and checks that passed must stay passing.
#include "src/reconcile/diagnose.h"

#include <gtest/gtest.h>

#include "src/reconcile/evaluate.h"
#include "src/reconcile/reconcile.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

// Grid g: rows x, y, sum; columns a, b, total. Row checks R.*, column
// checks C.*; a separate row h with one check H; a row k with one check K
// whose first cell must also equal g.x.b (check P).
RuleSet GridRules() {
  StatusOr<RuleSet> r = ParseRules(
      "version 1\n"
      "table g\n  caption 格\n  anchor 格\n"
      "  columns a 甲 | b 乙 | total 合计\n"
      "  row x 子\n  row y 丑\n  row sum 和\n"
      "table h\n  anchor 行\n  columns p 丙 | q 丁 | total 合计\n  row - *\n"
      "table k\n  anchor 列\n  columns m 戊 | n 己 | total 合计\n  row - *\n"
      "check R error g.$r.total = g.$r.{a,b}  for $r in x y sum\n"
      "check C error g.sum.$c = g.{x,y}.$c  for $c in a b total\n"
      "check H error h.total = h.{p,q}\n"
      "check K error k.total = k.{m,n}\n"
      "check P error k.m = g.x.b\n"
      "check D error domain count g.* h.* k.*\n",
      "grid.rules", testing::Rules().shared_lexicon());
  EXPECT_TRUE(r.ok()) << r.status().message();
  return std::move(*r);
}

// A clean grid: x = 1 + 2 = 3, y = 4 + 5 = 9, sum = 5 + 7 = 12; h: 2 + 0;
// k: 2 + 1 with k.m = g.x.b = 2.
Report Grid() {
  Report report;
  const std::pair<const char*, double> values[] = {
      {"g.x.a", 1},        {"g.x.b", 2},     {"g.x.total", 3}, {"g.y.a", 4},
      {"g.y.b", 5},        {"g.y.total", 9}, {"g.sum.a", 5},   {"g.sum.b", 7},
      {"g.sum.total", 12}, {"h.p", 2},       {"h.q", 0},       {"h.total", 2},
      {"k.m", 2},          {"k.n", 1},       {"k.total", 3}};
  for (const auto& [id, v] : values) {
    Figure f;
    f.id = id;
    f.value = v;
    f.raw = FormatNumber(v);
    report.figures.push_back(f);
  }
  return report;
}

void Set(Report& r, const std::string& id, std::optional<double> v) {
  Figure* f = r.Find(id);
  ASSERT_NE(f, nullptr) << id;
  f->value = v;
}

TEST(Diagnose, CleanReportHasNone) {
  Report r = Grid();
  Reconcile(GridRules(), r);
  EXPECT_TRUE(r.findings.empty());
  EXPECT_TRUE(r.diagnosis.empty());
}

TEST(Diagnose, CellWhereARowAndAColumnCheckCrossIsTheLikelyMisprint) {
  Report r = Grid();
  Set(r, "g.y.b", 8);  // printed 8 for 5: R.y and C.b fail
  Reconcile(GridRules(), r);
  ASSERT_EQ(r.diagnosis.size(), 1u);
  const Diagnosis& d = r.diagnosis[0];
  EXPECT_EQ(d.checks, (std::vector<std::string>{"R.y", "C.b"}));
  EXPECT_EQ(d.verdict, Verdict::kLikelyMisprint);
  EXPECT_EQ(d.basis, VerdictBasis::kUnique);
  ASSERT_EQ(d.candidates.size(), 1u);
  const CorrectedCell& c = d.candidates[0].cells.at(0);
  EXPECT_EQ(c.figure, "g.y.b");
  EXPECT_EQ(c.label, "格 丑 / 乙");
  EXPECT_EQ(c.printed, 8);
  EXPECT_EQ(c.implied, 5);
  EXPECT_EQ(c.role, CellRole::kPart);
}

TEST(Diagnose, AWrongGrandTotalIsToldApartAsATotal) {
  Report r = Grid();
  Set(r, "g.sum.total", 13);  // R.sum and C.total fail; the parts agree
  Reconcile(GridRules(), r);
  ASSERT_EQ(r.diagnosis.size(), 1u);
  ASSERT_EQ(r.diagnosis[0].candidates.size(), 1u);
  const CorrectedCell& c = r.diagnosis[0].candidates[0].cells.at(0);
  EXPECT_EQ(c.figure, "g.sum.total");
  EXPECT_EQ(c.role, CellRole::kTotal);
  EXPECT_EQ(c.implied, 12);
}

TEST(Diagnose, OneCheckCannotTellItsCellsApart) {
  Report r = Grid();
  Set(r, "h.total", 3);  // H fails: total or p or q could be wrong
  Reconcile(GridRules(), r);
  ASSERT_EQ(r.diagnosis.size(), 1u);
  const Diagnosis& d = r.diagnosis[0];
  EXPECT_EQ(d.verdict, Verdict::kCandidates);
  EXPECT_EQ(d.candidates_found, 3);  // p 2->3, q 0->1, total 3->2
}

TEST(Diagnose, DomainRulesOutANegativeCorrection) {
  Report r = Grid();
  Set(r, "h.total", 1);  // p 2->1, or total 1->2; q 0->-1 is no count
  Reconcile(GridRules(), r);
  ASSERT_EQ(r.diagnosis.size(), 1u);
  EXPECT_EQ(r.diagnosis[0].candidates_found, 2);
  for (const Explanation& e : r.diagnosis[0].candidates)
    EXPECT_NE(e.cells.at(0).figure, "h.q");
}

TEST(Diagnose, ATotalPrintedZeroWhileItsPartsAreNotIsPreferred) {
  Report r = Grid();
  Set(r, "h.total", 0);  // p 2->0 would also do; a total not filled in wins
  Reconcile(GridRules(), r);
  ASSERT_EQ(r.diagnosis.size(), 1u);
  const Diagnosis& d = r.diagnosis[0];
  EXPECT_EQ(d.verdict, Verdict::kLikelyMisprint);
  EXPECT_EQ(d.basis, VerdictBasis::kUnfilledTotal);
  EXPECT_EQ(d.candidates_found, 2);
  EXPECT_EQ(d.candidates.at(0).cells.at(0).figure, "h.total");
  EXPECT_EQ(d.candidates.at(0).cells.at(0).implied, 2);
}

TEST(Diagnose, ABlankTotalIsDiagnosedAsItsTotal) {
  Report r = Grid();
  Set(r, "g.x.total", std::nullopt);  // R.x blank total, C.total mismatch
  Reconcile(GridRules(), r);
  ASSERT_EQ(r.diagnosis.size(), 1u);
  const Diagnosis& d = r.diagnosis[0];
  ASSERT_EQ(d.candidates_found, 1);
  const CorrectedCell& c = d.candidates[0].cells.at(0);
  EXPECT_EQ(c.figure, "g.x.total");
  EXPECT_FALSE(c.printed.has_value());
  EXPECT_TRUE(c.read);
  EXPECT_EQ(c.implied, 3);
}

TEST(Diagnose, AFixThatWouldBreakACheckThatPassedIsNoExplanation) {
  Report r = Grid();
  // x.a and y.a both +1: C.a fails by 2, R.x and R.y by 1 each. g.sum.a
  // alone would fix C.a but break R.sum, which passed: no single cell.
  Set(r, "g.x.a", 2);
  Set(r, "g.y.a", 5);
  Reconcile(GridRules(), r);
  ASSERT_EQ(r.diagnosis.size(), 1u);
  const Diagnosis& d = r.diagnosis[0];
  ASSERT_GE(d.candidates_found, 1);
  for (const Explanation& e : d.candidates) EXPECT_EQ(e.cells.size(), 2u);
  bool found = false;
  for (const Explanation& e : d.candidates) {
    found = found || (e.cells[0].figure == "g.x.a" && e.cells[0].implied == 1 &&
                      e.cells[1].figure == "g.y.a" && e.cells[1].implied == 4);
  }
  EXPECT_TRUE(found);
}

TEST(Diagnose, ACellWhoseFixWouldBreakACheckThatPassedIsNoCandidate) {
  Report r = Grid();
  Set(r, "k.total", 4);  // k.m 2->3 would break P; k.n or k.total remain
  Reconcile(GridRules(), r);
  ASSERT_EQ(r.diagnosis.size(), 1u);
  const Diagnosis& d = r.diagnosis[0];
  EXPECT_EQ(d.candidates_found, 2);
  for (const Explanation& e : d.candidates)
    EXPECT_NE(e.cells.at(0).figure, "k.m");
}

TEST(Diagnose, ChecksSharingNoCellAreDiagnosedApart) {
  Report r = Grid();
  Set(r, "g.y.b", 6);
  Set(r, "h.total", 5);
  Reconcile(GridRules(), r);
  ASSERT_EQ(r.diagnosis.size(), 2u);
  EXPECT_EQ(r.diagnosis[0].checks, (std::vector<std::string>{"R.y", "C.b"}));
  EXPECT_EQ(r.diagnosis[1].checks, (std::vector<std::string>{"H"}));
}

TEST(Diagnose, MoreWrongCellsThanTheLimitAreUnexplained) {
  Report r = Grid();
  Set(r, "g.x.a", 2);  // three cells in three rows and two columns
  Set(r, "g.y.b", 7);
  Set(r, "g.sum.a", 9);
  Reconcile(GridRules(), r);
  ASSERT_EQ(r.diagnosis.size(), 1u);
  EXPECT_EQ(r.diagnosis[0].verdict, Verdict::kUnexplained);
  EXPECT_EQ(r.diagnosis[0].candidates_found, 0);
}

}  // namespace
}  // namespace gongkai
