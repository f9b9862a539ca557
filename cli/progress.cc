// Progress bar and log lines; see progress.h.
#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "src/model/utf8.h"

namespace gongkai::cli {
namespace {

// Returns the terminal's width in columns (80 when it cannot be learned).
int TerminalColumns() {
  winsize w{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 0)
    return w.ws_col;
  return 80;
}

// Returns the last `columns` columns of `text` (a CJK character takes two),
// with "…" before when cut.
std::string Tail(const std::string& text, int columns) {
  const std::u32string cps = DecodeUtf8(RepairUtf8(text));
  int width = 0;
  size_t start = cps.size();
  while (start > 0) {
    const int w = cps[start - 1] >= 0x1100 ? 2 : 1;
    if (width + w > columns - 1) break;
    width += w;
    --start;
  }
  std::string out = start > 0 ? "…" : "";
  for (size_t i = start; i < cps.size(); ++i) out += EncodeUtf8(cps[i]);
  return out;
}

}  // namespace

Progress::Progress() : tty_(isatty(STDERR_FILENO)) {}

void Progress::Start(long total) {
  total_ = total;
  start_ = last_draw_ = Clock::now();
}

void Progress::Done(const std::string& path, bool not_read, bool failing) {
  ++done_;
  not_read_ += not_read;
  failing_ += failing;
  last_ = path;
}

void Progress::Tick() {
  const auto since = Clock::now() - last_draw_;
  if (since >
      (tty_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(5000)))
    Draw(false);
}

void Progress::End() { Draw(true); }

std::string Progress::TerminalLine(int columns) const {
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start_).count();
  const double rate = seconds > 0 ? done_ / seconds : 0;
  const long eta = rate > 0 ? static_cast<long>((total_ - done_) / rate) : 0;
  // What matters most first; the rest only where the width has room.
  char core[160], timing[64];
  std::snprintf(core, sizeof core,
                "%ld/%ld files, %ld not read, %ld failing a hard identity",
                done_, total_, not_read_, failing_);
  std::snprintf(timing, sizeof timing, ", %.1f/s, ETA %ldm%02lds", rate,
                eta / 60, eta % 60);
  const int width = columns - 1;  // the last column would wrap
  std::string line = core;
  if (static_cast<int>(line.size()) > width) return Tail(line, width);
  if (static_cast<int>(line.size() + std::strlen(timing)) <= width)
    line += timing;
  const int bar = std::min(30, width - static_cast<int>(line.size()) - 3);
  if (bar >= 10 && total_ > 0) {
    const int filled = static_cast<int>(bar * done_ / total_);
    line = "[" + std::string(filled, '#') + std::string(bar - filled, ' ') +
           "] " + line;
  }
  const int left = width - static_cast<int>(line.size()) - 1;
  if (left >= 12 && !last_.empty()) line += " " + Tail(last_, left);
  return line;
}

std::string Progress::LogLine(bool final) const {
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start_).count();
  const double rate = seconds > 0 ? done_ / seconds : 0;
  const long eta =
      final || rate <= 0 ? 0 : static_cast<long>((total_ - done_) / rate);
  char buf[200];
  std::snprintf(buf, sizeof buf,
                "gongkai: %ld/%ld files, %.1f files/s, ETA %ldm%02lds, %ld "
                "not read, %ld failing a hard identity",
                done_, total_, rate, eta / 60, eta % 60, not_read_, failing_);
  return buf;
}

void Progress::Draw(bool final) {
  last_draw_ = Clock::now();
  if (total_ == 0) return;
  if (tty_) {
    // Erase the line and redraw it: it never wraps, so it never piles up.
    std::fprintf(stderr, "\r\x1b[2K%s",
                 TerminalLine(TerminalColumns()).c_str());
    if (final) std::fprintf(stderr, "\n");
  } else {
    std::fprintf(stderr, "%s\n", LogLine(final).c_str());
  }
  std::fflush(stderr);
}

}  // namespace gongkai::cli
