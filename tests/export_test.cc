// Former bugs of `export` (issue #12, 4, 5 and 8), reproduced through the
// Env seam (src/io/env.h): symbolic links planted in the output directory
// were followed; a full disk cut reports.jsonl mid-line and export exited
// 0; an export taken during an ingest contradicted itself. Now every file
// is an exclusive temporary renamed into place only when all were written,
// and every file is read from one transaction.
#include "src/dataset/export.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "src/dataset/dataset.h"
#include "src/io/env.h"
#include "src/model/utf8.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::ReadFile;
using testing::RunGongkai;
using testing::SourcePath;

constexpr const char* kFiles[] = {
    "figures.csv", "findings.csv", "diagnoses.csv", "dataset_findings.csv",
    "errors.csv",  "reports.csv",  "reports.jsonl"};

// An Env whose calls can fail on purpose, counted per kind.
class FaultEnv : public Env {
 public:
  int fail_write = -1;  // the index of the write that fails with ENOSPC
  int fail_close = -1;  // the index of the close that fails with EIO
  int writes = 0, closes = 0;
  // Called with the temporary's name before it is created.
  std::function<void(const std::string&)> on_create;

  int CreateExclusive(int dir, const std::string& name, int* fd) override {
    if (on_create) on_create(name);
    return Env::CreateExclusive(dir, name, fd);
  }
  int Write(int fd, const char* data, size_t size) override {
    if (writes++ == fail_write) return ENOSPC;
    return Env::Write(fd, data, size);
  }
  int Close(int fd) override {
    const int error = Env::Close(fd);
    return closes++ == fail_close ? EIO : error;
  }
};

class Export : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    db_ = dir_ + "/d.db";
    auto r = RunGongkai("ingest --db " + db_ + " " +
                        SourcePath("corpus/real/hongze-2023.pdf") + " " +
                        SourcePath("corpus/handmade/clean-2023.html"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  // Returns every file of an export directory, with names.
  static std::string Contents(const std::string& out) {
    std::string all;
    for (const auto& e : fs::directory_iterator(out))
      all += e.path().filename().string() + "\n" + ReadFile(e.path().string()) +
             "\n";
    return all;
  }
  Status Run(const std::string& out, Env* env) {
    StatusOr<std::unique_ptr<Dataset>> ds = Dataset::OpenReadOnly(db_);
    EXPECT_TRUE(ds.ok());
    return ExportDataset(**ds, out, {}, env);
  }
  std::string dir_, db_;
};

TEST_F(Export, PlantedLinksAreReplacedNeverFollowed) {
  const std::string out = dir_ + "/out";
  fs::create_directories(out);
  testing::WriteFile(dir_ + "/victim", "keep");
  fs::create_symlink(dir_ + "/victim", out + "/figures.csv");
  fs::create_symlink(dir_ + "/created", out + "/reports.jsonl");
  auto r = RunGongkai("export --db " + db_ + " --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir_ + "/victim"), "keep");
  EXPECT_FALSE(fs::exists(dir_ + "/created"));
  EXPECT_FALSE(fs::is_symlink(out + "/figures.csv"));
  EXPECT_NE(ReadFile(out + "/figures.csv").find("appeals.review.total"),
            std::string::npos);
  EXPECT_NE(ReadFile(out + "/reports.jsonl").find("gongkai.report/1"),
            std::string::npos);
}

TEST_F(Export, EveryFailedWriteOrCloseLeavesThePreviousFilesWhole) {
  const std::string out = dir_ + "/out";
  FaultEnv counting;
  ASSERT_TRUE(Run(out, &counting).ok());
  const std::string before = Contents(out);
  ASSERT_GT(counting.writes, 6);
  for (int i = 0; i < counting.writes; ++i) {
    FaultEnv env;
    env.fail_write = i;
    Status s = Run(out, &env);
    ASSERT_FALSE(s.ok()) << "write " << i;
    EXPECT_EQ(s.code(), "write");
    EXPECT_NE(s.message().find("ENOSPC"), std::string::npos) << s.message();
    EXPECT_EQ(Contents(out), before) << "write " << i;  // no temporary left
  }
  for (int i = 0; i < counting.closes; ++i) {
    FaultEnv env;
    env.fail_close = i;
    Status s = Run(out, &env);
    ASSERT_FALSE(s.ok()) << "close " << i;
    EXPECT_NE(s.message().find("EIO"), std::string::npos) << s.message();
    EXPECT_EQ(Contents(out), before) << "close " << i;
  }
}

TEST_F(Export, AnExportTakenDuringAnIngestShowsOneDataset) {
  // Another process stores a third report while the export is between its
  // first and second file.
  auto extract =
      RunGongkai("extract " + SourcePath("corpus/real/putian-cgj-2021.html"));
  ASSERT_EQ(extract.exit_code, 0);
  const json third = json::parse(extract.out.substr(0, extract.out.find('\n')));
  FaultEnv env;
  bool inserted = false;
  env.on_create = [&](const std::string& temp) {
    if (inserted || temp.rfind(".findings.csv", 0) != 0) return;
    StatusOr<std::unique_ptr<Dataset>> writer = Dataset::Open(db_);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->Insert(third).ok());
    inserted = true;
  };
  const std::string out = dir_ + "/out";
  ASSERT_TRUE(Run(out, &env).ok());
  ASSERT_TRUE(inserted);
  // Every file shows the two reports of the transaction's snapshot.
  const std::string figures = ReadFile(out + "/figures.csv");
  const std::string reports = ReadFile(out + "/reports.csv");
  const std::string jsonl = ReadFile(out + "/reports.jsonl");
  EXPECT_EQ(figures.find("putian"), std::string::npos);
  EXPECT_EQ(reports.find("putian"), std::string::npos);
  EXPECT_EQ(jsonl.find("putian"), std::string::npos);
  // The next export shows all three.
  ASSERT_TRUE(Run(out, Env::Default()).ok());
  EXPECT_NE(ReadFile(out + "/reports.csv").find("putian"), std::string::npos);
  for (const char* f : kFiles) EXPECT_TRUE(fs::exists(out + "/" + f)) << f;
}

TEST(ExportGuard, FormulasAreGuardedNumbersAreNot) {
  EXPECT_EQ(GuardFormula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
  EXPECT_EQ(GuardFormula("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(GuardFormula("-x"), "'-x");
  EXPECT_EQ(GuardFormula("+1+cmd"), "'+1+cmd");
  EXPECT_EQ(GuardFormula("\t=1"), "'\t=1");
  EXPECT_EQ(GuardFormula("-3"), "-3");
  EXPECT_EQ(GuardFormula("+1.5"), "+1.5");
  EXPECT_EQ(GuardFormula("洪泽区"), "洪泽区");
  EXPECT_EQ(GuardFormula(""), "");
}

// Excel on a Chinese Windows machine read a CSV without a BOM as GBK
// (issue #13, 5): --excel writes a BOM and CRLF and guards formulas;
// --xlsx writes a workbook with the rules' Chinese labels; codebook.csv
// maps every figure id to its labels.
TEST_F(Export, ExcelCsvWorkbookAndCodebook) {
  // A hostile agency name that a spreadsheet would run.
  auto extract =
      RunGongkai("extract " + SourcePath("corpus/handmade/clean-2023.html"));
  json record = json::parse(extract.out);
  record["report"]["agency"] = "=HYPERLINK(\"http://x\",\"局\")";
  record["source"]["sha256"] = std::string(64, 'e');
  {
    StatusOr<std::unique_ptr<Dataset>> writer = Dataset::Open(db_);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->Insert(record).ok());
  }
  const std::string out = dir_ + "/out";
  auto r = RunGongkai("export --excel --xlsx --db " + db_ + " --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : kFiles) {
    const std::string name(f);
    if (name.size() < 4 || name.substr(name.size() - 4) != ".csv") continue;
    const std::string csv = ReadFile(out + "/" + name);
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF") << name;
    EXPECT_TRUE(IsValidUtf8(csv)) << name;
    EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n") << name;
  }
  const std::string reports = ReadFile(out + "/reports.csv");
  EXPECT_NE(reports.find("\"'=HYPERLINK("), std::string::npos);
  EXPECT_EQ(reports.find(",=HYPERLINK"), std::string::npos);
  EXPECT_NE(reports.find(",洪泽区人民政府,"), std::string::npos);

  const std::string codebook = ReadFile(out + "/codebook.csv");
  EXPECT_NE(codebook.find("applications.total.natural,2021,applications,"
                          "表三,（七）总计,自然人,表三 （七）总计 / 自然人,"
                          "count\r\n"),
            std::string::npos);
  EXPECT_NE(codebook.find("appeals.review.total,2021,appeals,表四,,"
                          "行政复议 总计,表四 行政复议 总计,count"),
            std::string::npos);

  // The workbook: a zip whose sheets are named by the tables' captions and
  // whose strings hold the cells' labels.
  const std::string xlsx = ReadFile(out + "/reports.xlsx");
  zip_error_t error;
  zip_source_t* src =
      zip_source_buffer_create(xlsx.data(), xlsx.size(), 0, &error);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
  ASSERT_NE(z, nullptr);
  auto member = [&](const char* name) {
    std::string text;
    zip_file_t* f = zip_fopen(z, name, 0);
    if (!f) return text;
    char buf[65536];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) text.append(buf, n);
    zip_fclose(f);
    return text;
  };
  const std::string workbook = member("xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"reports\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"表三\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"表四\""), std::string::npos);
  const std::string strings = member("xl/sharedStrings.xml");
  EXPECT_NE(strings.find("（七）总计 / 自然人"), std::string::npos);
  EXPECT_NE(strings.find("行政复议 总计"), std::string::npos);
  zip_close(z);
}

// export --year, --province, --level, --agency filter every file alike.
TEST_F(Export, FiltersSelectTheSameReportsInEveryFile) {
  const std::string out = dir_ + "/out";
  auto r = RunGongkai("export --agency 洪泽区人民政府 --year 2023 --db " + db_ +
                      " --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = [&](const char* file) {
    const std::string text = ReadFile(out + "/" + file);
    return std::count(text.begin(), text.end(), '\n');
  };
  EXPECT_EQ(lines("reports.csv"), 2);  // the header and hongze-2023
  EXPECT_EQ(lines("agencies.csv"), 2);
  EXPECT_EQ(lines("reports.jsonl"), 1);
  EXPECT_EQ(lines("findings.csv"), 3);  // H4 and H6
  EXPECT_EQ(ReadFile(out + "/reports.csv").find("clean-2023"),
            std::string::npos);
  EXPECT_EQ(ReadFile(out + "/figures.csv").find("clean-2023"),
            std::string::npos);
  ASSERT_EQ(RunGongkai("export --level county --province 甘肃省 --db " + db_ +
                       " --out " + out)
                .exit_code,
            0);
  EXPECT_EQ(lines("reports.csv"), 1);  // none: the header only
  EXPECT_EQ(lines("figures.csv"), 1);
  // --labels zh: reports.csv headed by the cells' Chinese labels.
  ASSERT_EQ(
      RunGongkai("export --labels zh --db " + db_ + " --out " + out).exit_code,
      0);
  const std::string reports = ReadFile(out + "/reports.csv");
  const std::string header = reports.substr(0, reports.find('\n'));
  EXPECT_NE(header.find(",表三 （七）总计 / 自然人,"), std::string::npos);
  EXPECT_NE(header.find(",表四 行政复议 总计,"), std::string::npos);
  EXPECT_EQ(header.find("applications.total.natural"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
