// Figures read by OCR: how one cell's readings settle (SettleCell, in the
// OCR extractor) and how the identities settle the uncertain ones
// (SettleUncertain), on rules written for the test alone: a 2x2 grid with
// row and column totals, and a row with one check.
#include "src/reconcile/settle.h"

#include <gtest/gtest.h>

#include "extractors/ocr/ocr_reader.h"
#include "src/reconcile/evaluate.h"
#include "src/reconcile/reconcile.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

RuleSet SettleRules() {
  StatusOr<RuleSet> r = ParseRules(
      "version 1\n"
      "table g\n  caption 格\n  anchor 格\n"
      "  columns a 甲 | b 乙 | total 合计\n"
      "  row x 子\n  row y 丑\n  row sum 和\n"
      "table h\n  anchor 行\n  columns p 丙 | q 丁 | total 合计\n  row - *\n"
      "check R error g.$r.total = g.$r.{a,b}  for $r in x y sum\n"
      "check C error g.sum.$c = g.{x,y}.$c  for $c in a b total\n"
      "check H error h.total = h.{p,q}\n"
      "check D error domain count g.* h.*\n",
      "settle.rules", testing::Rules().shared_lexicon());
  EXPECT_TRUE(r.ok()) << r.status().message();
  return std::move(*r);
}

// x = 1 + 2 = 3, y = 4 + 5 = 9, sum = 5 + 7 = 12; h: 2 + 1 = 3. Figure
// `unsettled` is read by OCR with `readings` that did not settle it.
Report Grid(const std::string& unsettled,
            const std::vector<std::string>& readings) {
  Report report;
  const std::pair<const char*, double> values[] = {
      {"g.x.a", 1},        {"g.x.b", 2},     {"g.x.total", 3}, {"g.y.a", 4},
      {"g.y.b", 5},        {"g.y.total", 9}, {"g.sum.a", 5},   {"g.sum.b", 7},
      {"g.sum.total", 12}, {"h.p", 2},       {"h.q", 1},       {"h.total", 3}};
  for (const auto& [id, v] : values) {
    Figure f;
    f.id = id;
    f.value = v;
    f.raw = FormatNumber(v);
    if (f.id == unsettled) {
      f.value.reset();
      f.settled = "unsettled";
      f.readings = readings;
      f.confidence = 0.4;
    }
    report.figures.push_back(f);
  }
  return report;
}

TEST(SettleUncertain, ACellOneCheckDeterminesIsSolvedWhenAReadingSaysIt) {
  const RuleSet rules = SettleRules();
  Report report = Grid("h.p", {"2", "7"});
  SettleUncertain(rules, report);
  const Figure* f = report.Find("h.p");
  EXPECT_EQ(f->settled, "solved");
  EXPECT_EQ(f->value, 2);
}

TEST(SettleUncertain, OneCheckAloneNeverGivesAValueNoReadingSaw) {
  const RuleSet rules = SettleRules();
  Report report = Grid("h.p", {"7", "1"});
  Reconcile(rules, report);  // settles first
  const Figure* f = report.Find("h.p");
  EXPECT_EQ(f->settled, "unsettled");
  EXPECT_FALSE(f->value);
  ASSERT_FALSE(report.diagnostics.empty());
  EXPECT_EQ(report.diagnostics.back().code, "ocr_unsettled");
  // H holds an unsettled figure: it is not decided, so no finding.
  EXPECT_TRUE(report.findings.empty());
}

TEST(SettleUncertain, TwoChecksAgreeingSolveACellWithoutAReading) {
  const RuleSet rules = SettleRules();
  Report report = Grid("g.x.a", {"7", ""});  // R.x and C.a both give 1
  SettleUncertain(rules, report);
  const Figure* f = report.Find("g.x.a");
  EXPECT_EQ(f->settled, "solved");
  EXPECT_EQ(f->value, 1);
}

TEST(SettleUncertain, ChecksThatDisagreeLeaveTheCellUnsettled) {
  const RuleSet rules = SettleRules();
  Report report = Grid("g.x.a", {"1", "7"});
  report.Find("g.sum.a")->value = 6;  // a misprint: C.a now gives 2, R.x 1
  SettleUncertain(rules, report);
  EXPECT_EQ(report.Find("g.x.a")->settled, "unsettled");
}

TEST(SettleUncertain, ASolutionOutsideTheDomainIsNoSolution) {
  const RuleSet rules = SettleRules();
  Report report = Grid("h.p", {"-1", "-1"});
  report.Find("h.total")->value = 0;  // h.p would be -1: not a count
  SettleUncertain(rules, report);
  EXPECT_EQ(report.Find("h.p")->settled, "unsettled");
}

OcrBoxReading Digits(std::vector<std::string> texts,
                     std::vector<float> confidences) {
  OcrBoxReading r;
  r.ink = true;
  r.texts = std::move(texts);
  r.confidences = std::move(confidences);
  return r;
}

TEST(SettleCell, AgreeingConfidentReadingsAreCertain) {
  CellVerdict v =
      SettleCell("12", Digits({"12"}, {0.9f}), 0.3, testing::TestLexicon());
  EXPECT_FALSE(v.uncertain);
  EXPECT_EQ(v.raw, "12");
}

TEST(SettleCell, DisagreeingReadingsAreUncertain) {
  CellVerdict v = SettleCell("12", Digits({"17", "17"}, {0.9f, 0.9f}), 0.3,
                             testing::TestLexicon());
  EXPECT_TRUE(v.uncertain);
  EXPECT_EQ(v.readings, (std::vector<std::string>{"12", "17", "17"}));
}

TEST(SettleCell, OneReadingIsNotEnough) {
  CellVerdict v =
      SettleCell("", Digits({"5"}, {0.99f}), 0.3, testing::TestLexicon());
  EXPECT_TRUE(v.uncertain);
}

TEST(SettleCell, LowConfidenceIsUncertainUnlessThreeReadingsAgree) {
  const Lexicon& lexicon = testing::TestLexicon();
  EXPECT_TRUE(
      SettleCell("", Digits({"5", "5"}, {0.1f, 0.2f}), 0.3, lexicon).uncertain);
  EXPECT_FALSE(SettleCell("5", Digits({"5", "5"}, {0.1f, 0.2f}), 0.3, lexicon)
                   .uncertain);
}

TEST(SettleCell, NoInkAndNoTextIsACertainBlank) {
  OcrBoxReading none;
  CellVerdict v = SettleCell("", none, 0.3, testing::TestLexicon());
  EXPECT_FALSE(v.uncertain);
  EXPECT_EQ(v.raw, "");
}

TEST(SettleCell, InkOnePassReadsAndAnotherDoesNotIsNoNumber) {
  CellVerdict v = SettleCell("", Digits({"3", ""}, {0.5f, 0.f}), 0.3,
                             testing::TestLexicon());
  EXPECT_TRUE(v.uncertain);
  EXPECT_EQ(v.raw, "");
}

}  // namespace
}  // namespace gongkai
