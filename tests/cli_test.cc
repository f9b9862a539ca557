// The gongkai program end to end: JSON Lines for several files, error
// records for bad inputs without stopping the batch, audit lines and exit
// codes, rules check messages.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "tests/test_util.h"

namespace gongkai {
namespace {

using nlohmann::json;
using testing::RunGongkai;
using testing::SourcePath;

std::vector<json> JsonLines(const std::string& out) {
  std::vector<json> records;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) records.push_back(json::parse(line));
  return records;
}

TEST(Cli, ExtractOneFilePrintsOneObject) {
  auto r = RunGongkai("extract " +
                      SourcePath("corpus/real/lanzhou-ggzyjy-2022.txt"));
  EXPECT_EQ(r.exit_code, 0);
  std::vector<json> records = JsonLines(r.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["schema"], "gongkai.report/1");
  EXPECT_EQ(records[0]["figures"]["applications.new.business"], 9);
  EXPECT_EQ(records[0]["figures"]["active.fees.amount_wan_yuan"], 746.573001);
  EXPECT_TRUE(records[0]["figures"]["active.licensing.decisions"].is_null());
  EXPECT_EQ(records[0]["evidence"]["active.fees.amount_wan_yuan"]["text"],
            "746.573001");
}

TEST(Cli, BadInputsGiveErrorRecordsAndTheBatchGoesOn) {
  std::string dir = testing::TempDir();
  std::string random_path = dir + "/random.bin";
  std::mt19937 gen(42);
  std::string bytes(1 << 16, '\0');
  for (char& c : bytes) c = static_cast<char>(gen());
  testing::WriteFile(random_path, bytes);
  const std::string missing = dir + "/no-such-file.html";
  auto r = RunGongkai(
      "extract " + missing + " " + SourcePath("corpus/hostile/empty.txt") +
      " " + random_path + " " + SourcePath("corpus/hostile/not-a-report.html") +
      " " + SourcePath("corpus/hostile/truncated-2023.html") + " " +
      SourcePath("corpus/real/lanzhou-ggzyjy-2022.txt"));
  EXPECT_EQ(r.exit_code, 3);
  std::vector<json> records = JsonLines(r.out);
  ASSERT_EQ(records.size(), 6u);
  const char* codes[] = {"not_found", "empty_file", "unknown_format",
                         "not_a_report"};
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(records[i].contains("error")) << records[i].dump();
    EXPECT_EQ(records[i]["error"]["code"], codes[i]);
    EXPECT_FALSE(records[i]["error"]["message"].get<std::string>().empty());
    EXPECT_FALSE(records[i].contains("report"));
  }
  EXPECT_EQ(records[0]["source"]["path"], missing);
  // The truncated page is a report of what it could read before the cut,
  // its coverage saying what is missing.
  ASSERT_TRUE(records[4].contains("report")) << records[4].dump();
  EXPECT_EQ(records[4]["figures"]["applications.new.natural"], 30);
  EXPECT_EQ(records[4]["coverage"]["complete"], false);
  EXPECT_EQ(records[4]["coverage"]["tables"]["appeals"]["read"], 0);
  EXPECT_TRUE(records[5].contains("report"));
  std::filesystem::remove_all(dir);
}

TEST(Cli, PathsFromStandardInput) {
  auto r = RunGongkai("extract -",
                      SourcePath("corpus/real/lanzhou-ggzyjy-2022.txt") + "\n" +
                          SourcePath("corpus/handmade/clean-2023.html") + "\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(JsonLines(r.out).size(), 2u);
}

TEST(Cli, DirectoryIsWalkedAndJsonSkipped) {
  auto r = RunGongkai("extract " + SourcePath("corpus/handmade"));
  std::vector<json> records = JsonLines(r.out);
  size_t documents = 0;
  for (const auto& e :
       std::filesystem::directory_iterator(SourcePath("corpus/handmade"))) {
    const std::string ext = e.path().extension().string();
    documents +=
        ext == ".html" || ext == ".pdf" || ext == ".docx" || ext == ".txt";
  }
  ASSERT_EQ(records.size(), documents);  // .json files skipped
  for (const json& rec : records)
    EXPECT_TRUE(rec.contains("report")) << rec["source"].dump();
}

TEST(Cli, AuditPrintsOneLinePerFindingAndExitsOne) {
  std::string dir = testing::TempDir();
  std::string page =
      testing::ReadFile(SourcePath("corpus/handmade/clean-2023.html"));
  // Table 4: 行政复议 总计 printed 4 -> 9.
  const std::string row = "<td>2</td><td>1</td><td>0</td><td>1</td><td>4</td>";
  size_t pos = page.find(row);
  ASSERT_NE(pos, std::string::npos);
  page.replace(pos, row.size(),
               "<td>2</td><td>1</td><td>0</td><td>1</td><td>9</td>");
  testing::WriteFile(dir + "/broken.html", page);
  auto r = RunGongkai("audit " + dir + "/broken.html " +
                      SourcePath("corpus/handmade/clean-2023.html"));
  EXPECT_EQ(r.exit_code, 1);
  // The line names the agency and year (an HTML page has no page number)
  // and the cell's label, and ends with the diagnosis: one equation cannot
  // tell the total from a part, so every cell of the row is a candidate
  // (3 shown).
  EXPECT_EQ(r.out, dir +
                       "/broken.html: 示例市示例局 2023: H4: expected 4, "
                       "printed 9 [appeals.review.total 表四 行政复议 总计] "
                       "— candidates: 表四 行政复议 "
                       "结果维持 printed 2, implied 7; or 表四 行政复议 "
                       "结果纠正 printed 1, implied 6; or 表四 行政复议 "
                       "其他结果 printed 0, implied 5 (2 more)\n");
  EXPECT_EQ(r.err,
            "gongkai: 2 files: 2 reports (1 failing a hard identity, 0 with "
            "warnings only), 0 not read\n");
  auto clean =
      RunGongkai("audit " + SourcePath("corpus/handmade/clean-2023.html"));
  EXPECT_EQ(clean.exit_code, 0);
  EXPECT_EQ(clean.out, "");
  std::filesystem::remove_all(dir);
}

TEST(Cli, RulesCheckReportsFileAndLine) {
  std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/lexicon.inc",
                     testing::ReadFile(SourcePath("rules/lexicon.inc")));
  testing::WriteFile(
      dir + "/bad.rules",
      "version 1\ntable t\n  anchor 表\n  columns a 甲\n  row r 行\n"
      "check C error t.r.a = t.r.b\n");
  auto r = RunGongkai("rules check " + dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(dir + "/bad.rules:6: unknown figure id 't.r.b'"),
            std::string::npos)
      << r.out;
  auto good = RunGongkai("rules check " + SourcePath("rules"));
  EXPECT_EQ(good.exit_code, 0) << good.out;
  std::filesystem::remove_all(dir);
}

// A rules file is compiled when a document picks it: a broken one stops a
// single-file run that picks it with exit 4 and its errors, and stops a run
// over several files before any is read.
TEST(Cli, BrokenRulesFileStopsTheRunThatNeedsIt) {
  std::string dir = testing::TempDir();
  for (const char* name : {"2019.rules", "2021.rules", "pre2019.rules",
                           "common.inc", "lexicon.inc"}) {
    testing::WriteFile(dir + "/" + name,
                       testing::ReadFile(SourcePath("rules/") + name));
  }
  std::string broken = testing::ReadFile(SourcePath("rules/2019.rules"));
  broken += "\ncheck Z error applications.nonexistent.x = 1\n";
  testing::WriteFile(dir + "/2019.rules", broken);
  const std::string where =
      "2019.rules:" +
      std::to_string(std::count(broken.begin(), broken.end(), '\n')) + ":";
  const std::string report = SourcePath("corpus/handmade/clean-2023.html");
  // clean-2023 picks 2021: the broken 2019 file is never compiled.
  auto single = RunGongkai("audit --rules " + dir + " " + report);
  EXPECT_EQ(single.exit_code, 0) << single.out;
  const std::string report_2019 =
      SourcePath("corpus/synthetic/synthetic-2019-000.html");
  auto picks_broken = RunGongkai("extract --rules " + dir + " " + report_2019);
  EXPECT_EQ(picks_broken.exit_code, 4);
  EXPECT_NE(picks_broken.err.find(where + " unknown figure id"),
            std::string::npos)
      << picks_broken.err;
  EXPECT_EQ(picks_broken.out, "");
  auto several =
      RunGongkai("extract --rules " + dir + " " + report + " " + report_2019);
  EXPECT_EQ(several.exit_code, 4);
  EXPECT_NE(several.err.find(where), std::string::npos);
  EXPECT_EQ(several.out, "");
  std::filesystem::remove_all(dir);
}

TEST(Cli, UsageErrors) {
  EXPECT_EQ(RunGongkai("").exit_code, 2);
  EXPECT_EQ(RunGongkai("frobnicate x").exit_code, 2);
  EXPECT_EQ(RunGongkai("extract").exit_code, 2);
  EXPECT_EQ(RunGongkai("extract --bogus x").exit_code, 2);
  EXPECT_EQ(RunGongkai("--help").exit_code, 0);
  EXPECT_EQ(RunGongkai("extract --rules /nonexistent x").exit_code, 4);
}

// The command line of issue #10: help per command, --version, both flag
// spellings, the nearest command named, a flag of another command refused.
TEST(Cli, CommandsFlagsAndHelp) {
  auto top = RunGongkai("--help");
  auto extract_help = RunGongkai("extract --help");
  EXPECT_EQ(extract_help.exit_code, 0);
  EXPECT_NE(top.out, extract_help.out);
  EXPECT_NE(extract_help.out.find("--pretty"), std::string::npos);
  EXPECT_EQ(top.out.find("--pretty"), std::string::npos);
  auto version = RunGongkai("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("gongkai ", 0), 0u) << version.out;
  const std::string file = SourcePath("corpus/handmade/clean-2023.html");
  auto equals = RunGongkai("extract --workers=1 " + file);
  auto spaced = RunGongkai("extract --workers 1 " + file);
  EXPECT_EQ(equals.exit_code, 0) << equals.err;
  EXPECT_EQ(equals.out, spaced.out);
  EXPECT_NE(equals.out.find("\"schema\""), std::string::npos);
  auto typo = RunGongkai("extrct " + file);
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("did you mean 'extract'"), std::string::npos)
      << typo.err;
  auto foreign = RunGongkai("extract --db x.db " + file);
  EXPECT_EQ(foreign.exit_code, 2);
  EXPECT_NE(foreign.err.find("--db does not apply to extract"),
            std::string::npos)
      << foreign.err;
  EXPECT_EQ(RunGongkai("audit --workers=-1 " + file).exit_code, 2);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// extract and audit read each document in a worker process too: a crash in
// a parser library loses only that document, and records keep input order.
TEST(Cli, ExtractCrashIsConfinedAndOrderKept) {
  const std::string a = SourcePath("corpus/real/lanzhou-ggzyjy-2022.txt");
  const std::string b = SourcePath("corpus/real/hongze-2023.pdf");
  const std::string c = SourcePath("corpus/handmade/clean-2023.html");
  auto r = testing::RunGongkai("extract --workers 2 " + a + " " + b + " " + c,
                               "", "GONGKAI_TEST_CRASH=hongze-2023");
  EXPECT_EQ(r.exit_code, 3);
  std::vector<nlohmann::json> records = JsonLines(r.out);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0]["source"]["path"], a);
  EXPECT_TRUE(records[0].contains("report"));
  EXPECT_EQ(records[1]["source"]["path"], b);
  EXPECT_EQ(records[1]["error"]["code"], "crashed");
  EXPECT_EQ(records[2]["source"]["path"], c);
  EXPECT_TRUE(records[2].contains("report"));
  // The JSON keeps its documented field order.
  EXPECT_EQ(r.out.rfind("{\"schema\":\"gongkai.report/1\",\"source\"", 0), 0u);
}

// One file per run (a shell loop over thousands of files): a crash or a
// hang in a parser library still gives that file's error record.
TEST(Cli, SingleFileCrashOrHangGivesItsRecord) {
  const std::string pdf = SourcePath("corpus/real/hongze-2023.pdf");
  auto crash = testing::RunGongkai("extract " + pdf, "",
                                   "GONGKAI_TEST_CRASH=hongze-2023");
  EXPECT_EQ(crash.exit_code, 3);
  std::vector<nlohmann::json> records = JsonLines(crash.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["source"]["path"], pdf);
  EXPECT_EQ(records[0]["error"]["code"], "crashed");
  auto hang = testing::RunGongkai("extract --timeout 1 " + pdf, "",
                                  "GONGKAI_TEST_HANG=hongze-2023");
  EXPECT_EQ(hang.exit_code, 3);
  records = JsonLines(hang.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["error"]["code"], "timeout");
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// Former bug (issue #12, 1): a file name that is not UTF-8 (GBK names from
// Chinese archives) aborted extract, audit and ingest. The name survives:
// shown with \xHH for its other bytes, and its bytes in hexadecimal.
TEST(CliFormerBugs, FileNamesThatAreNotUtf8) {
  const std::string dir = testing::TempDir();
  const std::string gbk_name = "\xb1\xa8\xb8\xe6";  // 报告 in GBK
  const std::string path = dir + "/" + gbk_name + ".html";
  testing::WriteFile(
      path, testing::ReadFile(SourcePath("corpus/handmade/clean-2023.html")));
  for (const char* command : {"extract", "audit"}) {
    auto r = RunGongkai(std::string(command) + " " + dir);
    EXPECT_EQ(r.exit_code, 0) << command << ": " << r.err;
  }
  auto extract = RunGongkai("extract " + dir);
  std::vector<json> records = JsonLines(extract.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["source"]["path"], dir + "/\\xB1\\xA8\\xB8\\xE6.html");
  std::string bytes;
  const std::string hex = records[0]["source"]["path_bytes"];
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  EXPECT_EQ(bytes, path);  // the name recovered exactly
  // A worker that crashes on such a file still gives its record.
  auto crash = RunGongkai("extract " + dir, "", "GONGKAI_TEST_CRASH=" + dir);
  EXPECT_EQ(crash.exit_code, 3) << crash.err;
  std::vector<json> crashed = JsonLines(crash.out);
  ASSERT_EQ(crashed.size(), 1u);
  EXPECT_EQ(crashed[0]["error"]["code"], "crashed");
  EXPECT_EQ(crashed[0]["source"]["path_bytes"], hex);
  auto ingest = RunGongkai("ingest --db " + dir + "/d.db " + dir);
  EXPECT_EQ(ingest.exit_code, 0) << ingest.err;
  auto again = RunGongkai("ingest --db " + dir + "/d.db " + dir);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// Former bugs (issue #13, 1 and 8): a record went out in several writes, so
// that mappers run in parallel into one file broke lines; a failed write
// to standard output exited 0. Each record is one write(); a failed write
// is exit 5.
TEST(CliFormerBugs, RecordsAreWholeUnderParallelMappersAndWritesAreChecked) {
  const std::string dir = testing::TempDir();
  const std::string list = dir + "/files.txt", out = dir + "/records.jsonl";
  std::system(("find " + SourcePath("corpus/synthetic") + " " +
               SourcePath("corpus/real") +
               " -type f ! -name '*.json' ! -name '*.md' | sort > " + list)
                  .c_str());
  const std::string files = testing::ReadFile(list);
  const long n = std::count(files.begin(), files.end(), '\n');
  for (int run = 0; run < 3; ++run) {
    std::system(("xargs -P 4 -n 1 " + std::string(GONGKAI_BINARY) +
                 " extract < " + list + " > " + out + " 2>/dev/null")
                    .c_str());
    std::vector<json> records = JsonLines(testing::ReadFile(out));
    EXPECT_EQ(static_cast<long>(records.size()), n) << "run " << run;
  }
  const int status =
      std::system((std::string(GONGKAI_BINARY) + " extract " +
                   SourcePath("corpus/handmade/clean-2023.html") +
                   " > /dev/full 2>/dev/null")
                      .c_str());
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 5);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// --output appends each record in one write (O_APPEND): mappers in
// parallel into one file keep every record whole; a symbolic link planted
// at the path is not followed (exit 5).
TEST(Cli, OutputFileAppendsWholeRecords) {
  const std::string dir = testing::TempDir();
  const std::string out = dir + "/records.jsonl";
  std::system(("find " + SourcePath("corpus/synthetic") +
               " -type f ! -name '*.json' ! -name '*.md' | xargs -P 4 -n 2 " +
               GONGKAI_BINARY + " extract --output " + out + " 2>/dev/null")
                  .c_str());
  long files = 0;
  for (const auto& e :
       std::filesystem::directory_iterator(SourcePath("corpus/synthetic"))) {
    const std::string ext = e.path().extension().string();
    files += ext != ".json" && ext != ".md";
  }
  EXPECT_EQ(static_cast<long>(JsonLines(testing::ReadFile(out)).size()), files);
  std::filesystem::create_symlink(dir + "/elsewhere", dir + "/link.jsonl");
  auto r = RunGongkai("extract --output " + dir + "/link.jsonl " +
                      SourcePath("corpus/handmade/clean-2023.html"));
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/elsewhere"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// Former bug (issue #12, 7): an unreadable subdirectory was skipped without
// a word, and a symbolic link loop said "no such file". Both now give an
// error record saying why (EACCES, ELOOP), and the walk goes on past them.
TEST(CliFormerBugs, UnreadableDirectoriesAndLinkLoopsGiveRecords) {
  const std::string dir = testing::TempDir();
  const std::string page =
      testing::ReadFile(SourcePath("corpus/handmade/clean-2023.html"));
  testing::WriteFile(dir + "/a.html", page);
  testing::WriteFile(dir + "/z.html", page);
  std::filesystem::create_symlink("loop", dir + "/loop");
  std::filesystem::create_directory(dir + "/locked");
  testing::WriteFile(dir + "/locked/x.html", page);
  chmod((dir + "/locked").c_str(), 0);
  auto r = RunGongkai("extract " + dir);
  chmod((dir + "/locked").c_str(), 0755);
  std::vector<json> records = JsonLines(r.out);
  std::map<std::string, json> by_path;
  for (const json& rec : records) by_path[rec["source"]["path"]] = rec;
  EXPECT_TRUE(by_path[dir + "/a.html"].contains("report"));
  EXPECT_TRUE(by_path[dir + "/z.html"].contains("report"));  // walked past
  ASSERT_TRUE(by_path[dir + "/loop"].contains("error")) << r.out;
  EXPECT_NE(by_path[dir + "/loop"]["error"]["message"].get<std::string>().find(
                "symbolic links"),
            std::string::npos);
  if (geteuid() != 0) {  // root reads every directory
    ASSERT_TRUE(by_path[dir + "/locked"].contains("error")) << r.out;
    EXPECT_NE(
        by_path[dir + "/locked"]["error"]["message"].get<std::string>().find(
            "Permission denied"),
        std::string::npos);
  }
  EXPECT_EQ(r.exit_code, 3);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// A Word 97 file is read through LibreOffice (extractors/doc/): without
// it, the record says so and how to install it, and the batch goes on.
TEST(CliDoc, WithoutLibreOfficeAWordFileSaysHowToInstallIt) {
  auto r =
      RunGongkai("extract " + SourcePath("corpus/synthetic/synthetic-001.doc") +
                     " " + SourcePath("corpus/handmade/clean-2023.html"),
                 "", "GONGKAI_SOFFICE=/nonexistent/soffice");
  EXPECT_NE(r.out.find("\"code\":\"unsupported_format\""), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("apt-get install libreoffice-writer-nogui"),
            std::string::npos);
  EXPECT_NE(r.out.find("clean-2023.html"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
