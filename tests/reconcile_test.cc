// The reconciler: mismatches, blank totals, blanks as zero, domains.
#include "src/reconcile/reconcile.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace gongkai {
namespace {

RuleSet TinyRules() {
  StatusOr<RuleSet> r = ParseRules(
      "version 1\ntable t\n  anchor 表\n  columns a 甲 | b 乙 | total 合计\n  "
      "row r 行\n"
      "check S error t.r.total = t.r.{a,b}\n"
      "check D error domain count t.*\n",
      "tiny.rules", testing::Rules().shared_lexicon());
  EXPECT_TRUE(r.ok()) << r.status().message();
  return std::move(*r);
}

Report WithFigures(
    std::initializer_list<std::pair<const char*, std::optional<double>>>
        values) {
  Report report;
  for (const auto& [id, v] : values) {
    Figure f;
    f.id = id;
    f.value = v;
    f.integral = !v || *v == static_cast<long long>(*v);
    f.raw = v ? FormatNumber(*v) : "";
    report.figures.push_back(f);
  }
  return report;
}

TEST(Reconcile, CleanReportHasNoFinding) {
  Report r = WithFigures({{"t.r.a", 2}, {"t.r.b", 3}, {"t.r.total", 5}});
  Reconcile(TinyRules(), r);
  EXPECT_TRUE(r.findings.empty());
}

TEST(Reconcile, MismatchNamesEveryCell) {
  Report r = WithFigures({{"t.r.a", 2}, {"t.r.b", 3}, {"t.r.total", 6}});
  Reconcile(TinyRules(), r);
  ASSERT_EQ(r.findings.size(), 1u);
  const Finding& f = r.findings[0];
  EXPECT_EQ(f.check, "S");
  EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(f.result, CheckResult::kMismatch);
  EXPECT_EQ(*f.expected, 5);
  EXPECT_EQ(*f.actual, 6);
  EXPECT_EQ(f.cells, (std::vector<std::string>{"t.r.total", "t.r.a", "t.r.b"}));
}

TEST(Reconcile, BlankComponentCountsAsZero) {
  Report r =
      WithFigures({{"t.r.a", std::nullopt}, {"t.r.b", 3}, {"t.r.total", 3}});
  Reconcile(TinyRules(), r);
  EXPECT_TRUE(r.findings.empty());
}

TEST(Reconcile, BlankTotalIsMissingNotZero) {
  Report r =
      WithFigures({{"t.r.a", 258}, {"t.r.b", 14}, {"t.r.total", std::nullopt}});
  Reconcile(TinyRules(), r);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].result, CheckResult::kMissingTotal);
  EXPECT_EQ(r.findings[0].severity, Severity::kWarning);
  EXPECT_EQ(*r.findings[0].expected, 272);
  EXPECT_FALSE(r.findings[0].actual.has_value());
}

TEST(Reconcile, AllBlankIsNoFinding) {
  Report r = WithFigures({{"t.r.a", std::nullopt},
                          {"t.r.b", std::nullopt},
                          {"t.r.total", std::nullopt}});
  Reconcile(TinyRules(), r);
  EXPECT_TRUE(r.findings.empty());
}

TEST(Reconcile, NothingReadIsSkipped) {
  Report r;
  Reconcile(TinyRules(), r);
  EXPECT_TRUE(r.findings.empty());
}

TEST(Reconcile, DomainRejectsFractionsAndNegatives) {
  Report r = WithFigures({{"t.r.a", 2.5}, {"t.r.b", -1}, {"t.r.total", 1.5}});
  Reconcile(TinyRules(), r);
  int domain = 0;
  for (const Finding& f : r.findings)
    domain += f.result == CheckResult::kDomain;
  EXPECT_EQ(domain, 3);
}

}  // namespace
}  // namespace gongkai
