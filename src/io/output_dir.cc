// Files that land together; see output_dir.h.
#include "src/io/output_dir.h"

#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

namespace gongkai {
namespace {

constexpr size_t kBufferBytes = 1 << 16;
constexpr int kCreateAttempts = 8;

// Returns eight random hexadecimal digits for a temporary's name.
std::string RandomSuffix() {
  unsigned int r = 0;
  if (getrandom(&r, sizeof r, 0) != sizeof r)
    r = static_cast<unsigned int>(getpid()) * 2654435761u;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08x", r);
  return buf;
}

// Returns true iff `name` is a relative path of plain parts.
bool PlainRelative(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.back() == '/') return false;
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    const std::string part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

int OutputFile::Flush() {
  if (error_ == 0 && !buffer_.empty())
    error_ = env_->Write(fd_, buffer_.data(), buffer_.size());
  buffer_.clear();
  return error_;
}

void OutputFile::Write(std::string_view data) {
  if (error_ != 0) return;
  buffer_.append(data);
  if (buffer_.size() >= kBufferBytes) Flush();
}

StatusOr<std::unique_ptr<OutputDir>> OutputDir::Open(const std::string& path,
                                                     const std::string& stage,
                                                     Env* env) {
  // Every missing parent is created; the directory itself may be a link
  // the operator chose.
  if (path.empty())
    return Status::Error(stage, "write", "no output directory named");
  int fd = -1;
  size_t start = path.front() == '/' ? 1 : 0;
  int parent = path.front() == '/'
                   ? open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                   : AT_FDCWD;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string part = path.substr(start, end - start);
    start = end + 1;
    if (part.empty() || part == ".") continue;
    const int error = env->OpenDirectory(parent, part, false, &fd);
    if (parent != AT_FDCWD) close(parent);
    if (error != 0)
      return Status::Error(stage, "write", path + ": " + ErrnoText(error));
    parent = fd;
  }
  if (parent == AT_FDCWD) {
    parent = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (parent < 0)
      return Status::Error(stage, "write", path + ": " + ErrnoText(errno));
  }
  return std::unique_ptr<OutputDir>(new OutputDir(env, parent, path, stage));
}

OutputDir::~OutputDir() {
  for (auto& f : files_) {
    if (f->fd_ >= 0) env_->Close(f->fd_);
    if (!committed_) env_->Unlink(f->dir_, f->temp_);
  }
  for (auto& [dir, fd] : subdirs_) {
    if (fd >= 0) close(fd);
  }
  close(fd_);
}

Status OutputDir::Fail(const std::string& what, int error) {
  Status s = Status::Error(stage_, "write", what + ": " + ErrnoText(error));
  if (first_error_.ok()) first_error_ = s;
  return s;
}

int OutputDir::DirectoryFd(const std::string& dir) {
  if (dir.empty()) return fd_;
  auto it = subdirs_.find(dir);
  if (it != subdirs_.end()) return it->second;
  const size_t slash = dir.rfind('/');
  const int parent =
      DirectoryFd(slash == std::string::npos ? "" : dir.substr(0, slash));
  int fd = -1;
  if (parent >= 0) {
    const int error = env_->OpenDirectory(
        parent, slash == std::string::npos ? dir : dir.substr(slash + 1), true,
        &fd);
    if (error != 0) {
      Fail(path_ + "/" + dir, error);
      fd = -1;
    }
  }
  subdirs_.emplace(dir, fd);
  return fd;
}

OutputFile* OutputDir::Create(const std::string& name) {
  if (!PlainRelative(name)) {
    Fail(path_ + "/" + name, EINVAL);
    return nullptr;
  }
  const size_t slash = name.rfind('/');
  const std::string dir =
      slash == std::string::npos ? "" : name.substr(0, slash);
  const std::string base =
      slash == std::string::npos ? name : name.substr(slash + 1);
  const int dir_fd = DirectoryFd(dir);
  if (dir_fd < 0) return nullptr;
  int error = EEXIST;
  for (int attempt = 0; attempt < kCreateAttempts && error == EEXIST;
       ++attempt) {
    const std::string temp = "." + base + ".gongkai-" + RandomSuffix();
    int fd = -1;
    error = env_->CreateExclusive(dir_fd, temp, &fd);
    if (error == 0) {
      files_.push_back(std::unique_ptr<OutputFile>(
          new OutputFile(env_, dir_fd, temp, base, path_ + "/" + name, fd)));
      return files_.back().get();
    }
  }
  Fail(path_ + "/" + name, error);
  return nullptr;
}

Status OutputDir::Commit() {
  if (!first_error_.ok()) return first_error_;
  for (auto& f : files_) {
    int error = f->Flush();
    if (error == 0) error = env_->Sync(f->fd_);
    const int close_error = env_->Close(f->fd_);
    f->fd_ = -1;
    if (error == 0) error = close_error;
    if (error != 0) return Fail(f->shown_, error);
  }
  for (auto& f : files_) {
    const int error = env_->Rename(f->dir_, f->temp_, f->name_);
    if (error != 0) return Fail(f->shown_, error);
  }
  committed_ = true;
  return Status::Ok();
}

}  // namespace gongkai
