// One report, whatever its copies (issue #13, 4): files of one agency and
// year whose table figures agree are copies of one report, counted once;
// files whose figures differ are conflicting versions, listed. And an
// interrupted ingest says what it kept.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <thread>

#include "tests/test_util.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunGongkai;
using testing::SourcePath;

// Returns the rows of a CSV file whose text contains `part`.
std::vector<std::string> RowsWith(const std::string& file,
                                  const std::string& part) {
  std::vector<std::string> out;
  std::istringstream lines(ReadFile(file));
  for (std::string line; std::getline(lines, line);)
    if (line.find(part) != std::string::npos) out.push_back(line);
  return out;
}

// Runs `sql` on the dataset at `db`; returns the first column of the first
// row ("" if none).
std::string Sql(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  std::string out;
  if (sqlite3_open(db.c_str(), &h) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    const char* tail = sql.c_str();
    while (*tail && sqlite3_prepare_v2(h, tail, -1, &st, &tail) == SQLITE_OK &&
           st) {
      if (sqlite3_step(st) == SQLITE_ROW && out.empty() &&
          sqlite3_column_text(st, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      sqlite3_finalize(st);
    }
  }
  sqlite3_close(h);
  return out;
}

TEST(Copies, APdfAndItsTextDumpAreOneReportOfTwoFiles) {
  const std::string dir = testing::TempDir();
  auto r = RunGongkai("ingest --db " + dir + "/d.db " +
                      SourcePath("corpus/real/hongze-2023.pdf") + " " +
                      SourcePath("corpus/handmade/hongze-2023.layout.txt") +
                      " " + SourcePath("corpus/real/hongze-2024.pdf"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("dataset: 3 files of 2 reports (copies counted once; "
                       "0 agency-years with conflicting versions)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("1 reports failing a hard identity"), std::string::npos)
      << r.err;  // hongze-2023 once, not twice
  ASSERT_EQ(RunGongkai("export --db " + dir + "/d.db --out " + dir + "/out")
                .exit_code,
            0);
  // reports.csv: canonical, copies, versions after the coverage columns.
  const auto y2023 = RowsWith(dir + "/out/reports.csv", "hongze-2023");
  ASSERT_EQ(y2023.size(), 2u);
  int canonical = 0;
  for (const std::string& row : y2023) {
    canonical += row.find(",1,2,1,") != std::string::npos;
    EXPECT_TRUE(row.find(",1,2,1,") != std::string::npos ||
                row.find(",0,2,1,") != std::string::npos)
        << row;
  }
  EXPECT_EQ(canonical, 1);
  EXPECT_EQ(RowsWith(dir + "/out/conflicts.csv", "hongze").size(), 0u);
  // The views users ask first (issue #13, 6): one row per agency and year
  // (its canonical report), the failing reports, the carry-over chain.
  const std::string db = dir + "/d.db";
  EXPECT_EQ(Sql(db, "SELECT count(*) FROM agency_years"), "2");
  EXPECT_EQ(Sql(db,
                "SELECT applications_new || ',' || reviews || ',' || "
                "hard_failures FROM agency_years WHERE year = 2023"),
            "21,0,2");  // 21 new applications; 行政复议 总计 printed 0
  EXPECT_EQ(Sql(db, "SELECT count(*) FROM failing_reports"), "2");  // files
  EXPECT_EQ(Sql(db, "SELECT checks FROM failing_reports LIMIT 1"), "H4 H6");
  EXPECT_EQ(Sql(db,
                "SELECT result FROM carry_over_chain WHERE year = 2024 AND "
                "check_id = 'S1.total'"),
            "ok");
  fs::remove_all(dir);
}

TEST(Copies, FilesWhoseFiguresDifferAreConflictingVersions) {
  const std::string dir = testing::TempDir();
  std::string page = ReadFile(SourcePath("corpus/handmade/clean-2023.html"));
  // Table 4: 行政复议 总计 printed 4 -> 9 (a misread, or a misprint).
  const std::string row = "<td>2</td><td>1</td><td>0</td><td>1</td><td>4</td>";
  const size_t pos = page.find(row);
  ASSERT_NE(pos, std::string::npos);
  page.replace(pos, row.size(),
               "<td>2</td><td>1</td><td>0</td><td>1</td><td>9</td>");
  testing::WriteFile(dir + "/changed.html", page);
  auto r = RunGongkai("ingest --db " + dir + "/d.db " + dir + "/changed.html " +
                      SourcePath("corpus/handmade/clean-2023.html"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("2 files of 1 reports (copies counted once; 1 "
                       "agency-years with conflicting versions)"),
            std::string::npos)
      << r.err;
  ASSERT_EQ(RunGongkai("export --db " + dir + "/d.db --out " + dir + "/out")
                .exit_code,
            0);
  const auto conflicts = RowsWith(dir + "/out/conflicts.csv", ",2023,");
  ASSERT_EQ(conflicts.size(), 2u);
  // The version whose identities hold is the canonical one; the other
  // differs from it in one figure.
  EXPECT_NE(conflicts[0].find(",2023,1,1,1,0,"), std::string::npos)
      << conflicts[0];
  EXPECT_NE(conflicts[0].find("clean-2023.html"), std::string::npos);
  EXPECT_NE(conflicts[1].find(",2023,2,0,1,1,"), std::string::npos)
      << conflicts[1];
  EXPECT_NE(conflicts[1].find("changed.html"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// Former bug (issue #12, 15; #13, 8): SIGINT and SIGTERM ended an ingest
// with no line saying what was kept. It says how many records are stored
// and that running it again finishes the job, which it does.
TEST(IngestFormerBugs, AnInterruptedIngestSaysWhatIsKept) {
  const std::string dir = testing::TempDir();
  const std::string db = dir + "/d.db", err = dir + "/err",
                    pid_file = dir + "/pid";
  const std::string inputs = SourcePath("corpus/real");
  // One file hangs for ever (no timeout): the rest are stored, then the
  // run waits until it is interrupted.
  const pid_t pid = testing::StartGongkai(
      "ingest --timeout 0 --db " + db + " " + inputs + " >/dev/null 2>" + err,
      "GONGKAI_TEST_HANG=putian-cgj-2025");
  ASSERT_GT(pid, 0);
  std::string said;
  for (int i = 0; i < 500 && said.find("9/10 files") == std::string::npos;
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    said = ReadFile(err);
  }
  kill(pid, SIGINT);
  for (int i = 0; i < 200 && kill(pid, 0) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  said = ReadFile(err);
  EXPECT_NE(said.find("gongkai: interrupted: 9 records stored in " + db +
                      " are kept; run the same ingest again to finish"),
            std::string::npos)
      << said;
  auto rerun = RunGongkai("ingest --db " + db + " " + inputs);
  EXPECT_EQ(rerun.exit_code, 0);
  EXPECT_NE(rerun.err.find("1 records stored, 9 already there"),
            std::string::npos)
      << rerun.err;
  fs::remove_all(dir);
}

// Former bug (issue #13, 8): an empty input directory gave no word.
TEST(IngestFormerBugs, AnEmptyInputDirectoryWarns) {
  const std::string dir = testing::TempDir();
  fs::create_directories(dir + "/empty");
  testing::WriteFile(dir + "/empty/notes.md", "not a report");
  auto r = RunGongkai("audit " + dir + "/empty");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(
      r.err.find("gongkai: warning: " + dir + "/empty holds no file to read"),
      std::string::npos)
      << r.err;
  fs::remove_all(dir);
}

// Former bug (issue #13, 6): counts were stored as REAL (sqlite3 showed
// 195.0) and the schema had no version. Schema 2 (PRAGMA user_version)
// stores them as integers; a schema-1 dataset is migrated when opened, and
// one of a newer schema is refused.
TEST(IngestFormerBugs, CountsAreIntegersAndOldDatasetsAreMigrated) {
  const std::string dir = testing::TempDir();
  const std::string db = dir + "/d.db";
  const std::string input = SourcePath("corpus/real/hongze-2023.pdf");
  ASSERT_EQ(RunGongkai("ingest --db " + db + " " + input).exit_code, 0);
  EXPECT_EQ(Sql(db, "PRAGMA user_version"), "2");
  const std::string count_type =
      "SELECT typeof(value) FROM figures WHERE figure = "
      "'active.licensing.decisions'";
  EXPECT_EQ(Sql(db, count_type), "integer");
  EXPECT_EQ(Sql(db,
                "SELECT typeof(value) FROM figures WHERE figure = "
                "'active.fees.amount_wan_yuan'"),
            "real");  // 7730.28 万元
  ASSERT_EQ(RunGongkai("export --db " + db + " --out " + dir + "/a").exit_code,
            0);
  // Made a schema-1 dataset again: REAL values, no user_version.
  Sql(db,
      "DROP VIEW agency_years; DROP VIEW failing_reports; DROP VIEW "
      "carry_over_chain; "
      "CREATE TABLE f1(sha256 TEXT NOT NULL, figure TEXT NOT NULL, value "
      "REAL, PRIMARY KEY(sha256, figure)); INSERT INTO f1 SELECT * FROM "
      "figures ORDER BY rowid; DROP TABLE figures; ALTER TABLE f1 RENAME TO "
      "figures; PRAGMA user_version = 0;");
  ASSERT_EQ(Sql(db, count_type), "real");
  ASSERT_EQ(RunGongkai("ingest --db " + db + " " + input).exit_code, 0);
  EXPECT_EQ(Sql(db, "PRAGMA user_version"), "2");
  EXPECT_EQ(Sql(db, count_type), "integer");
  ASSERT_EQ(RunGongkai("export --db " + db + " --out " + dir + "/b").exit_code,
            0);
  for (const char* f : {"figures.csv", "reports.csv", "reports.jsonl"})
    EXPECT_EQ(ReadFile(dir + "/a/" + f), ReadFile(dir + "/b/" + f)) << f;
  // A dataset of a newer schema is refused, untouched.
  Sql(db, "PRAGMA user_version = 99");
  auto newer = RunGongkai("ingest --db " + db + " " + input);
  EXPECT_EQ(newer.exit_code, 5);
  EXPECT_NE(newer.err.find("newer gongkai (schema 99)"), std::string::npos)
      << newer.err;
  EXPECT_EQ(Sql(db, "PRAGMA user_version"), "99");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gongkai
