// One piece of work in a child; see child.h.
#include "src/batch/child.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>

#include "src/batch/workers.h"

namespace gongkai::batch {
namespace {

bool WriteAll(int fd, const std::string& s) {
  const char* p = s.data();
  size_t left = s.size();
  while (left > 0) {
    const ssize_t n = write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

[[noreturn]] void Child(
    const std::function<std::string(std::string* failure)>& work, int timeout_s,
    long max_memory_mb, int fd) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  LimitThisProcess(timeout_s, max_memory_mb);
  ExitOnOutOfMemory();
  std::string failure;
  std::string output;
  try {
    output = work(&failure);
  } catch (const std::bad_alloc&) {
    _exit(kOutOfMemoryStatus);
  } catch (const std::exception& e) {
    failure = e.what();
  }
  const bool ok = WriteAll(fd, failure.empty() ? "O" + output : "F" + failure);
  close(fd);
  _exit(ok ? 0 : 1);
}

}  // namespace

ChildResult RunInChild(
    const std::function<std::string(std::string* failure)>& work, int timeout_s,
    long max_memory_mb) {
  ChildResult result;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    result.code = "failed";
    result.message = std::string("no pipe: ") + std::strerror(errno);
    return result;
  }
  std::cout.flush();
  std::cerr.flush();
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    result.code = "failed";
    result.message = std::string("no process: ") + std::strerror(errno);
    return result;
  }
  if (pid == 0) {
    close(fds[0]);
    Child(work, timeout_s, max_memory_mb, fds[1]);
  }
  close(fds[1]);
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::seconds(timeout_s > 0 ? timeout_s : 0);
  std::string got;
  bool timed_out = false;
  char buf[1 << 16];
  for (;;) {
    int wait_ms = -1;
    if (timeout_s > 0) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        timed_out = true;
        break;
      }
      wait_ms = static_cast<int>(left.count());
    }
    pollfd p{fds[0], POLLIN, 0};
    const int ready = poll(&p, 1, wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t n = read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got.append(buf, static_cast<size_t>(n));
  }
  close(fds[0]);
  if (timed_out) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    result.code = "timeout";
    result.message = "timed out after " + std::to_string(timeout_s) + " s";
  } else if (WIFSIGNALED(status)) {
    result.code = "crashed";
    result.message = "killed by signal " + std::to_string(WTERMSIG(status)) +
                     " (" + strsignal(WTERMSIG(status)) + ")";
  } else if (WEXITSTATUS(status) == kOutOfMemoryStatus) {
    result.code = "limit_memory";
    result.message = "needed more memory than the limit (--max-memory-mb " +
                     std::to_string(max_memory_mb) + ")";
  } else if (WEXITSTATUS(status) != 0 || got.empty()) {
    result.code = "crashed";
    result.message = "ended with status " + std::to_string(WEXITSTATUS(status));
  } else if (got[0] == 'F') {
    result.code = "failed";
    result.message = got.substr(1);
  } else {
    result.ok = true;
    result.output = got.substr(1);
  }
  return result;
}

}  // namespace gongkai::batch
