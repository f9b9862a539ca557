// Progress bar and log lines; see progress.h.
#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace gongkai::cli {

Progress::Progress() : tty_(isatty(STDERR_FILENO)) {}

void Progress::Start(long total) {
  total_ = total;
  start_ = last_draw_ = Clock::now();
}

void Progress::Done(bool failed) {
  ++done_;
  failed_ += failed;
}

void Progress::Tick() {
  const auto since = Clock::now() - last_draw_;
  if (since >
      (tty_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(5000)))
    Draw(false);
}

void Progress::End() { Draw(true); }

void Progress::Draw(bool final) {
  last_draw_ = Clock::now();
  if (total_ == 0) return;
  const double seconds =
      std::chrono::duration<double>(last_draw_ - start_).count();
  const double rate = seconds > 0 ? done_ / seconds : 0;
  const long eta = rate > 0 ? static_cast<long>((total_ - done_) / rate) : 0;
  char eta_text[32];
  std::snprintf(eta_text, sizeof eta_text, "%ldm%02lds", eta / 60, eta % 60);
  if (tty_) {
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(kWidth * done_ / total_);
    std::fprintf(stderr,
                 "\r[%.*s%*s] %ld/%ld files  %.1f/s  ETA %s  %ld failed ",
                 filled, "##############################", kWidth - filled, "",
                 done_, total_, rate, eta_text, failed_);
    if (final) std::fprintf(stderr, "\n");
  } else {
    std::fprintf(stderr,
                 "gongkai: %ld/%ld files, %.1f files/s, ETA %s, %ld failed\n",
                 done_, total_, rate, final ? "0m00s" : eta_text, failed_);
  }
  std::fflush(stderr);
}

}  // namespace gongkai::cli
