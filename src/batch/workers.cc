// Worker processes; see workers.h.
#include "src/batch/workers.h"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>
#include <optional>

#include "src/model/sha256.h"
#include "src/pipeline.h"
#include "src/sinks/sinks.h"

namespace gongkai::batch {
void ExitOnOutOfMemory() {
  std::set_terminate([] {
    if (std::exception_ptr e = std::current_exception()) {
      try {
        std::rethrow_exception(e);
      } catch (const std::bad_alloc&) {
        _exit(kOutOfMemoryStatus);
      } catch (...) {
      }
    }
    std::abort();
  });
}

void LimitThisProcess(int timeout_s, long max_memory_mb) {
  if (timeout_s > 0) {
    rlimit cpu;
    cpu.rlim_cur = static_cast<rlim_t>(timeout_s) + 1;
    cpu.rlim_max = cpu.rlim_cur + 1;
    setrlimit(RLIMIT_CPU, &cpu);
  }
  if (max_memory_mb > 0 && !kAddressSanitizer) {
    rlimit limit;
    limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(max_memory_mb) << 20;
    setrlimit(RLIMIT_AS, &limit);
  }
}

namespace {

using Clock = std::chrono::steady_clock;
using json = nlohmann::ordered_json;

struct Worker {
  pid_t pid = -1;
  int fd = -1;
  int control = -1;       // the coordinator's answer to the hash (handshake)
  bool answered = false;  // the hash line was read and answered
  bool skipped = false;   // already stored: the worker ends without a record
  WorkerJob job;
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

// With the handshake (`control` >= 0): reads the file, sends "H<sha256>\n"
// and waits for 'g' (go on) or anything else (stop: already stored).
// Returns the record to send, or nullopt to end without one.
std::optional<Record> ReadWithHandshake(const WorkerJob& job, int fd,
                                        int control,
                                        const BatchOptions& options,
                                        const Registry& registry,
                                        const RuleLibrary& rules,
                                        const Divisions* divisions) {
  Record record;
  record.source.path = job.path;
  std::string bytes;
  Status s = ReadInputFile(job.path, options.limits, &bytes, &record.source);
  if (!s.ok()) {
    record.error = s;
    return record;
  }
  const std::string sha = Sha256Hex(bytes);
  if (!WriteAll(fd, "H" + sha + "\n")) return std::nullopt;
  char answer = 0;
  ssize_t n;
  do {
    n = read(control, &answer, 1);
  } while (n < 0 && errno == EINTR);
  if (n != 1 || answer != 'g') return std::nullopt;
  return ProcessBytes(job.path, bytes, registry, rules, options.limits,
                      divisions, sha);
}

[[noreturn]] void RunChild(const WorkerJob& job, int fd, int control,
                           const BatchOptions& options,
                           const Registry& registry, const RuleLibrary& rules,
                           const Divisions* divisions, pid_t coordinator) {
  // A worker never outlives its coordinator (killed, it takes its workers
  // with it), and never runs past its time on the CPU even if no one is
  // left to time it.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != coordinator) _exit(1);  // the coordinator died already
  LimitThisProcess(options.timeout_s, options.max_memory_mb);
  // Running out of the address space (--max-memory-mb) ends the worker
  // with a status of its own, wherever the allocation failed, so that the
  // record says limit_memory and not a crash.
  ExitOnOutOfMemory();
  TestFaults(job.path);
  std::optional<Record> read =
      control >= 0
          ? ReadWithHandshake(job, fd, control, options, registry, rules,
                              divisions)
          : ProcessFile(job.path, registry, rules, options.limits, divisions);
  if (!read) {
    close(fd);
    _exit(0);
  }
  const Record& record = *read;
  // One status byte (R: a report, E: an error record, U: the rules picked
  // did not compile), then the JSON line.
  const char* status = record.report                 ? "R"
                       : record.error.IsRulesError() ? "U"
                                                     : "E";
  const bool ok =
      WriteAll(fd, std::string(status) + RecordToJson(record).dump() + "\n");
  // Closed before exiting: the coordinator sees the end of the record now,
  // not after this process's memory is torn down.
  close(fd);
  _exit(ok ? 0 : 1);
}

// Writes one byte to a worker's pipe. A worker that died meanwhile must not
// kill the coordinator with SIGPIPE: the signal is blocked for the write and
// a pending one consumed. Returns true iff the byte was written.
bool WriteByteNoSigpipe(int fd, char byte) {
  sigset_t pipe_set, old;
  sigemptyset(&pipe_set);
  sigaddset(&pipe_set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
  ssize_t n;
  do {
    n = write(fd, &byte, 1);
  } while (n < 0 && errno == EINTR);
  if (n < 0 && errno == EPIPE) {
    const timespec zero{0, 0};
    sigtimedwait(&pipe_set, nullptr, &zero);
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return n == 1;
}

// Returns true iff `output` is a whole record: a status byte (R, E or U),
// the JSON line and its newline.
bool IsWholeRecord(const std::string& output) {
  return output.size() > 2 &&
         (output[0] == 'R' || output[0] == 'E' || output[0] == 'U') &&
         output.back() == '\n';
}

json WorkerErrorRecord(const WorkerJob& job, const std::string& code,
                       const std::string& message) {
  json r;
  r["schema"] = kReportSchema;
  r["source"] = PathJson(job.path);
  r["source"]["sha256"] = job.sha256;
  r["error"] = {{"stage", "worker"}, {"code", code}, {"message", message}};
  return r;
}

// Returns the record a finished worker produced, or an error record saying
// how it ended.
WorkerResult Finish(Worker& w, int status, int timeout_s, long max_memory_mb) {
  if (w.timed_out) {
    return {
        WorkerErrorRecord(w.job, "timeout",
                          "timed out after " + std::to_string(timeout_s) + " s")
            .dump(),
        RecordKind::kError};
  }
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    return {WorkerErrorRecord(w.job, "crashed",
                              "killed by signal " + std::to_string(sig) + " (" +
                                  strsignal(sig) + ")")
                .dump(),
            RecordKind::kError};
  }
  if (WEXITSTATUS(status) == kOutOfMemoryStatus) {
    return {WorkerErrorRecord(w.job, "limit_memory",
                              "the document needed more memory than the "
                              "worker's limit (--max-memory-mb " +
                                  std::to_string(max_memory_mb) + ")")
                .dump(),
            RecordKind::kError};
  }
  const bool complete = WEXITSTATUS(status) == 0 && IsWholeRecord(w.output);
  if (!complete) {
    return {WorkerErrorRecord(w.job, "crashed",
                              "the worker ended with status " +
                                  std::to_string(WEXITSTATUS(status)) +
                                  " and no record (out of memory?)")
                .dump(),
            RecordKind::kError};
  }
  const RecordKind kind = w.output[0] == 'R'   ? RecordKind::kReport
                          : w.output[0] == 'U' ? RecordKind::kRulesFailed
                                               : RecordKind::kError;
  return {w.output.substr(1, w.output.size() - 2), kind};
}

// Calls `on_record`; an exception it throws (a record it cannot handle)
// never escapes: the record is replaced by an error record saying so.
bool Deliver(const OnRecord& on_record, const WorkerJob& job,
             WorkerResult result) {
  try {
    return on_record(job, result);
  } catch (const std::exception& e) {
    WorkerResult replaced{
        WorkerErrorRecord(
            job, "bad_record",
            std::string("the record could not be handled: ") + e.what())
            .dump(),
        RecordKind::kError};
    try {
      return on_record(job, replaced);
    } catch (const std::exception&) {
      return true;  // said nothing more can be done; the batch goes on
    }
  }
}

}  // namespace

bool RunWorkers(std::deque<WorkerJob> jobs, const WorkerContext& context,
                const OnRecord& on_record, const std::function<void()>& on_tick,
                std::string* error) {
  const BatchOptions& options = context.options;
  std::vector<Worker> running;
  std::vector<pid_t> exiting;  // sent their record; not reaped yet
  const int workers = std::max(1, options.workers);
  // Loaded once here rather than in each worker; a single job loads only
  // what its document needs.
  if (jobs.size() > 1) context.registry.Preload();
  bool ok = true;
  const pid_t coordinator = getpid();
  while (!jobs.empty() || !running.empty()) {
    while (ok && !jobs.empty() && static_cast<int>(running.size()) < workers) {
      int fds[2], control[2] = {-1, -1};
      if (pipe(fds) != 0 || (context.already_stored && pipe(control) != 0)) {
        *error = std::string("pipe: ") + std::strerror(errno);
        return false;
      }
      Worker w;
      w.job = jobs.front();
      jobs.pop_front();
      std::cout.flush();
      std::cerr.flush();
      w.pid = fork();
      if (w.pid == 0) {
        close(fds[0]);
        if (control[1] >= 0) close(control[1]);
        for (const Worker& other : running) {  // not this worker's business
          close(other.fd);
          if (other.control >= 0) close(other.control);
        }
        RunChild(w.job, fds[1], control[0], options, context.registry,
                 context.rules, context.divisions, coordinator);
      }
      close(fds[1]);
      if (control[0] >= 0) close(control[0]);
      w.control = control[1];
      w.answered = control[1] < 0;
      if (w.pid < 0) {
        close(fds[0]);
        *error = std::string("fork: ") + std::strerror(errno);
        return false;
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
      if (!w.answered && !w.output.empty() && w.output[0] != 'H') {
        w.answered = true;  // an error record: the file was not read
      }
      if (!w.answered && w.output.find('\n') != std::string::npos) {
        const size_t nl = w.output.find('\n');
        w.job.sha256 = w.output.substr(1, nl - 1);
        w.output.erase(0, nl + 1);
        w.answered = true;
        w.skipped = context.already_stored(w.job.sha256);
        if (!WriteByteNoSigpipe(w.control, w.skipped ? 's' : 'g'))
          w.skipped = false;  // the worker is gone: its end says how
      }
      if (w.answered && w.control >= 0) {
        close(w.control);
        w.control = -1;
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
      // A worker that sent a whole record is done: it is reaped later, not
      // waited for while the kernel tears it down.
      int status = 0;
      const bool done_well = !w.timed_out && (IsWholeRecord(w.output) ||
                                              (w.skipped && w.output.empty()));
      if (!done_well) {
        waitpid(w.pid, &status, 0);
      } else if (waitpid(w.pid, &status, WNOHANG) == 0) {
        status = 0;
        exiting.push_back(w.pid);
      }
      close(w.fd);
      if (w.control >= 0) close(w.control);
      if (done_well && w.skipped) {
        if (context.on_skipped) context.on_skipped(w.job);
      } else if (ok && !Deliver(on_record, w.job,
                                Finish(w, status, options.timeout_s,
                                       options.max_memory_mb))) {
        ok = false;
        jobs.clear();
        *error = "stopped";
      }
      polls.erase(polls.begin() + static_cast<long>(i));
      running.erase(running.begin() + static_cast<long>(i));
    }
    if (on_tick) on_tick();
    std::erase_if(
        exiting, [](pid_t pid) { return waitpid(pid, nullptr, WNOHANG) != 0; });
  }
  // Reaped now, so that no worker outlives the pool (the benchmark and the
  // memory bounds count the whole process tree).
  for (pid_t pid : exiting) waitpid(pid, nullptr, 0);
  return ok;
}

}  // namespace gongkai::batch
