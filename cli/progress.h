// Progress of a long run, for people: on a terminal a bar redrawn in place
// (files done, rate, ETA, failures); otherwise a plain log line every few
// seconds, so that logs stay readable.
#ifndef GONGKAI_CLI_PROGRESS_H_
#define GONGKAI_CLI_PROGRESS_H_

#include <chrono>

namespace gongkai::cli {

class Progress {
 public:
  Progress();
  // Starts counting towards `total` files.
  void Start(long total);
  // One file finished; `failed` when it gave an error record.
  void Done(bool failed);
  // Redraws if due (call often; cheap).
  void Tick();
  // Final line.
  void End();

 private:
  void Draw(bool final);
  using Clock = std::chrono::steady_clock;
  bool tty_;
  long total_ = 0, done_ = 0, failed_ = 0;
  Clock::time_point start_, last_draw_;
};

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_PROGRESS_H_
