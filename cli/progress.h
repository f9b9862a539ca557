// Progress of a long run, for people: on a terminal one line redrawn in
// place, fitted to the terminal's width (a bar, files done, rate, ETA,
// files not read and reports failing a hard identity in the summary's
// words, and the file last finished); otherwise a plain log line every few
// seconds, so that logs stay readable.
#ifndef GONGKAI_CLI_PROGRESS_H_
#define GONGKAI_CLI_PROGRESS_H_

#include <chrono>
#include <string>

namespace gongkai::cli {

class Progress {
 public:
  Progress();
  // Starts counting towards `total` files.
  void Start(long total);
  // One file finished: `not_read` when it gave an error record, `failing`
  // when its report fails a hard identity.
  void Done(const std::string& path, bool not_read, bool failing);
  // Redraws if due (call often; cheap).
  void Tick();
  // Final line.
  void End();

  // Returns the line for a terminal of `columns` columns (never longer).
  std::string TerminalLine(int columns) const;
  // Returns the log line.
  std::string LogLine(bool final) const;

 private:
  void Draw(bool final);
  using Clock = std::chrono::steady_clock;
  bool tty_;
  long total_ = 0, done_ = 0, not_read_ = 0, failing_ = 0;
  std::string last_;
  Clock::time_point start_, last_draw_;
};

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_PROGRESS_H_
