// One piece of work in a forked child process, under a worker's limits: for
// commands that parse a document outside the worker pool (`dump`, the
// site's page images). The child's output comes back through a pipe; a
// crash, a hang or a memory blow-up in a parser library costs that one
// piece of work and says which it was.
#ifndef GONGKAI_SRC_BATCH_CHILD_H_
#define GONGKAI_SRC_BATCH_CHILD_H_

#include <functional>
#include <string>

namespace gongkai::batch {

struct ChildResult {
  bool ok = false;
  std::string output;  // what the work returned (ok only)
  // When not ok: "timeout", "limit_memory", "crashed" or "failed", and a
  // message saying how it ended.
  std::string code, message;
};

// Runs `work` in a child limited as a worker is (LimitThisProcess, killed
// with the parent), kills it after `timeout_s` seconds of wall time (0: no
// limit), and returns what `work` returned. The work fails ("failed", with
// its words as the message) by setting *failure to why.
ChildResult RunInChild(
    const std::function<std::string(std::string* failure)>& work, int timeout_s,
    long max_memory_mb);

}  // namespace gongkai::batch

#endif  // GONGKAI_SRC_BATCH_CHILD_H_
