// gongkai ingest: builds the dataset from files (read by worker processes,
// src/batch/workers.h) and from JSON Lines made by `gongkai extract`;
// then runs the checks across years and prints a summary. Only the
// coordinator writes the dataset, one transaction per record, so an ingest
// killed at any point is finished by running it again: files whose sha256
// is already stored are skipped.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/progress.h"
#include "extractors/registry.h"
#include "src/batch/workers.h"
#include "src/dataset/dataset.h"
#include "src/dataset/record_check.h"
#include "src/model/sha256.h"
#include "src/pipeline.h"
#include "src/read/divisions.h"
#include "src/sinks/sinks.h"

namespace gongkai::cli {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

// What an interrupted ingest says it kept (read in the signal handler:
// lock-free atomics only).
std::atomic<long> g_stored{0};
const char* g_db_path = "";

// Appends the decimal digits of `n` to `p`; returns the end.
char* AppendNumber(char* p, long n) {
  char digits[24];
  int k = 0;
  do {
    digits[k++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n > 0 && k < 23);
  while (k > 0) *p++ = digits[--k];
  return p;
}

// On SIGINT or SIGTERM: one line saying what is kept and that a re-run
// finishes the job, then the default action (the workers die with the
// coordinator; each stored record was its own transaction).
void SayWhatIsKept(int sig) {
  char line[1024];
  char* p = line;
  auto add = [&p, &line](const char* s) {
    while (*s && p < line + sizeof line - 32) *p++ = *s++;
  };
  add("\ngongkai: interrupted: ");
  p = AppendNumber(p, g_stored.load());
  add(" records stored in ");
  add(g_db_path);
  add(" are kept; run the same ingest again to finish (what is stored is "
      "skipped)\n");
  ssize_t unused = write(STDERR_FILENO, line, p - line);
  (void)unused;
  signal(sig, SIG_DFL);
  raise(sig);
}

}  // namespace

int RunIngest(const Options& options) {
  const auto start = Clock::now();
  StatusOr<RuleLibrary> rules = RuleLibrary::Open(options.rules_dir);
  Status compiled = rules.ok() ? rules->CompileAll() : rules.status();
  if (!compiled.ok()) {
    std::cerr << "gongkai: cannot load rules:\n" << compiled.message() << "\n";
    return kExitRules;
  }
  StatusOr<Divisions> divisions =
      Divisions::Load(options.data_dir + "/divisions", rules->lexicon());
  const Divisions* d = divisions.ok() ? &*divisions : nullptr;
  StatusOr<std::unique_ptr<Dataset>> opened = Dataset::Open(options.db_path);
  if (!opened.ok()) {
    std::cerr << "gongkai: " << opened.status().message() << "\n";
    return kExitDataset;
  }
  Dataset& dataset = **opened;
  g_db_path = options.db_path.c_str();
  signal(SIGINT, SayWhatIsKept);
  signal(SIGTERM, SayWhatIsKept);
  Progress progress;
  long stored = 0, skipped = 0, bad_lines = 0;
  auto store = [&](const json& record) {
    Status s = dataset.Insert(record);
    if (!s.ok()) {
      std::cerr << "gongkai: " << s.message() << "\n";
      return false;
    }
    ++stored;
    g_stored.store(stored);
    bool failing = false;
    for (const json& f : record.value("findings", json::array()))
      failing =
          failing || (f.is_object() && f.value("severity", "") == "error");
    std::string path;
    if (record.contains("source") && record["source"].is_object() &&
        record["source"].contains("path") &&
        record["source"]["path"].is_string())
      path = record["source"]["path"].get<std::string>();
    progress.Done(path, !record.contains("report"), failing);
    return true;
  };

  // JSON Lines (from `gongkai extract`, run here or elsewhere) go straight in.
  std::deque<batch::WorkerJob> jobs;
  for (const std::string& path : ExpandInputs(options.inputs)) {
    if (path.size() > 6 && path.substr(path.size() - 6) == ".jsonl") {
      std::ifstream in(path);
      std::string line;
      long line_no = 0;
      while (std::getline(in, line)) {
        ++line_no;
        if (line.empty()) continue;
        json record = json::parse(line, nullptr, false);
        const std::string why = record.is_discarded()
                                    ? std::string("not JSON (a cut line?)")
                                    : CheckRecord(record);
        if (!why.empty()) {
          // Not lost: an error record names the file and the line.
          ++bad_lines;
          std::cerr << "gongkai: " << path << " line " << line_no << ": " << why
                    << "\n";
          if (!store(BadLineRecord(path, line_no, why))) return kExitDataset;
          continue;
        }
        if (!store(record)) return kExitDataset;
      }
      continue;
    }
    // Each file is read and hashed once, in its worker, which asks whether
    // its hash is stored before reading further (WorkerContext).
    jobs.push_back(batch::WorkerJob{path, "", jobs.size()});
  }
  progress.Start(static_cast<long>(jobs.size()));

  const Registry& registry = DefaultRegistry();
  std::string error;
  batch::WorkerContext context{BatchOptionsOf(options), registry, *rules, d};
  context.already_stored = [&](const std::string& sha256) {
    return dataset.HasSha256(sha256);
  };
  context.on_skipped = [&](const batch::WorkerJob& job) {
    ++skipped;
    progress.Done(job.path, false, false);
  };
  const bool done = batch::RunWorkers(
      std::move(jobs), context,
      [&](const batch::WorkerJob&, const batch::WorkerResult& result) {
        return store(json::parse(result.json));
      },
      [&] { progress.Tick(); }, &error);
  if (!done) {
    std::cerr << "gongkai: " << error << "\n";
    return kExitDataset;
  }
  progress.End();

  Status checks = dataset.RunDatasetChecks(rules->sets());
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
            << "  dataset: " << summary->files << " files of "
            << summary->reports << " reports (copies counted once; "
            << summary->conflicting
            << " agency-years with conflicting versions), " << summary->agencies
            << " agencies, " << summary->failing_reports
            << " reports failing a hard identity, " << summary->errors
            << " errors, " << summary->dataset_findings
            << " mismatches across years\n";
  if (bad_lines > 0) {
    std::cerr << "gongkai: " << bad_lines
              << " lines of JSON Lines input were not records (stored as "
                 "error records)\n";
    return kExitInputErrors;
  }
  return kExitOk;
}

}  // namespace gongkai::cli
