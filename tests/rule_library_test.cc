// RuleLibrary: a rules directory opened by headers, each set compiled when a
// document first picks it, errors reported for the file picked.
#include "src/rules/rule_library.h"

#include <gtest/gtest.h>

#include <deque>
#include <filesystem>

#include "src/normalize/normalize.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

// A small valid rules file whose fingerprint is `marker`.
std::string GoodRules(const std::string& version, const std::string& marker) {
  return "version " + version + "\nfingerprint " + marker +
         "\ntable t\n  anchor 表\n  columns a 甲\n  row r 行\n"
         "check C error t.r.a = t.r.a\n";
}

// Returns the view of a normalized one-paragraph document saying `text`
// (both kept alive until the test program ends).
const DocumentView& DocumentSaying(const std::string& text) {
  static std::deque<std::pair<Document, DocumentView>> kept;
  kept.emplace_back();
  Document& doc = kept.back().first;
  Block b;
  b.raw = text;
  doc.blocks.push_back(b);
  Normalize(doc);
  kept.back().second = testing::ViewOf(doc);
  return kept.back().second;
}

class RuleLibraryTest : public ::testing::Test {
 protected:
  // Every rules directory holds its lexicon.
  void SetUp() override {
    dir_ = testing::TempDir();
    testing::WriteFile(
        dir_ + "/lexicon.inc",
        testing::ReadFile(testing::SourcePath("rules/lexicon.inc")));
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
};

TEST_F(RuleLibraryTest, CompilesOnlyThePickedSetAndReportsItsErrors) {
  testing::WriteFile(dir_ + "/a.rules", GoodRules("alpha", "甲乙丙"));
  // A good header over a bad body: an unknown figure id in a check.
  testing::WriteFile(
      dir_ + "/b.rules",
      "version beta\nfingerprint 丁戊己\ntable t\n  anchor 表\n"
      "  columns a 甲\n  row r 行\ncheck C error t.r.a = t.r.b\n");
  StatusOr<RuleLibrary> library = RuleLibrary::Open(dir_);
  ASSERT_TRUE(library.ok()) << library.status().ToString();

  StatusOr<const RuleSet*> alpha = library->Choose(DocumentSaying("甲乙丙"));
  ASSERT_TRUE(alpha.ok()) << alpha.status().ToString();
  ASSERT_NE(*alpha, nullptr);
  EXPECT_EQ((*alpha)->version, "alpha");
  EXPECT_EQ((*alpha)->tables.size(), 1u);  // compiled, not only the header
  EXPECT_EQ((*alpha)->checks.size(), 1u);

  StatusOr<const RuleSet*> beta = library->Choose(DocumentSaying("丁戊己"));
  ASSERT_FALSE(beta.ok());
  EXPECT_EQ(beta.status().code(), "invalid_rules");
  EXPECT_NE(beta.status().message().find(
                dir_ + "/b.rules:7: unknown figure id 't.r.b'"),
            std::string::npos)
      << beta.status().message();

  Status all = library->CompileAll();
  EXPECT_FALSE(all.ok());
  EXPECT_NE(all.message().find("b.rules:7"), std::string::npos);
}

TEST_F(RuleLibraryTest, CompileAllGivesEverySet) {
  testing::WriteFile(dir_ + "/a.rules", GoodRules("alpha", "甲乙丙"));
  testing::WriteFile(dir_ + "/b.rules", GoodRules("beta", "丁戊己"));
  StatusOr<RuleLibrary> library = RuleLibrary::Open(dir_);
  ASSERT_TRUE(library.ok());
  ASSERT_TRUE(library->CompileAll().ok());
  ASSERT_EQ(library->sets().size(), 2u);
  EXPECT_EQ(library->sets()[0].version, "alpha");
  EXPECT_EQ(library->sets()[1].version, "beta");
  EXPECT_EQ(library->sets()[1].checks.size(), 1u);
  StatusOr<const RuleSet*> beta = library->Choose(DocumentSaying("丁戊己"));
  ASSERT_TRUE(beta.ok());
  EXPECT_EQ(*beta, &library->sets()[1]);
}

TEST_F(RuleLibraryTest, CompilesInTheBackgroundWhileADocumentIsRead) {
  testing::WriteFile(dir_ + "/a.rules", GoodRules("alpha", "甲乙丙"));
  testing::WriteFile(dir_ + "/b.rules", GoodRules("beta", "丁戊己"));
  testing::WriteFile(dir_ + "/c.rules",
                     "version gamma\nfingerprint 庚辛\ncheck C error x = y\n");
  StatusOr<RuleLibrary> library = RuleLibrary::Open(dir_);
  ASSERT_TRUE(library.ok());
  library->CompileInBackground();
  StatusOr<const RuleSet*> alpha = library->Choose(DocumentSaying("甲乙丙"));
  ASSERT_TRUE(alpha.ok());
  EXPECT_EQ((*alpha)->checks.size(), 1u);
  // The set not picked was compiled too, by the background thread.
  EXPECT_EQ(library->sets()[1].checks.size(), 1u);
  // The bad file stayed uncompiled: picking it reports its errors.
  StatusOr<const RuleSet*> gamma = library->Choose(DocumentSaying("庚辛"));
  ASSERT_FALSE(gamma.ok());
  EXPECT_NE(gamma.status().message().find("c.rules:3"), std::string::npos)
      << gamma.status().message();
}

TEST_F(RuleLibraryTest, OpenFailsOnABadHeaderOrNoFile) {
  StatusOr<RuleLibrary> empty = RuleLibrary::Open(dir_);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), "not_found");
  testing::WriteFile(dir_ + "/a.rules", "fingerprint 甲\n");
  StatusOr<RuleLibrary> headless = RuleLibrary::Open(dir_);
  ASSERT_FALSE(headless.ok());
  EXPECT_NE(headless.status().message().find("a.rules:1: no 'version' line"),
            std::string::npos)
      << headless.status().message();
}

TEST(RuleLibrary, EmptyLibraryPicksNothing) {
  RuleLibrary none;
  StatusOr<const RuleSet*> picked = none.Choose(DocumentSaying("甲"));
  ASSERT_TRUE(picked.ok());
  EXPECT_EQ(*picked, nullptr);
}

}  // namespace
}  // namespace gongkai
