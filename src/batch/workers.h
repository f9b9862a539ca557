// Worker processes: every document read in a child forked from the
// coordinator (rules and divisions already loaded), at most N at a time,
// with an address-space limit and a time limit. A crash, a hang or an
// exhausted memory limit in one document becomes that document's error
// record ("killed by signal 11", "timed out after 60 s"); the others go on.
// Used by extract, audit and ingest.
#ifndef GONGKAI_SRC_BATCH_WORKERS_H_
#define GONGKAI_SRC_BATCH_WORKERS_H_

#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "src/model/extractor.h"
#include "src/read/divisions.h"
#include "src/rules/rule_library.h"

namespace gongkai::batch {

// How the pool runs its workers. Every default is the command line's.
struct BatchOptions {
  int workers = 1;            // processes at a time, at least 1
  int timeout_s = 60;         // per document; 0: none
  long max_memory_mb = 2048;  // per worker (address space); 0: none
  Limits limits;              // handed to the extractors
};

struct WorkerJob {
  std::string path;
  // "" when unknown or unreadable; with already_stored, filled from the
  // worker's hash before on_record is called.
  std::string sha256;
  size_t index = 0;  // position in the input
};

struct WorkerContext {
  BatchOptions options;
  const Registry& registry;
  const RuleLibrary& rules;  // compiled (CompileAll) before forking
  const Divisions* divisions;
  // When set, each worker reads its file and hashes it first (within its
  // limits and timeout: a FIFO or a huge file costs the coordinator
  // nothing), and sends the hash; a file for which this returns true is not
  // read further, and on_skipped is called for it instead of on_record.
  // The file is so read and hashed once, in the worker.
  std::function<bool(const std::string& sha256)> already_stored = nullptr;
  std::function<void(const WorkerJob&)> on_skipped = nullptr;
};

// What a finished job's record is.
enum class RecordKind {
  kReport,  // a report
  kError,   // an error record of the document
  // The document's rule set did not compile (a rules error, not the
  // document's): the record's error says why.
  kRulesFailed,
};

// A finished job: its record as the JSON text `gongkai extract` writes (one
// line, not parsed here), and what kind of record it is.
struct WorkerResult {
  std::string json;
  RecordKind kind = RecordKind::kError;
  bool is_report() const { return kind == RecordKind::kReport; }
};

// Called in the coordinator with each finished job's result, in completion
// order; returns false to stop.
using OnRecord = std::function<bool(const WorkerJob&, const WorkerResult&)>;

// Runs every job; `on_tick` is called about five times a second. Returns
// false (with `error` set) when a worker cannot be started or on_record
// asks to stop. Every worker started has been reaped when it returns.
bool RunWorkers(std::deque<WorkerJob> jobs, const WorkerContext& context,
                const OnRecord& on_record, const std::function<void()>& on_tick,
                std::string* error);

// True in a build with AddressSanitizer (GCC says so with a macro, clang
// with a feature test): no address-space limit can be set there, its
// shadow memory needs far more.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

// The exit status of a child (a worker) that ran out of its address space.
inline constexpr int kOutOfMemoryStatus = 86;

// Makes a std::bad_alloc that escapes (through a noexcept frame or to the
// top) end the process with kOutOfMemoryStatus instead of an abort, so that
// a memory blow-up is told apart from a crash.
void ExitOnOutOfMemory();

// Limits the calling process as a worker is limited: CPU time to a little
// over `timeout_s` seconds and the address space to `max_memory_mb` (0: no
// limit; none under AddressSanitizer, whose shadow memory needs more). For
// children that parse documents (workers, the site's page renderer).
void LimitThisProcess(int timeout_s, long max_memory_mb);

}  // namespace gongkai::batch

#endif  // GONGKAI_SRC_BATCH_WORKERS_H_
