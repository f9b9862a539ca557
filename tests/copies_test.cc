// One report, whatever its copies (issue #13, 4): files of one agency and
// year whose table figures agree are copies of one report, counted once;
// files whose figures differ are conflicting versions, listed.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

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
