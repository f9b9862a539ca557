// Every file of corpus/hostile/ (and two large ones made here: 200 MB of
// random bytes, a DOCX of 100,000 members) gives its documented outcome
// (corpus/hostile/README.md) within bounded time and memory, reads no file
// it should not (the XXE targets) and writes none (zip member names with
// ../ are never extracted).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "src/batch/workers.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  std::string code;  // error code, or "report"
  double max_seconds = 10;
  long max_rss_mb = 300;
};

// Under the sanitizers memory and time cost more: the bounds are scaled.
constexpr double kScale = batch::kAddressSanitizer ? 4 : 1;

const std::map<std::string, Outcome>& Expected() {
  static const std::map<std::string, Outcome> expected = {
      {"empty.txt", {"empty_file"}},
      {"not-a-report.html", {"not_a_report"}},
      {"truncated-2023.html", {"report"}},  // with its coverage
      {"encrypted.pdf", {"encrypted"}},
      {"truncated.pdf", {"damaged_pdf"}},
      // Pages without a text layer are read by OCR: nothing of a report.
      {"no-text.pdf", {"not_a_report"}},
      {"page-tree-loop.pdf", {"not_a_report"}},
      {"xref-loop.pdf", {"not_a_report"}},
      {"xxe.html", {"not_a_report"}},
      // An OLE2 signature before random text: LibreOffice reads it as text.
      {"ole2-garbage.doc", {"not_a_report"}},
      {"xxe.docx", {"not_a_report"}},
      {"billion-laughs.html", {"not_a_report"}},
      {"billion-laughs.docx", {"bad_xml"}},
      {"zip-bomb.docx", {"limit_unzipped_size", 10, 200}},
      {"zip-slip.docx", {"not_a_report"}},
      {"nested-10000.html", {"not_a_report"}},
      {"invalid-utf8.txt", {"not_a_report"}},
      {"gbk-labelled-utf8.html", {"report"}},
      {"random-200mb.bin", {"limit_file_size"}},
      {"members-100000.docx", {"limit_zip_members"}},
  };
  return expected;
}

struct ExtractRun {
  std::string out;
  double seconds = 0;
  long rss_mb = 0;
};

// Runs `gongkai extract FILE` in `cwd`, measuring wall time and peak memory.
ExtractRun Extract(const std::string& file, const std::string& cwd) {
  const std::string out_path = cwd + "/.out";
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(99);
    FILE* f = freopen(out_path.c_str(), "w", stdout);
    if (!f) _exit(99);
    execl(GONGKAI_BINARY, GONGKAI_BINARY, "extract", file.c_str(),
          static_cast<char*>(nullptr));
    _exit(98);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  ExtractRun run;
  run.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  run.rss_mb = usage.ru_maxrss / 1024;
  run.out = testing::ReadFile(out_path);
  fs::remove(out_path);
  return run;
}

void MakeLargeInputs(const std::string& dir) {
  std::ofstream random_file(dir + "/random-200mb.bin", std::ios::binary);
  std::mt19937_64 gen(200);
  std::vector<uint64_t> chunk(1 << 17);
  for (int i = 0; i < 200; ++i) {
    for (auto& v : chunk) v = gen();
    random_file.write(reinterpret_cast<const char*>(chunk.data()),
                      chunk.size() * 8);
  }
  random_file.close();
  int err = 0;
  zip_t* z = zip_open((dir + "/members-100000.docx").c_str(),
                      ZIP_CREATE | ZIP_TRUNCATE, &err);
  const char* doc = "<w:document xmlns:w=\"w\"><w:body/></w:document>";
  zip_file_add(z, "word/document.xml",
               zip_source_buffer(z, doc, std::strlen(doc), 0), 0);
  for (int i = 0; i < 100000; ++i) {
    zip_int64_t idx = zip_file_add(z, ("m/" + std::to_string(i)).c_str(),
                                   zip_source_buffer(z, "", 0, 0), 0);
    zip_set_file_compression(z, idx, ZIP_CM_STORE, 0);
  }
  zip_close(z);
}

TEST(Hostile, EveryFileGivesItsOutcomeWithinBounds) {
  const std::string work = testing::TempDir();  // the only place written
  const std::string large = testing::TempDir();
  MakeLargeInputs(large);
  std::vector<std::string> files;
  for (const auto& e :
       fs::directory_iterator(testing::SourcePath("corpus/hostile"))) {
    if (e.is_regular_file() && e.path().extension() != ".md")
      files.push_back(e.path().string());
  }
  files.push_back(large + "/random-200mb.bin");
  files.push_back(large + "/members-100000.docx");
  std::string secret = testing::ReadFile("/etc/hostname");
  while (!secret.empty() && secret.back() == '\n') secret.pop_back();
  for (const std::string& file : files) {
    const std::string name = fs::path(file).filename().string();
    auto it = Expected().find(name);
    ASSERT_NE(it, Expected().end()) << name << " has no documented outcome";
    const ExtractRun run = Extract(file, work);
    nlohmann::json record = nlohmann::json::parse(run.out, nullptr, false);
    ASSERT_TRUE(record.is_object()) << name << ": no JSON record: " << run.out;
    const std::string got = record.contains("report")
                                ? "report"
                                : record["error"]["code"].get<std::string>();
    EXPECT_EQ(got, it->second.code) << name;
    EXPECT_LT(run.seconds, it->second.max_seconds * kScale) << name;
    EXPECT_LT(run.rss_mb, it->second.max_rss_mb * kScale) << name;
    if (!secret.empty()) {
      EXPECT_EQ(run.out.find(secret), std::string::npos)
          << name << " read a file";
    }
  }
  EXPECT_TRUE(fs::is_empty(work))
      << "a file was written into the working directory";
  EXPECT_FALSE(fs::exists("/tmp/gongkai-zip-slip"));
  EXPECT_FALSE(fs::exists("/tmp/gongkai-abs"));
  fs::remove_all(work);
  fs::remove_all(large);
}

// Every worker is reaped before gongkai exits, so that no worker outlives
// the run and the peak memory wait4() reports (which counts only reaped
// descendants) covers the workers too. Orphans of the run would become
// this process's children (a subreaper): there must be none.
TEST(HostileWorkers, NoWorkerOutlivesTheRun) {
  ASSERT_EQ(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
  pid_t pid = fork();
  if (pid == 0) {
    if (!freopen("/dev/null", "w", stdout)) _exit(99);
    const std::string dir = testing::SourcePath("corpus/synthetic");
    execl(GONGKAI_BINARY, GONGKAI_BINARY, "extract", "--workers", "2",
          dir.c_str(), static_cast<char*>(nullptr));
    _exit(98);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status));
  errno = 0;
  const pid_t left = waitpid(-1, nullptr, WNOHANG);
  EXPECT_EQ(left, -1) << "a worker outlived the run";
  EXPECT_EQ(errno, ECHILD);
  while (waitpid(-1, nullptr, 0) > 0) {
  }
  prctl(PR_SET_CHILD_SUBREAPER, 0);
}

// Former bug (issue #12, 10): workers orphaned by a killed coordinator ran
// on without a timeout. A worker now dies with its coordinator.
TEST(HostileWorkers, WorkersDieWithTheirCoordinator) {
  ASSERT_EQ(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
  const std::string file =
      testing::SourcePath("corpus/handmade/clean-2023.html");
  pid_t pid = fork();
  if (pid == 0) {
    if (!freopen("/dev/null", "w", stdout)) _exit(99);
    setenv("GONGKAI_TEST_HANG", "clean-2023", 1);
    execl(GONGKAI_BINARY, GONGKAI_BINARY, "extract", "--timeout", "600",
          file.c_str(), static_cast<char*>(nullptr));
    _exit(98);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  kill(pid, SIGKILL);
  ASSERT_EQ(waitpid(pid, nullptr, 0), pid);
  // The hanging worker, now this process's child, must end by itself.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(5);
  bool gone = false;
  while (!gone && std::chrono::steady_clock::now() < deadline) {
    const pid_t w = waitpid(-1, nullptr, WNOHANG);
    gone = w < 0 && errno == ECHILD;
    if (!gone && w == 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(gone) << "a worker outlived its killed coordinator";
  if (!gone) {  // leave no stray process behind the failure
    std::system(("pkill -9 -P " + std::to_string(getpid())).c_str());
    while (waitpid(-1, nullptr, 0) > 0) {
    }
  }
  prctl(PR_SET_CHILD_SUBREAPER, 0);
}

// Former bug (issue #12, 6): a worker that ran out of its address space
// died of an uncaught std::bad_alloc and its record said "killed by signal
// 6"; it says limit_memory, naming the limit, and is retried by the next
// ingest like any worker failure. (No address-space limit under ASan.)
TEST(HostileFormerBugs, AMemoryBlowUpSaysLimitMemoryInEveryCommand) {
  if (batch::kAddressSanitizer)
    GTEST_SKIP() << "RLIMIT_AS is not set under AddressSanitizer";
  auto r =
      testing::RunGongkai("extract --max-memory-mb 50 " +
                          testing::SourcePath("corpus/real/hongze-2023.pdf"));
  EXPECT_EQ(r.exit_code, 3);
  const auto record = nlohmann::json::parse(r.out);
  EXPECT_EQ(record["error"]["code"], "limit_memory") << r.out;
  EXPECT_NE(
      record["error"]["message"].get<std::string>().find("--max-memory-mb 50"),
      std::string::npos);
  // Former bug (issue #12, 13): `dump` ignored --timeout and --max-memory-mb
  // (5.4 GB on a 100 MB HTML page); it reads each file in a limited child.
  auto dump =
      testing::RunGongkai("dump --max-memory-mb 50 " +
                          testing::SourcePath("corpus/real/hongze-2023.pdf"));
  EXPECT_EQ(dump.exit_code, 3);
  EXPECT_NE(dump.out.find("hongze-2023.pdf: error: worker: limit_memory:"),
            std::string::npos)
      << dump.out;
}

}  // namespace
}  // namespace gongkai
