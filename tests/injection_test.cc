// Error injection: a clean report (corpus/handmade/clean-2023.html, every
// identity holding) has each data cell of table 3 (175) and table 4 (15)
// changed in turn, by +1 and then to blank. Every change that breaks an
// identity must be flagged by a finding that names the changed cell; the
// clean report itself has no error finding. The diagnosis must then name
// the changed cell wherever the identities can tell: every cell of table 3
// crosses a row check and a column check; a cell of table 4 is in one
// check only (its row's 总计 = the four results), which cannot tell one of
// its five cells from another, so there the changed cell must be among the
// candidates.
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

// Returns the index of the explanation of `d` that changes exactly `cells`
// back to `values`, or -1.
int FindExplanation(const Diagnosis& d, const std::vector<std::string>& cells,
                    const std::vector<double>& values) {
  for (size_t i = 0; i < d.candidates.size(); ++i) {
    const auto& got = d.candidates[i].cells;
    if (got.size() != cells.size()) continue;
    bool same = true;
    for (size_t k = 0; k < got.size(); ++k) {
      auto at = std::find(cells.begin(), cells.end(), got[k].figure);
      same = same && at != cells.end() &&
             got[k].implied == values[at - cells.begin()];
    }
    if (same) return static_cast<int>(i);
  }
  return -1;
}

// Changes each target by `delta` (skipping those it would make negative)
// and checks the diagnosis; returns {exact, among candidates} counts.
std::pair<int, int> DiagnoseEach(const Document& clean_doc,
                                 const std::vector<Target>& targets,
                                 double delta) {
  Document copy = clean_doc;
  const Report clean = ReadAndReconcile(copy, testing::Rules());
  int exact = 0, among = 0;
  for (const Target& t : targets) {
    const double before = *clean.Find(t.figure)->value;
    if (before + delta < 0) continue;
    Document doc = clean_doc;
    doc.blocks[t.block].table.cells[t.cell].raw = FormatNumber(before + delta);
    const Report r = ReadAndReconcile(doc, testing::Rules());
    EXPECT_EQ(r.diagnosis.size(), 1u) << t.figure;
    if (r.diagnosis.size() != 1) continue;
    const Diagnosis& d = r.diagnosis[0];
    const int at = FindExplanation(d, {t.figure}, {before});
    const bool table3 = t.figure.rfind("applications.", 0) == 0;
    if (table3) {
      // Two crossing checks: exactly this cell, and it alone.
      EXPECT_EQ(d.verdict, Verdict::kLikelyMisprint) << t.figure;
      EXPECT_EQ(d.candidates_found, 1) << t.figure;
      EXPECT_EQ(at, 0) << t.figure;
      exact += at == 0 && d.candidates_found == 1;
    } else {
      // One check: the changed cell is one of its candidates.
      EXPECT_GE(at, 0) << t.figure;
      EXPECT_GT(d.candidates_found, 1) << t.figure;
      among += at >= 0;
    }
  }
  return {exact, among};
}

TEST_F(Injection, EveryCellPlusOneIsDiagnosedToThatCell) {
  auto [exact, among] = DiagnoseEach(clean_, targets_, +1);
  EXPECT_EQ(exact, 175);  // table 3: each to the changed cell
  EXPECT_EQ(among, 15);   // table 4: among the candidates of its row
}

TEST_F(Injection, EveryCellMinusOneIsDiagnosedToThatCell) {
  auto [exact, among] = DiagnoseEach(clean_, targets_, -1);
  const Report clean = Run(clean_);
  int table3 = 0, table4 = 0;
  for (const Target& t : targets_) {
    if (*clean.Find(t.figure)->value < 1) continue;
    (t.figure.rfind("applications.", 0) == 0 ? table3 : table4) += 1;
  }
  EXPECT_GT(table3, 20);
  EXPECT_EQ(exact, table3);
  EXPECT_EQ(among, table4);
}

TEST_F(Injection, EveryBlankedTotalIsDiagnosedAsItsTotal) {
  const Report clean = Run(clean_);
  int blanked = 0;
  for (const Target& t : targets_) {
    const double before = *clean.Find(t.figure)->value;
    if (before == 0 || t.figure.substr(t.figure.size() - 6) != ".total")
      continue;
    Document doc = clean_;
    doc.blocks[t.block].table.cells[t.cell].raw = "";
    const Report r = Run(doc);
    ASSERT_FALSE(r.diagnosis.empty()) << t.figure;
    const Diagnosis& d = r.diagnosis[0];
    EXPECT_EQ(d.verdict, Verdict::kLikelyMisprint) << t.figure;
    ASSERT_EQ(FindExplanation(d, {t.figure}, {before}), 0) << t.figure;
    EXPECT_EQ(d.candidates[0].cells[0].role, CellRole::kTotal) << t.figure;
    EXPECT_FALSE(d.candidates[0].cells[0].printed.has_value()) << t.figure;
    ++blanked;
  }
  EXPECT_GT(blanked, 10);
}

// Two cells of table 3 changed at once (pairs drawn by a fixed stride):
// when they share a failing check no single cell explains them and the
// changed pair is among the pairs found; when they share none each is its
// own group, diagnosed to its cell. Most come out as likely misprints.
TEST_F(Injection, TwoChangedCellsAreDiagnosedAsThatPair) {
  const Report clean = Run(clean_);
  int tried = 0, exact = 0;
  for (size_t i = 0; i < 175; i += 3) {
    const Target& a = targets_[i];
    const Target& b = targets_[(i * 37 + 11) % 175];
    const std::string ra = a.figure.substr(0, a.figure.rfind('.'));
    const std::string rb = b.figure.substr(0, b.figure.rfind('.'));
    if (a.figure == b.figure || ra == rb) continue;
    const double va = *clean.Find(a.figure)->value;
    const double vb = *clean.Find(b.figure)->value;
    Document doc = clean_;
    doc.blocks[a.block].table.cells[a.cell].raw = FormatNumber(va + 2);
    doc.blocks[b.block].table.cells[b.cell].raw = FormatNumber(vb + 1);
    const Report r = Run(doc);
    ++tried;
    if (r.diagnosis.size() == 2) {
      // Cells that share no failing check are two groups, one cell each.
      const bool a_first =
          FindExplanation(r.diagnosis[0], {a.figure}, {va}) >= 0;
      EXPECT_GE(FindExplanation(r.diagnosis[a_first ? 1 : 0], {b.figure}, {vb}),
                0)
          << a.figure << " " << b.figure;
      EXPECT_GE(FindExplanation(r.diagnosis[a_first ? 0 : 1], {a.figure}, {va}),
                0)
          << a.figure << " " << b.figure;
      exact += r.diagnosis[0].verdict == Verdict::kLikelyMisprint &&
               r.diagnosis[1].verdict == Verdict::kLikelyMisprint;
      continue;
    }
    ASSERT_EQ(r.diagnosis.size(), 1u) << a.figure << " " << b.figure;
    const Diagnosis& d = r.diagnosis[0];
    ASSERT_LE(d.candidates_found, static_cast<int>(d.candidates.size()));
    EXPECT_GE(FindExplanation(d, {a.figure, b.figure}, {va, vb}), 0)
        << a.figure << " " << b.figure;
    exact += d.verdict == Verdict::kLikelyMisprint;
  }
  EXPECT_GT(tried, 40);
  EXPECT_GT(exact, tried / 2);
}

}  // namespace
}  // namespace gongkai
