// gongkai ingest and export end to end: checks across years, idempotence,
// resuming after kill -9, a crashing or hanging worker confined to its
// document, and JSON Lines from `gongkai extract` (the scale-out recipe)
// giving the same dataset as a direct ingest.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "tests/test_util.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunGongkai;
using testing::SourcePath;

long Count(const std::string& db, const std::string& table) {
  sqlite3* h = nullptr;
  long n = -1;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) ==
      SQLITE_OK) {
    sqlite3_busy_timeout(h, 2000);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, ("SELECT count(*) FROM " + table).c_str(), -1,
                           &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
  return n;
}

// Returns every exported file of a dataset, concatenated with names.
std::string Export(const std::string& db, const std::string& dir) {
  EXPECT_EQ(RunGongkai("export --db " + db + " --out " + dir).exit_code, 0);
  std::string all;
  for (const char* f : {"reports.csv", "figures.csv", "findings.csv",
                        "diagnoses.csv", "agencies.csv", "dataset_findings.csv",
                        "errors.csv", "reports.jsonl"}) {
    all += std::string("== ") + f + "\n" + ReadFile(dir + "/" + f);
  }
  return all;
}

// Returns the agency_id that agencies.csv of an export in `dir` gives the
// agency named `name` ("" if none).
std::string AgencyIdOf(const std::string& dir, const std::string& name) {
  std::istringstream lines(ReadFile(dir + "/agencies.csv"));
  for (std::string line; std::getline(lines, line);) {
    const size_t comma = line.find(',');
    if (comma != std::string::npos &&
        line.compare(comma + 1, name.size() + 1, name + ",") == 0)
      return line.substr(0, comma);
  }
  return "";
}

class Ingest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::TempDir(); }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  std::string dir_;
};

TEST_F(Ingest, CarryOverIsCheckedAcrossYears) {
  const std::string db = dir_ + "/d.db";
  auto r = RunGongkai("ingest --db " + db + " " +
                      SourcePath("corpus/real/hongze-2023.pdf") + " " +
                      SourcePath("corpus/real/hongze-2024.pdf"));
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(Count(db, "reports"), 2);
  EXPECT_EQ(Count(db, "agencies"),
            1);  // 洪泽区人民政府 and 淮安市洪泽区人民政府
  Export(db, dir_ + "/out");
  const std::string id = AgencyIdOf(dir_ + "/out", "淮安市洪泽区人民政府");
  ASSERT_FALSE(id.empty());
  const std::string found = ReadFile(dir_ + "/out/dataset_findings.csv");
  // 2024's 上年结转 against 2023's 结转下年度, per column: all 0, so ok.
  EXPECT_NE(found.find("S1.natural," + id +
                       ",淮安市洪泽区人民政府,320813,2024,2023,ok,"),
            std::string::npos)
      << found;
  // 2023 has no 2022 report here: incomplete, never a failure.
  EXPECT_NE(found.find("S1.natural," + id +
                       ",淮安市洪泽区人民政府,320813,2023,2022,incomplete,"),
            std::string::npos);
  EXPECT_EQ(found.find("mismatch"), std::string::npos);
  // One agency, whatever its spelling (issue #13, 3): agencies.csv lists it
  // once; every export carries its id, its one name and its division.
  const std::string agencies = ReadFile(dir_ + "/out/agencies.csv");
  EXPECT_NE(agencies.find("\n" + id +
                          ",淮安市洪泽区人民政府,320813,江苏省,淮安市,"
                          "洪泽区,county,2,2023,2024\n"),
            std::string::npos)
      << agencies;
  const std::string reports = ReadFile(dir_ + "/out/reports.csv");
  EXPECT_NE(reports.find("hongze-2023.pdf,pdf," + id +
                         ",淮安市洪泽区人民政府,"
                         "洪泽区人民政府,320813,"),
            std::string::npos);
  EXPECT_NE(reports.find("hongze-2024.pdf,pdf," + id +
                         ",淮安市洪泽区人民政府,"
                         "淮安市洪泽区人民政府,320813,"),
            std::string::npos);
  const std::string findings = ReadFile(dir_ + "/out/findings.csv");
  EXPECT_NE(findings.find("hongze-2023.pdf," + id +
                          ",淮安市洪泽区人民政府,320813,"
                          "2023,H4,error,mismatch,11,0,appeals.review.total "
                          "appeals.review.upheld"),
            std::string::npos)
      << findings;
  EXPECT_NE(
      ReadFile(dir_ + "/out/figures.csv")
          .find("hongze-2024.pdf," + id + ",淮安市洪泽区人民政府,320813,2024,"),
      std::string::npos);
  // 2023's two table-4 totals printed 0: stored as likely misprints.
  const std::string diagnoses = ReadFile(dir_ + "/out/diagnoses.csv");
  EXPECT_NE(diagnoses.find("," + id +
                           ",淮安市洪泽区人民政府,320813,2023,0,H4,"
                           "likely_misprint,unique,1,0,appeals.review.total,"
                           "表四 行政复议 总计,0,1,11,total"),
            std::string::npos)
      << diagnoses;
  EXPECT_EQ(Count(db, "diagnoses WHERE verdict = 'likely_misprint'"), 3);
}

// Five consecutive years of one agency (莆田市城市管理局, 2021-2025): a chain
// of carry-over checks, every one ok, and one agency across the years.
TEST_F(Ingest, FiveYearChainOfOneAgency) {
  const std::string db = dir_ + "/d.db";
  std::string files;
  for (int y = 2021; y <= 2025; ++y)
    files += " " + SourcePath("corpus/real/putian-cgj-" + std::to_string(y) +
                              ".html");
  auto r = RunGongkai("ingest --db " + db + files);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(db, "reports"), 5);
  EXPECT_EQ(Count(db, "agencies"), 1);
  Export(db, dir_ + "/out");
  const std::string id = AgencyIdOf(dir_ + "/out", "莆田市城市管理局");
  ASSERT_FALSE(id.empty());
  const std::string found = ReadFile(dir_ + "/out/dataset_findings.csv");
  for (int y = 2022; y <= 2025; ++y) {
    for (const char* column : {"natural", "business", "research", "nonprofit",
                               "legal", "other", "total"}) {
      const std::string row = std::string("S1.") + column + "," + id +
                              ",莆田市城市管理局,3503," + std::to_string(y) +
                              "," + std::to_string(y - 1) + ",ok,";
      EXPECT_NE(found.find(row), std::string::npos) << row << "\n" << found;
    }
  }
  std::istringstream lines(found);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("S1.", 0) == 0) {
      EXPECT_EQ(line.find(",mismatch,"), std::string::npos) << line;
      EXPECT_EQ(line.find(",missing_total,"), std::string::npos) << line;
    }
  }
  // S2 (documents in force) does not add up where the agency reclassified
  // its old documents (2022: 1 + 3 in force and new, against 9 + 15 in
  // force and repealed; 2023: 9 + 1 against 16 + 7): warnings, as read.
  EXPECT_NE(found.find("S2.normative_docs," + id +
                       ",莆田市城市管理局,3503,2022,2021,"
                       "mismatch,warning,4,24,"),
            std::string::npos);
  EXPECT_NE(found.find("S2.normative_docs," + id +
                       ",莆田市城市管理局,3503,2023,2022,"
                       "mismatch,warning,10,23,"),
            std::string::npos);
  EXPECT_NE(found.find("S2.normative_docs," + id +
                       ",莆田市城市管理局,3503,2024,2023,ok,"),
            std::string::npos);
}

TEST_F(Ingest, TwiceGivesTheSameDataset) {
  const std::string once = dir_ + "/once.db", twice = dir_ + "/twice.db";
  const std::string inputs =
      SourcePath("corpus/real") + " " + SourcePath("corpus/hostile");
  ASSERT_EQ(RunGongkai("ingest --db " + once + " " + inputs).exit_code, 0);
  ASSERT_EQ(RunGongkai("ingest --db " + twice + " " + inputs).exit_code, 0);
  ASSERT_EQ(RunGongkai("ingest --db " + twice + " " + inputs).exit_code, 0);
  EXPECT_TRUE(Export(once, dir_ + "/a") == Export(twice, dir_ + "/b"))
      << "diff -r " << dir_ << "/a " << dir_ << "/b";
  // Every input file is in, once: as a report or as an error record.
  long files = 0;
  for (const char* d :
       {"corpus/real",
        "corpus/hostile"}) {  // walked recursively, as ingest does
    for (const auto& e : fs::recursive_directory_iterator(SourcePath(d))) {
      const std::string ext = e.path().extension().string();
      files += e.is_regular_file() && ext != ".json" && ext != ".md";
    }
  }
  EXPECT_EQ(Count(twice, "reports") + Count(twice, "errors"), files);
  EXPECT_EQ(Count(twice, "reports"), Count(once, "reports"));
}

TEST_F(Ingest, KilledHalfWayThenResumed) {
  const std::string inputs = SourcePath("corpus/synthetic");
  const std::string whole = dir_ + "/whole.db", resumed = dir_ + "/resumed.db";
  ASSERT_EQ(
      RunGongkai("ingest --workers 2 --db " + whole + " " + inputs).exit_code,
      0);
  const long total = Count(whole, "reports");
  long files = 0;
  for (const auto& e : fs::directory_iterator(inputs)) {
    const std::string ext = e.path().extension().string();
    files += ext != ".json" && ext != ".md";
  }
  ASSERT_EQ(total, files);  // every synthetic report reads
  // Start, wait for some records, kill -9.
  const pid_t pid = testing::StartGongkai("ingest --workers 1 --db " + resumed +
                                          " " + inputs + " >/dev/null 2>&1");
  ASSERT_GT(pid, 0);
  long seen = 0;
  for (int i = 0; i < 500 && seen < 20; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    seen = Count(resumed, "reports");
  }
  kill(pid, SIGKILL);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const long partial = Count(resumed, "reports");
  EXPECT_GE(partial, 20);
  EXPECT_LT(partial, total);
  ASSERT_EQ(RunGongkai("ingest --db " + resumed + " " + inputs).exit_code, 0);
  EXPECT_TRUE(Export(whole, dir_ + "/a") == Export(resumed, dir_ + "/b"));
}

// Returns the number of documents in a corpus directory (what a directory
// walk reads: not the .json expected files, not the .md notes).
long DocumentsIn(const std::string& dir) {
  long n = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string ext = e.path().extension().string();
    n += e.is_regular_file() && ext != ".json" && ext != ".md";
  }
  return n;
}

TEST_F(Ingest, CrashingWorkerIsConfinedToItsDocument) {
  const std::string db = dir_ + "/d.db";
  auto r = RunGongkai("ingest --db " + db + " " + SourcePath("corpus/real"), "",
                      "GONGKAI_TEST_CRASH=hongze-2024");
  ASSERT_EQ(r.exit_code, 0);
  // Every report of corpus/real but the crashed one.
  EXPECT_EQ(Count(db, "reports"), DocumentsIn(SourcePath("corpus/real")) - 1);
  EXPECT_EQ(Count(db, "errors"), 1);
  Export(db, dir_ + "/out");
  const std::string errors = ReadFile(dir_ + "/out/errors.csv");
  EXPECT_NE(errors.find("hongze-2024.pdf"), std::string::npos);
  EXPECT_NE(errors.find("worker,crashed,killed by signal 11"),
            std::string::npos)
      << errors;
}

TEST_F(Ingest, HangingWorkerTimesOut) {
  const std::string db = dir_ + "/d.db";
  auto r = RunGongkai(
      "ingest --timeout 1 --db " + db + " " + SourcePath("corpus/real"), "",
      "GONGKAI_TEST_HANG=lanzhou");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(Count(db, "reports"), DocumentsIn(SourcePath("corpus/real")) - 1);
  Export(db, dir_ + "/out");
  EXPECT_NE(ReadFile(dir_ + "/out/errors.csv")
                .find("worker,timeout,timed out after 1 s"),
            std::string::npos);
}

// The scale-out recipe of the README: paths on standard input, several
// mappers (xargs -P), JSON Lines out; then ingest the JSON Lines.
TEST_F(Ingest, JsonLinesFromExtractGiveTheSameDataset) {
  const std::string direct = dir_ + "/direct.db", mapped = dir_ + "/mapped.db";
  const std::string list = dir_ + "/files.txt";
  std::system(("find " + SourcePath("corpus/real") + " " +
               SourcePath("corpus/handmade") +
               " -type f ! -name '*.json' ! -name '*.md' | sort > " + list)
                  .c_str());
  std::system(("xargs -P 2 -n 3 " + std::string(GONGKAI_BINARY) +
               " extract < " + list + " > " + dir_ +
               "/records.jsonl 2>/dev/null")
                  .c_str());
  ASSERT_EQ(
      RunGongkai("ingest --db " + direct + " -", ReadFile(list)).exit_code, 0);
  ASSERT_EQ(RunGongkai("ingest --db " + mapped + " " + dir_ + "/records.jsonl")
                .exit_code,
            0);
  EXPECT_GT(Count(mapped, "reports"), 10);
  EXPECT_EQ(Count(mapped, "reports"), Count(direct, "reports"));
  EXPECT_TRUE(Export(direct, dir_ + "/a") == Export(mapped, dir_ + "/b"));
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// Former bug (issue #12, 2): the coordinator hashed every input before any
// worker started, outside the timeout, so a FIFO (or a symlink to
// /dev/zero) in an input directory hung ingest for ever and nothing was
// stored. Each file is now read and hashed once, in its worker, opened
// without blocking and checked to be a regular file.
TEST(IngestFormerBugs, FifoAndDeviceInTheInputDoNotHang) {
  const std::string dir = testing::TempDir();
  const std::string in = dir + "/in";
  std::filesystem::create_directories(in);
  ASSERT_EQ(mkfifo((in + "/a-fifo").c_str(), 0600), 0);
  std::filesystem::create_symlink("/dev/zero", in + "/b-zero");
  std::filesystem::copy_file(SourcePath("corpus/handmade/clean-2023.html"),
                             in + "/c-clean.html");
  const auto start = std::chrono::steady_clock::now();
  auto r = RunGongkai("ingest --timeout 20 --db " + dir + "/d.db " + in);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(seconds, 15) << "a worker waited on the FIFO until its timeout";
  EXPECT_EQ(Count(dir + "/d.db", "reports"), 1);
  EXPECT_EQ(Count(dir + "/d.db", "errors"), 2);
  // A second run stores nothing new and reads the report no further.
  auto again = RunGongkai("ingest --db " + dir + "/d.db " + in);
  EXPECT_NE(again.err.find("1 already there"), std::string::npos) << again.err;
  EXPECT_EQ(Count(dir + "/d.db", "reports"), 1);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// A dataset made before reports carried their coverage (no cells_expected,
// cells_read columns) is extended in place; its old rows keep NULL.
TEST(IngestFormerBugs, DatasetWithoutCoverageColumnsIsMigrated) {
  const std::string dir = testing::TempDir();
  const std::string db = dir + "/old.db";
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(
                h,
                "CREATE TABLE reports(sha256 TEXT PRIMARY KEY, path TEXT, "
                "format TEXT, bytes INTEGER, pages INTEGER, version TEXT, "
                "agency_id INTEGER, agency_name TEXT, year INTEGER, published "
                "TEXT, published_source TEXT, hard_failures INTEGER NOT NULL, "
                "record TEXT NOT NULL);",
                nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(h);
  auto r = RunGongkai("ingest --db " + db + " " +
                      SourcePath("corpus/hostile/truncated-2023.html"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(db, "reports WHERE cells_expected = 200 AND cells_read = 41"),
            1);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// Former bugs (issue #12, 12 and #13, 1): a JSON Lines record of the right
// schema but wrong types aborted ingest; a line that was not a record was
// skipped with no line number and ingest exited 0. Every such line is now
// an error record naming the file and line, and ingest exits 3.
TEST(IngestFormerBugs, BadJsonLinesAreErrorRecordsNamingTheLine) {
  using json = nlohmann::json;
  const std::string dir = testing::TempDir();
  auto good =
      RunGongkai("extract " + SourcePath("corpus/handmade/clean-2023.html"));
  ASSERT_EQ(good.exit_code, 0);
  std::string valid = good.out.substr(0, good.out.find('\n'));
  json wrong_figures = json::parse(valid);
  wrong_figures["figures"] = json::array({1, 2});
  wrong_figures["source"]["sha256"] = "1";
  json wrong_page = json::parse(valid);
  wrong_page["evidence"]["applications.new.natural"]["page"] = "three";
  wrong_page["source"]["sha256"] = "2";
  json no_source = json::parse(valid);
  no_source["source"] = "somewhere";
  json wrong_diagnosis = json::parse(valid);
  wrong_diagnosis["diagnosis"] =
      json::array({{{"candidates", {{{"cells", {{{"printed", "zero"}}}}}}}}});
  wrong_diagnosis["source"]["sha256"] = "3";
  const std::string lines = valid + "\n" + valid.substr(0, valid.size() / 2) +
                            "\n" + wrong_figures.dump() + "\n" +
                            wrong_page.dump() + "\n" + no_source.dump() + "\n" +
                            wrong_diagnosis.dump() + "\n";
  testing::WriteFile(dir + "/in.jsonl", lines);
  auto r = RunGongkai("ingest --db " + dir + "/d.db " + dir + "/in.jsonl");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(Count(dir + "/d.db", "reports"), 1);
  EXPECT_EQ(Count(dir + "/d.db", "errors WHERE code = 'bad_record'"), 5);
  for (int line = 2; line <= 6; ++line) {
    EXPECT_EQ(
        Count(dir + "/d.db", "errors WHERE path = '" + dir +
                                 "/in.jsonl:" + std::to_string(line) + "'"),
        1)
        << line;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// Former bugs (issue #12, 9 and 14): ingest into a dataset damaged in its
// middle exited 0 and kept writing; export could not read a dataset in a
// read-only place.
TEST(IngestFormerBugs, DamagedDatasetRefusedReadOnlyDatasetExported) {
  const std::string dir = testing::TempDir();
  const std::string db = dir + "/d.db";
  ASSERT_EQ(RunGongkai("ingest --db " + db + " " + SourcePath("corpus/real"))
                .exit_code,
            0);
  // Read-only: the file and its directory (as root, CI's user, this does
  // not bind; export opens read-only and never writes either way).
  chmod(db.c_str(), 0444);
  chmod(dir.c_str(), 0555);
  auto out =
      RunGongkai("export --db " + db + " --out " + testing::TempDir() + "/x");
  EXPECT_EQ(out.exit_code, 0) << out.err;
  chmod(dir.c_str(), 0755);
  chmod(db.c_str(), 0644);
  // Damaged in its middle.
  std::string bytes = ReadFile(db);
  ASSERT_GT(bytes.size(), 5u * 4096);
  for (size_t i = 3 * 4096; i < 4 * 4096; ++i) bytes[i] = '\xff';
  testing::WriteFile(db, bytes);
  auto r = RunGongkai("ingest --db " + db + " " +
                      SourcePath("corpus/handmade/clean-2023.html"));
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find("damaged"), std::string::npos) << r.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// Former bug (issue #12, 6): a timeout (or a crash) was stored for good: a
// re-run skipped the file, so one killed worker made the dataset differ
// from an uninterrupted ingest. The next run reads it again; a file read
// at last leaves no error row behind (#12, 15).
TEST(IngestFormerBugs, WorkerFailuresAreRetriedByTheNextRun) {
  const std::string dir = testing::TempDir();
  const std::string db = dir + "/d.db";
  const std::string file = SourcePath("corpus/handmade/clean-2023.html");
  auto hung = RunGongkai("ingest --timeout 1 --db " + db + " " + file, "",
                         "GONGKAI_TEST_HANG=clean-2023");
  ASSERT_EQ(hung.exit_code, 0) << hung.err;
  EXPECT_EQ(Count(db, "errors WHERE code = 'timeout'"), 1);
  EXPECT_EQ(Count(db, "reports"), 0);
  auto again = RunGongkai("ingest --db " + db + " " + file);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Count(db, "reports"), 1);
  EXPECT_EQ(Count(db, "errors"), 0);
  // And the dataset is that of an uninterrupted ingest.
  const std::string direct = dir + "/direct.db";
  ASSERT_EQ(RunGongkai("ingest --db " + direct + " " + file).exit_code, 0);
  EXPECT_TRUE(Export(db, dir + "/a") == Export(direct, dir + "/b"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gongkai
