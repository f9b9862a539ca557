// A set of files written into one directory that land together or not at
// all, for `export` and `site`.
//
// Each file is written as a temporary (".NAME.gongkai-XXXXXXXX") created
// with O_CREAT|O_EXCL|O_NOFOLLOW, so a symbolic link or a file planted in
// the directory is never followed or overwritten; every write, sync and
// close is checked. Commit() renames every temporary into place only when
// all of them were written whole; otherwise (a full disk, an error, the
// process killed) no temporary replaces anything and the previous files
// stay whole. Subdirectories of a name ("reports/a.html") are created and
// opened without following links.
#ifndef GONGKAI_SRC_IO_OUTPUT_DIR_H_
#define GONGKAI_SRC_IO_OUTPUT_DIR_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/io/env.h"
#include "src/model/status.h"

namespace gongkai {

// One file being written; owned by its OutputDir.
class OutputFile {
 public:
  // Appends `data` (buffered). After a failure further writes are dropped;
  // the failure is reported by Commit().
  void Write(std::string_view data);
  OutputFile& operator<<(std::string_view data) {
    Write(data);
    return *this;
  }

 private:
  friend class OutputDir;
  OutputFile(Env* env, int dir, std::string temp, std::string name,
             std::string shown, int fd)
      : env_(env),
        dir_(dir),
        temp_(std::move(temp)),
        name_(std::move(name)),
        shown_(std::move(shown)),
        fd_(fd) {}
  int Flush();

  Env* env_;
  int dir_;            // the directory fd (owned by OutputDir)
  std::string temp_;   // the temporary's name in dir_
  std::string name_;   // the final name in dir_
  std::string shown_;  // the path as messages show it
  int fd_;
  int error_ = 0;
  std::string buffer_;
};

class OutputDir {
 public:
  // Opens (creating if needed) the directory `path`. Fails with stage
  // `stage`, code "write".
  static StatusOr<std::unique_ptr<OutputDir>> Open(const std::string& path,
                                                   const std::string& stage,
                                                   Env* env = Env::Default());
  ~OutputDir();  // removes every temporary not committed

  // Starts the file `name` (relative, '/'-separated, no "." or ".."
  // parts). Returns nullptr and keeps the error for Commit() when it
  // cannot be created.
  OutputFile* Create(const std::string& name);

  // Writes out, syncs and closes every file, then renames each into place.
  // Returns the first failure (naming the file and the errno); a failure
  // to write, sync or close leaves nothing renamed (a rename itself failing,
  // the directory removed under it, may leave the files before it renamed).
  Status Commit();

 private:
  OutputDir(Env* env, int fd, std::string path, std::string stage)
      : env_(env), fd_(fd), path_(std::move(path)), stage_(std::move(stage)) {}
  // Returns the fd of subdirectory `dir` ("" for the top), or -1.
  int DirectoryFd(const std::string& dir);
  Status Fail(const std::string& what, int error);

  Env* env_;
  int fd_;
  std::string path_, stage_;
  std::map<std::string, int> subdirs_;
  std::vector<std::unique_ptr<OutputFile>> files_;
  Status first_error_;
  bool committed_ = false;
};

}  // namespace gongkai

#endif  // GONGKAI_SRC_IO_OUTPUT_DIR_H_
