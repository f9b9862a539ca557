// gongkai ingest: builds the dataset from files (extracted by worker
// processes, one per document) and from JSON Lines made by `gongkai
// extract`; then runs the checks across years and prints a summary.
//
// Isolation: every document is read in a child process forked from the
// coordinator (rules and divisions already loaded), with an address-space
// limit and a time limit. A crash, a hang or an exhausted memory limit in
// one document becomes that document's error record ("killed by signal
// 11", "timed out after 60 s"); the others go on. Only the coordinator
// writes the dataset, one transaction per record, so an ingest killed at
// any point is finished by running it again: files whose sha256 is already
// stored are skipped.
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>

#include "extractors/registry.h"
#include "src/dataset.h"
#include "src/divisions.h"
#include "src/pipeline.h"
#include "src/sha256.h"
#include "src/sinks.h"
#include "tools/gongkai/commands.h"
#include "tools/gongkai/progress.h"

namespace gongkai::cli {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

struct Job {
  std::string path;
  std::string sha256;  // "" when the file could not be read
};

struct Worker {
  pid_t pid = -1;
  int fd = -1;
  Job job;
  std::string output;
  Clock::time_point started;
  bool timed_out = false;
};

// Test seams (documented in README, "Tests"): a path containing the value
// of GONGKAI_TEST_CRASH makes its worker crash, of GONGKAI_TEST_HANG hang.
void TestFaults(const std::string& path) {
  const char* crash = std::getenv("GONGKAI_TEST_CRASH");
  if (crash && *crash && path.find(crash) != std::string::npos) {
    signal(SIGSEGV, SIG_DFL);  // not a sanitizer's handler: die as a crash does
    raise(SIGSEGV);
  }
  const char* hang = std::getenv("GONGKAI_TEST_HANG");
  if (hang && *hang && path.find(hang) != std::string::npos) {
    while (true) pause();
  }
}

bool WriteAll(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

[[noreturn]] void RunChild(const Job& job, int fd, const Options& options,
                           const std::vector<Extractor>& registry,
                           const std::vector<RuleSet>& rules,
                           const Divisions* divisions) {
#if !defined(__SANITIZE_ADDRESS__)
  if (options.max_memory_mb > 0) {
    rlimit limit;
    limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(options.max_memory_mb)
                                      << 20;
    setrlimit(RLIMIT_AS, &limit);
  }
#endif
  TestFaults(job.path);
  Record record =
      ProcessFile(job.path, registry, rules, options.limits, divisions);
  const bool ok = WriteAll(fd, RecordToJson(record).dump() + "\n");
  _exit(ok ? 0 : 1);
}

json WorkerErrorRecord(const Job& job, const std::string& code,
                       const std::string& message) {
  json r;
  r["schema"] = kReportSchema;
  r["source"] = {{"path", job.path}, {"sha256", job.sha256}};
  r["error"] = {{"stage", "worker"}, {"code", code}, {"message", message}};
  return r;
}

// Returns the record a finished worker produced, or an error record saying
// how it ended.
json Finish(Worker& w, int status, int timeout_s) {
  if (w.timed_out) {
    return WorkerErrorRecord(
        w.job, "timeout",
        "timed out after " + std::to_string(timeout_s) + " s");
  }
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    return WorkerErrorRecord(w.job, "crashed",
                             "killed by signal " + std::to_string(sig) + " (" +
                                 strsignal(sig) + ")");
  }
  json record = json::parse(w.output, nullptr, false);
  if (WEXITSTATUS(status) != 0 || record.is_discarded() ||
      !record.is_object()) {
    return WorkerErrorRecord(w.job, "crashed",
                             "the worker ended with status " +
                                 std::to_string(WEXITSTATUS(status)) +
                                 " and no record (out of memory?)");
  }
  return record;
}

}  // namespace

int RunIngest(const Options& options) {
  const auto start = Clock::now();
  std::vector<RuleSet> rules;
  StatusOr<std::vector<RuleSet>> loaded = LoadRulesDir(options.rules_dir);
  if (!loaded.ok()) {
    std::cerr << "gongkai: cannot load rules:\n"
              << loaded.status().message() << "\n";
    return kExitRules;
  }
  rules = std::move(*loaded);
  StatusOr<Divisions> divisions =
      Divisions::Load(options.data_dir + "/divisions");
  const Divisions* d = divisions.ok() ? &*divisions : nullptr;
  StatusOr<std::unique_ptr<Dataset>> opened = Dataset::Open(options.db_path);
  if (!opened.ok()) {
    std::cerr << "gongkai: " << opened.status().message() << "\n";
    return kExitDataset;
  }
  Dataset& dataset = **opened;
  Progress progress;
  long stored = 0, skipped = 0;
  auto store = [&](const json& record) {
    Status s = dataset.Insert(record);
    if (!s.ok()) {
      std::cerr << "gongkai: " << s.message() << "\n";
      return false;
    }
    ++stored;
    progress.Done(!record.contains("report"));
    return true;
  };

  // JSON Lines (from `gongkai extract`, run here or elsewhere) go straight in.
  std::deque<Job> jobs;
  for (const std::string& path : ExpandInputs(options.inputs)) {
    if (path.size() > 6 && path.substr(path.size() - 6) == ".jsonl") {
      std::ifstream in(path);
      std::string line;
      while (std::getline(in, line)) {
        json record = json::parse(line, nullptr, false);
        if (record.is_discarded() || !record.is_object() ||
            record.value("schema", "") != kReportSchema) {
          std::cerr << "gongkai: " << path
                    << ": skipping a line that is not a gongkai record\n";
          continue;
        }
        if (!store(record)) return kExitDataset;
      }
      continue;
    }
    Job job{path, Sha256OfFile(path)};
    if (job.sha256.empty() ? dataset.HasPathError(path)
                           : dataset.HasSha256(job.sha256)) {
      ++skipped;
      continue;
    }
    jobs.push_back(std::move(job));
  }
  progress.Start(static_cast<long>(jobs.size()));

  const std::vector<Extractor> registry = DefaultExtractors();
  std::vector<Worker> running;
  const int workers = std::max(1, options.workers);
  while (!jobs.empty() || !running.empty()) {
    while (!jobs.empty() && static_cast<int>(running.size()) < workers) {
      int fds[2];
      if (pipe(fds) != 0) {
        std::cerr << "gongkai: pipe: " << std::strerror(errno) << "\n";
        return kExitDataset;
      }
      Worker w;
      w.job = jobs.front();
      jobs.pop_front();
      std::cout.flush();
      w.pid = fork();
      if (w.pid == 0) {
        close(fds[0]);
        RunChild(w.job, fds[1], options, registry, rules, d);
      }
      close(fds[1]);
      if (w.pid < 0) {
        close(fds[0]);
        std::cerr << "gongkai: fork: " << std::strerror(errno) << "\n";
        return kExitDataset;
      }
      w.fd = fds[0];
      w.started = Clock::now();
      running.push_back(std::move(w));
    }
    std::vector<pollfd> polls;
    for (const Worker& w : running) polls.push_back({w.fd, POLLIN, 0});
    poll(polls.data(), polls.size(), 200);
    for (size_t i = 0; i < running.size();) {
      Worker& w = running[i];
      bool eof = false;
      if (polls[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        char buf[1 << 16];
        ssize_t n = read(w.fd, buf, sizeof buf);
        if (n > 0) {
          w.output.append(buf, static_cast<size_t>(n));
        } else if (n == 0 || errno != EINTR) {
          eof = true;
        }
      }
      const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(
          Clock::now() - w.started);
      if (!eof && options.timeout_s > 0 &&
          elapsed.count() >= options.timeout_s) {
        kill(w.pid, SIGKILL);
        w.timed_out = true;
        eof = true;
      }
      if (!eof) {
        ++i;
        continue;
      }
      int status = 0;
      waitpid(w.pid, &status, 0);
      close(w.fd);
      if (!store(Finish(w, status, options.timeout_s))) return kExitDataset;
      polls.erase(polls.begin() + static_cast<long>(i));
      running.erase(running.begin() + static_cast<long>(i));
    }
    progress.Tick();
  }
  progress.End();

  Status checks = dataset.RunDatasetChecks(rules);
  if (!checks.ok()) {
    std::cerr << "gongkai: " << checks.message() << "\n";
    return kExitDataset;
  }
  StatusOr<DatasetSummary> summary = dataset.Summary();
  if (!summary.ok()) {
    std::cerr << "gongkai: " << summary.status().message() << "\n";
    return kExitDataset;
  }
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  std::cerr << "gongkai: ingest into " << options.db_path << ": " << stored
            << " records stored, " << skipped << " already there, in "
            << static_cast<long>(seconds * 10) / 10.0 << " s\n"
            << "  dataset: " << summary->reports << " reports, "
            << summary->agencies << " agencies, " << summary->failing_reports
            << " reports failing a hard identity, " << summary->errors
            << " errors, " << summary->dataset_findings
            << " mismatches across years\n";
  return kExitOk;
}

}  // namespace gongkai::cli
