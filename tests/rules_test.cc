// The rules loader: the real 2021 rules, and every kind of error reported as
// file:line: message.
#include "src/rules/rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "tests/test_util.h"

namespace gongkai {
namespace {

using testing::Rules;

const RuleSet& Rules2021() {
  for (const RuleSet& r : Rules().sets()) {
    if (r.version == "2021") return r;
  }
  ADD_FAILURE() << "no 2021 rules";
  static RuleSet empty;
  return empty;
}

TEST(Rules2021, HasEveryFigureOfTables2To4) {
  const std::vector<std::string> ids = Rules2021().AllFigureIds();
  // 10 of table 2, 25 rows x 7 of table 3 plus the optional 2019-style
  // （六） row and the optional 法人 小计 column, 15 of table 4; then the
  // prose figures.
  const size_t tables = std::count_if(
      ids.begin(), ids.end(),
      [](const std::string& id) { return id.rfind("prose.", 0) != 0; });
  EXPECT_EQ(tables, 10u + 26u * 8u + 15u);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "prose.info_processing_fee_yuan"),
            ids.end());
  for (const char* id :
       {"active.rules.new", "active.normative_docs.in_force",
        "active.licensing.decisions", "active.fees.amount_wan_yuan",
        "applications.new.natural", "applications.other_no_fee.natural",
        "applications.other.total", "applications.carry_next.total",
        "applications.new.legal_subtotal", "appeals.review.upheld",
        "appeals.suit_after_review.total"}) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  }
}

TEST(Rules2021, ExpandsEveryHardIdentity) {
  std::map<std::string, int> per_rule;
  for (const Check& c : Rules2021().checks)
    per_rule[c.id.substr(0, c.id.find('.'))]++;
  EXPECT_EQ(per_rule["H1"], 26);  // every table 3 row, the （六） row included
  // The optional 法人 小计 column: its own sum per row, and H2, H3 over it
  // as over the 7 columns always printed.
  EXPECT_EQ(per_rule["H1s"], 26);
  EXPECT_EQ(per_rule["H2"], 8);
  EXPECT_EQ(per_rule["H3"], 8);
  EXPECT_EQ(per_rule["H4"], 1);
  EXPECT_EQ(per_rule["H5"], 1);
  EXPECT_EQ(per_rule["H6"], 1);
  EXPECT_EQ(per_rule["H7"], 2);
  auto find = [](const std::string& id) -> const Check* {
    for (const Check& c : Rules2021().checks) {
      if (c.id == id) return &c;
    }
    return nullptr;
  };
  const Check* h3 = find("H3.natural");
  ASSERT_NE(h3, nullptr);
  EXPECT_EQ(h3->lhs,
            (std::vector<std::string>{"applications.total.natural",
                                      "applications.carry_next.natural"}));
  EXPECT_EQ(h3->rhs,
            (std::vector<std::string>{"applications.new.natural",
                                      "applications.carried_over.natural"}));
  const Check* h2 = find("H2.total");
  ASSERT_NE(h2, nullptr);
  EXPECT_EQ(h2->rhs.size(), 22u);
}

struct BadCase {
  const char* text;
  const char* error;  // expected substring, with the line number
};

TEST(ParseRules, ReportsErrorsWithFileAndLine) {
  const std::string head =
      "version 9\ntable t\n  anchor 表\n  columns a 甲 | b 乙\n  row r 行\n";
  const BadCase cases[] = {
      {"frobnicate x\n", "x.rules:6: unknown keyword 'frobnicate'"},
      {"  row s re:(unclosed\n", "x.rules:6: bad pattern '(unclosed'"},
      {"check C1 error t.r.a = t.r.zz\n",
       "x.rules:6: unknown figure id 't.r.zz'"},
      {"check C1 error t.r.a = t.r.{@nope}\n",
       "x.rules:6: unknown set '@nope'"},
      {"check C1 fatal t.r.a = t.r.b\n", "x.rules:6: severity must be"},
      {"check C1 error t.r.a t.r.b\n", "x.rules:6: expected '+' or '='"},
      {"  row s 丙 under=nogroup\n",
       "x.rules:6: row 's' is under unknown group 'nogroup'"},
      {"  row r 丁\n", "x.rules:6: row 'r' defined twice"},
      {"  type weird\n", "x.rules:6: unknown type 'weird'"},
      {"check C1 error domain count q.*\n",
       "x.rules:6: domain pattern 'q.*' matches no figure"},
      {"prose fee scale=x 万元 费{n}万元\n",
       "x.rules:6: prose scale needs a positive number"},
      {"prose fee scale=10000 费{n}万元\n",
       "x.rules:6: prose scale needs a positive number, a unit and a pattern"},
      {"  columns c 丙 | d  optional\n",
       "x.rules:6: optional column 'd' needs a label"},
  };
  for (const BadCase& c : cases) {
    StatusOr<RuleSet> r =
        ParseRules(head + c.text, "x.rules", testing::Rules().shared_lexicon());
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.status().message().find(c.error), std::string::npos)
        << "rules: " << c.text << "message: " << r.status().message();
  }
}

TEST(ParseRules, MissingVersionAndEmptyTable) {
  StatusOr<RuleSet> r =
      ParseRules("table t\n", "y.rules", testing::Rules().shared_lexicon());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("y.rules:1: no 'version' line"),
            std::string::npos);
  EXPECT_NE(r.status().message().find("y.rules:1: table 't' has no columns"),
            std::string::npos);
}

TEST(ParseRules, ContinuationLinesAndComments) {
  StatusOr<RuleSet> r = ParseRules(
      "version 1  # a comment\n"
      "table t\n  anchor 表\n  columns a 甲\n     | b 乙\n  row r 行\n"
      "set both a\n      b\n"
      "check C1 error t.r.a\n   = t.r.{@both}\n",
      "z.rules", testing::Rules().shared_lexicon());
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->tables[0].columns.size(), 2u);
  ASSERT_EQ(r->checks.size(), 1u);
  EXPECT_EQ(r->checks[0].rhs, (std::vector<std::string>{"t.r.a", "t.r.b"}));
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// Former bug, found by fuzz_rules (corpus/hostile/fuzz/): terms with many
// {@set} groups expanded without bound and exhausted memory. Now the loader
// refuses them at once.
TEST(ParseRulesFormerBugs, ExpansionIsBounded) {
  const auto start = std::chrono::steady_clock::now();
  StatusOr<RuleSet> r = LoadRulesFile(
      testing::SourcePath("corpus/hostile/fuzz/rules-expansion-oom.rules"));
  EXPECT_FALSE(r.ok());
  EXPECT_LT(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count(),
      5.0);
  StatusOr<RuleSet> wide = ParseRules(
      "version 1\ntable t\n  anchor 表\n  columns a 甲\n  row r 行\n"
      "set s a a a a a a a a a a\nset s2 @s @s @s @s @s @s @s @s @s @s\n"
      "set s3 @s2 @s2 @s2 @s2 @s2 @s2 @s2 @s2 @s2 @s2\nset s4 @s3 @s3 @s3 @s3 "
      "@s3 @s3 @s3 @s3 @s3 @s3 @s3\n"
      "set s5 @s4 @s4 @s4 @s4 @s4 @s4 @s4 @s4 @s4 @s4 @s4\n",
      "wide.rules", testing::Rules().shared_lexicon());
  ASSERT_FALSE(wide.ok());
  EXPECT_NE(wide.status().message().find("expands to more than"),
            std::string::npos);
}

}  // namespace
}  // namespace gongkai
