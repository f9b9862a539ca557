// .doc and .wps through LibreOffice; see doc_extractor.h.
#include "extractors/doc/doc_extractor.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "extractors/docx/docx_extractor.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

// Seconds LibreOffice may take for one file (a cold start is 2-5 s).
constexpr int kConvertSeconds = 50;
constexpr const char* kInstallHint =
    "Word 97 and WPS files are read through LibreOffice, which is not "
    "installed (apt-get install libreoffice-writer-nogui)";

// Returns the LibreOffice program, or "" when there is none: the one
// GONGKAI_SOFFICE names (LibreOffice installed elsewhere; a path that is no
// program says none), else Debian's.
std::string FindSoffice() {
  if (const char* chosen = getenv("GONGKAI_SOFFICE"))
    return access(chosen, X_OK) == 0 ? chosen : "";
  for (const char* candidate :
       {"/usr/lib/libreoffice/program/soffice", "/usr/bin/soffice"}) {
    if (access(candidate, X_OK) == 0) return candidate;
  }
  return "";
}

// A temporary directory removed with everything in it when destroyed.
class TempDir {
 public:
  TempDir() {
    const char* base = getenv("TMPDIR");
    std::string pattern =
        std::string(base && *base ? base : "/tmp") + "/gongkai-doc-XXXXXX";
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs LibreOffice on `input` into `dir`; returns "" or what went wrong.
std::string Convert(const std::string& soffice, const std::string& dir,
                    const std::string& input) {
  const std::string profile =
      "-env:UserInstallation=file://" + dir + "/profile";
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) return "cannot start LibreOffice (fork failed)";
  if (pid == 0) {
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
    // No network where an unprivileged process may have a namespace.
    unshare(CLONE_NEWUSER | CLONE_NEWNET);
    const int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, 0), dup2(null, 1), dup2(null, 2);
      if (null > 2) close(null);
    }
    setenv("HOME", dir.c_str(), 1);
    execl(soffice.c_str(), soffice.c_str(), "--headless", "--invisible",
          "--norestore", "--nologo", "--nolockcheck", "--nodefault",
          profile.c_str(), "--convert-to", "docx:MS Word 2007 XML", "--outdir",
          dir.c_str(), input.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  setpgid(pid, pid);
  const time_t deadline = time(nullptr) + kConvertSeconds;
  int status = 0;
  for (;;) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return "lost LibreOffice's process";
    if (time(nullptr) > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return "LibreOffice took more than " + std::to_string(kConvertSeconds) +
             " s";
    }
    struct timespec pause = {0, 50 * 1000 * 1000};
    nanosleep(&pause, nullptr);
  }
  kill(-pid, SIGKILL);  // anything it left behind
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
    return "LibreOffice could not be started";
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return "LibreOffice failed (status " + std::to_string(status) + ")";
  return "";
}

}  // namespace

StatusOr<Document> ExtractDoc(std::string_view bytes, const Limits& limits,
                              const Lexicon& lexicon) {
  const std::string soffice = FindSoffice();
  if (soffice.empty())
    return Status::Error("extract", "unsupported_format", kInstallHint);
  TempDir dir;
  if (dir.path().empty())
    return Status::Error("extract", "convert", "no temporary directory");
  const std::string input = dir.path() + "/input.doc";
  {
    std::ofstream out(input, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush())
      return Status::Error("extract", "convert", "cannot write " + input);
  }
  const std::string failure = Convert(soffice, dir.path(), input);
  if (!failure.empty()) return Status::Error("extract", "convert", failure);
  const std::string output = dir.path() + "/input.docx";
  std::error_code ec;
  const auto size = fs::file_size(output, ec);
  if (ec) {
    return Status::Error("extract", "convert",
                         "LibreOffice wrote no DOCX (not a Word or WPS "
                         "document?)");
  }
  if (size > limits.max_file_bytes) {
    return Status::LimitExceeded("extract", "file_bytes",
                                 "the converted DOCX is too large");
  }
  std::ifstream in(output, std::ios::binary);
  const std::string docx((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  StatusOr<Document> doc = ExtractDocx(docx, limits, lexicon);
  if (!doc.ok()) return doc.status();
  doc->diagnostics.push_back(
      {"converted", "read through LibreOffice as DOCX", 0});
  return doc;
}

bool SniffOle2(std::string_view bytes) {
  return bytes.substr(0, 8) == "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
}

}  // namespace gongkai
