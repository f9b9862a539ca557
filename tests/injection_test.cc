// Error injection: a clean report (corpus/handmade/clean-2023.html, every
// identity holding) has each data cell of table 3 (175) and table 4 (15)
// changed in turn, by +1 and then to blank. Every change that breaks an
// identity must be flagged by a finding that names the changed cell; the
// clean report itself has no error finding.
#include <gtest/gtest.h>

#include <algorithm>

#include "extractors/html/html_extractor.h"
#include "src/pipeline.h"
#include "src/reconcile/reconcile.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

const char* kRows[] = {"new",
                       "carried_over",
                       "granted",
                       "partly_granted",
                       "withheld_state_secret",
                       "withheld_law",
                       "withheld_safety",
                       "withheld_third_party",
                       "withheld_internal",
                       "withheld_process",
                       "withheld_enforcement_file",
                       "withheld_query",
                       "unable_not_held",
                       "unable_need_create",
                       "unable_unclear",
                       "ignored_complaint",
                       "ignored_repeat",
                       "ignored_publication",
                       "ignored_massive",
                       "ignored_confirm",
                       "other_no_correction",
                       "other_no_fee",
                       "other_other",
                       "total",
                       "carry_next"};
const char* kColumns[] = {"natural", "business", "research", "nonprofit",
                          "legal",   "other",    "total"};
const char* kAppealGroups[] = {"review", "suit_direct", "suit_after_review"};
const char* kAppealColumns[] = {"upheld", "corrected", "other", "pending",
                                "total"};

struct Target {
  size_t block;  // index of the table block
  size_t cell;   // index of the cell in it
  std::string figure;
};

class Injection : public ::testing::Test {
 protected:
  void SetUp() override {
    StatusOr<Document> doc =
        ExtractHtml(testing::ReadFile(
                        testing::SourcePath("corpus/handmade/clean-2023.html")),
                    Limits(), testing::TestLexicon());
    ASSERT_TRUE(doc.ok());
    clean_ = std::move(*doc);
    // The page's tables, in order: table 2, table 3, table 4. Data cells
    // are found by grid position: table 3 rows 3-27, columns 3-9; table 4
    // row 3, columns 0-14.
    std::vector<size_t> tables;
    for (size_t i = 0; i < clean_.blocks.size(); ++i) {
      if (clean_.blocks[i].kind == BlockKind::kTable) tables.push_back(i);
    }
    ASSERT_EQ(tables.size(), 3u);
    const auto& t3 = clean_.blocks[tables[1]].table.cells;
    for (size_t c = 0; c < t3.size(); ++c) {
      if (t3[c].row >= 3 && t3[c].col >= 3) {
        targets_.push_back({tables[1], c,
                            std::string("applications.") +
                                kRows[t3[c].row - 3] + "." +
                                kColumns[t3[c].col - 3]});
      }
    }
    const auto& t4 = clean_.blocks[tables[2]].table.cells;
    for (size_t c = 0; c < t4.size(); ++c) {
      if (t4[c].row == 3) {
        targets_.push_back({tables[2], c,
                            std::string("appeals.") +
                                kAppealGroups[t4[c].col / 5] + "." +
                                kAppealColumns[t4[c].col % 5]});
      }
    }
  }

  Report Run(Document doc) { return ReadAndReconcile(doc, testing::Rules()); }

  Document clean_;
  std::vector<Target> targets_;
};

bool Names(const Finding& f, const std::string& figure) {
  return std::find(f.cells.begin(), f.cells.end(), figure) != f.cells.end();
}

TEST_F(Injection, CleanReportHasNoErrorFinding) {
  Report r = Run(clean_);
  EXPECT_FALSE(r.HasErrorFinding());
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(targets_.size(), 175u + 15u);
}

TEST_F(Injection, EveryCellPlusOneIsFlagged) {
  const Report clean = Run(clean_);
  for (const Target& t : targets_) {
    const Figure* before = clean.Find(t.figure);
    ASSERT_NE(before, nullptr) << t.figure;
    ASSERT_TRUE(before->value.has_value()) << t.figure;
    Document doc = clean_;
    doc.blocks[t.block].table.cells[t.cell].raw =
        FormatNumber(*before->value + 1);
    Report r = Run(doc);
    ASSERT_EQ(r.Find(t.figure)->value, *before->value + 1) << t.figure;
    const bool flagged = std::any_of(
        r.findings.begin(), r.findings.end(), [&](const Finding& f) {
          return f.severity == Severity::kError && Names(f, t.figure);
        });
    EXPECT_TRUE(flagged) << t.figure << " + 1 is not flagged";
  }
}

TEST_F(Injection, EveryBlankedCellThatBreaksAnIdentityIsFlagged) {
  const Report clean = Run(clean_);
  int flagged_count = 0;
  for (const Target& t : targets_) {
    const double before = *clean.Find(t.figure)->value;
    Document doc = clean_;
    doc.blocks[t.block].table.cells[t.cell].raw = "";
    Report r = Run(doc);
    ASSERT_EQ(r.Find(t.figure)->value, std::nullopt) << t.figure;
    const bool flagged =
        std::any_of(r.findings.begin(), r.findings.end(),
                    [&](const Finding& f) { return Names(f, t.figure); });
    if (before != 0) {
      // A blank component counts as 0, a blank total is "missing": either
      // way the change must surface, naming the cell.
      EXPECT_TRUE(flagged) << t.figure << " blanked (was " << before
                           << ") is not flagged";
      flagged_count += flagged;
    } else {
      // Blanking a 0 breaks nothing: no error may be raised.
      EXPECT_FALSE(r.HasErrorFinding())
          << t.figure << " blanked (was 0) raised an error";
    }
  }
  EXPECT_GT(flagged_count, 40);
}

}  // namespace
}  // namespace gongkai
