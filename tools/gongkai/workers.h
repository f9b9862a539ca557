// Worker processes: every document read in a child forked from the
// coordinator (rules and divisions already loaded), at most N at a time,
// with an address-space limit and a time limit. A crash, a hang or an
// exhausted memory limit in one document becomes that document's error
// record ("killed by signal 11", "timed out after 60 s"); the others go on.
// Used by extract, audit and ingest.
#ifndef GONGKAI_TOOLS_GONGKAI_WORKERS_H_
#define GONGKAI_TOOLS_GONGKAI_WORKERS_H_

#include <deque>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "src/divisions.h"
#include "src/extractor.h"
#include "src/rule_library.h"
#include "src/rules.h"
#include "tools/gongkai/commands.h"

namespace gongkai::cli {

struct WorkerJob {
  std::string path;
  std::string sha256;  // "" when unknown or unreadable
  size_t index = 0;    // position in the input
};

struct WorkerContext {
  const Options& options;
  const std::vector<Extractor>& registry;
  const RuleLibrary& rules;  // compiled (CompileAll) before forking
  const Divisions* divisions;
};

// A finished job: its record as the JSON text `gongkai extract` writes (one
// line, not parsed here), and whether it is a report or an error record.
struct WorkerResult {
  std::string json;
  bool is_report = false;
  // The document's rule set did not compile (a rules error, not the
  // document's): the record's error says why.
  bool rules_failed = false;
};

// Called in the coordinator with each finished job's result, in completion
// order; returns false to stop.
using OnRecord = std::function<bool(const WorkerJob&, const WorkerResult&)>;

// Runs every job; `on_tick` is called about five times a second. Returns
// false (with `error` set) when a worker cannot be started or on_record
// asks to stop.
bool RunWorkers(std::deque<WorkerJob> jobs, const WorkerContext& context,
                const OnRecord& on_record, const std::function<void()>& on_tick,
                std::string* error);

}  // namespace gongkai::cli

#endif  // GONGKAI_TOOLS_GONGKAI_WORKERS_H_
