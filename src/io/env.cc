// The POSIX environment; see env.h.
#include "src/io/env.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gongkai {

int Env::OpenDirectory(int parent, const std::string& name, bool no_follow,
                       int* fd) {
  if (mkdirat(parent, name.c_str(), 0755) != 0 && errno != EEXIST) return errno;
  const int flags =
      O_RDONLY | O_DIRECTORY | O_CLOEXEC | (no_follow ? O_NOFOLLOW : 0);
  *fd = openat(parent, name.c_str(), flags);
  return *fd < 0 ? errno : 0;
}

int Env::CreateExclusive(int dir, const std::string& name, int* fd) {
  *fd = openat(dir, name.c_str(),
               O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  return *fd < 0 ? errno : 0;
}

int Env::Write(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
  return 0;
}

int Env::Sync(int fd) { return fsync(fd) == 0 ? 0 : errno; }

int Env::Close(int fd) { return ::close(fd) == 0 ? 0 : errno; }

int Env::Rename(int dir, const std::string& from, const std::string& to) {
  return renameat(dir, from.c_str(), dir, to.c_str()) == 0 ? 0 : errno;
}

int Env::Unlink(int dir, const std::string& name) {
  return unlinkat(dir, name.c_str(), 0) == 0 ? 0 : errno;
}

Env* Env::Default() {
  static Env env;
  return &env;
}

std::string ErrnoText(int error) {
  const char* name = strerrorname_np(error);
  return std::string(name ? name : "errno " + std::to_string(error)) + ": " +
         std::strerror(error);
}

}  // namespace gongkai
