// `gongkai site --db DB --out DIR`: the audit site (src/site/site.h). Page
// images of PDFs are rendered in a child process per page, under the same
// time and memory limits as a worker, and only from a file whose bytes
// still hash to the report's sha256: a PDF that crashes Poppler, hangs, or
// changed since it was ingested gives no image, never a lost site.
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "extractors/pdf/pdf_render.h"
#include "src/model/sha256.h"
#include "src/site/site.h"

namespace gongkai::cli {
namespace {

// Page images at this resolution: cells legible, a page near 1 MB.
constexpr double kPageDpi = 110;

// Runs in the child: renders the page and writes the PNG to `fd`.
[[noreturn]] void RenderChild(const PageImageRequest& request,
                              const Options& options, int fd) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  batch::LimitThisProcess(options.timeout_s, options.max_memory_mb);
  std::ifstream in(request.path, std::ios::binary);
  std::string bytes;
  if (in) {
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size > 0 &&
        size <= static_cast<std::streamoff>(options.limits.max_file_bytes)) {
      bytes.resize(static_cast<size_t>(size));
      in.seekg(0);
      in.read(bytes.data(), size);
    }
  }
  if (bytes.empty() || Sha256Hex(bytes) != request.sha256) _exit(3);
  StatusOr<std::string> png =
      RenderPdfPagePng(bytes, request.page, kPageDpi, request.outlines);
  if (!png.ok()) _exit(4);
  const char* p = png->data();
  size_t left = png->size();
  while (left > 0) {
    const ssize_t n = write(fd, p, left);
    if (n <= 0) _exit(5);
    p += n;
    left -= static_cast<size_t>(n);
  }
  _exit(0);
}

// Returns the PNG of `request`, or "" (said on stderr) when the child
// failed, ran out of time or the file changed.
std::string RenderInChild(const PageImageRequest& request,
                          const Options& options) {
  int fds[2];
  if (pipe(fds) != 0) return "";
  std::cout.flush();
  std::cerr.flush();
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return "";
  }
  if (pid == 0) {
    close(fds[0]);
    RenderChild(request, options, fds[1]);
  }
  close(fds[1]);
  std::string png;
  const auto deadline =
      std::chrono::steady_clock::now() +
      std::chrono::seconds(options.timeout_s > 0 ? options.timeout_s : 3600);
  char buf[65536];
  bool timed_out = false;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    const ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    png.append(buf, static_cast<size_t>(n));
  }
  close(fds[0]);
  if (timed_out) kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  if (timed_out || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << "gongkai: site: no image of page " << request.page << " of "
              << request.path << " ("
              << (timed_out                  ? "out of time"
                  : !WIFEXITED(status)       ? "the renderer crashed"
                  : WEXITSTATUS(status) == 3 ? "the file changed or is gone"
                                             : "it could not be rendered")
              << ")\n";
    return "";
  }
  return png;
}

}  // namespace

int RunSite(const Options& options) {
  RuleLibrary rules;
  std::unique_ptr<Dataset> dataset;
  if (int code = OpenForReading(options, &rules, &dataset); code != kExitOk)
    return code;
  const PageRenderer render = [&options](const PageImageRequest& request) {
    return RenderInChild(request, options);
  };
  Status s = WriteSite(*dataset, rules, options.site_dir, render);
  if (!s.ok()) {
    std::cerr << "gongkai: " << s.message() << "\n";
    return kExitDataset;
  }
  std::cerr << "gongkai: wrote the site of " << options.db_path << " to "
            << options.site_dir << "/index.html\n";
  return kExitOk;
}

}  // namespace gongkai::cli
