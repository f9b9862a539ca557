// The seam between gongkai's writers and the file system, as leveldb's Env
// is: production code writes through Env::Default(); a test passes its own
// Env that makes a chosen write fail (ENOSPC), or does something between
// two writes (another process inserting into the dataset), without any
// test switch in production code.
//
// Each call returns 0 on success or the errno of its failure.
#ifndef GONGKAI_SRC_IO_ENV_H_
#define GONGKAI_SRC_IO_ENV_H_

#include <sys/types.h>

#include <cstddef>
#include <string>

namespace gongkai {

class Env {
 public:
  virtual ~Env() = default;

  // Opens the directory `name` under the directory `parent` (AT_FDCWD for a
  // path relative to the working directory), creating it (mode 0755) when
  // it is missing. With `no_follow` a symbolic link there is refused
  // (ELOOP). Sets *fd.
  virtual int OpenDirectory(int parent, const std::string& name, bool no_follow,
                            int* fd);
  // Creates the file `name` in directory `dir` for writing, exclusively
  // (O_CREAT|O_EXCL|O_NOFOLLOW: never through a link, never an existing
  // file), mode 0644. Sets *fd.
  virtual int CreateExclusive(int dir, const std::string& name, int* fd);
  // Writes all `size` bytes of `data` to `fd` (retrying short writes).
  virtual int Write(int fd, const char* data, size_t size);
  virtual int Sync(int fd);
  virtual int Close(int fd);
  // Renames `from` to `to`, both in directory `dir`; replaces `to` (a link
  // there is replaced, not followed).
  virtual int Rename(int dir, const std::string& from, const std::string& to);
  virtual int Unlink(int dir, const std::string& name);

  // Returns the process-wide POSIX environment.
  static Env* Default();
};

// Returns strerror(error) with the errno name first: "ENOSPC: No space
// left on device".
std::string ErrnoText(int error);

}  // namespace gongkai

#endif  // GONGKAI_SRC_IO_ENV_H_
