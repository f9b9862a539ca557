// Status and StatusOr<T>: how every stage of gongkai reports failure.
//
// No exception crosses a stage boundary. A Status is OK (cheap) or carries a
// code, the stage that failed ("sniff", "extract", "read", ...) and a message
// meant for a person. Third-party errors are converted to a Status in the
// adapter that calls the library. Modelled on leveldb's Status.
#ifndef GONGKAI_SRC_MODEL_STATUS_H_
#define GONGKAI_SRC_MODEL_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace gongkai {

class Status {
 public:
  // An OK status.
  Status() = default;

  static Status Ok() { return Status(); }
  // `code` is a short machine-readable word ("empty_file", "not_a_report").
  static Status Error(std::string stage, std::string code, std::string message);
  // Code "not_found": a file, directory or entry that is not there.
  static Status NotFound(std::string stage, std::string message) {
    return Error(std::move(stage), "not_found", std::move(message));
  }
  // Code "limit_<limit>" ("limit_pages"): a bound on a hostile input was
  // reached; the message says which and how far.
  static Status LimitExceeded(std::string stage, const std::string& limit,
                              std::string message) {
    return Error(std::move(stage), "limit_" + limit, std::move(message));
  }
  // Stage "rules", code "invalid_rules": every "file:line: message".
  static Status InvalidRules(std::string message) {
    return Error("rules", "invalid_rules", std::move(message));
  }

  bool ok() const { return code_.empty(); }
  bool IsNotFound() const { return code_ == "not_found"; }
  // True for every LimitExceeded() status.
  bool IsLimit() const { return code_.rfind("limit_", 0) == 0; }
  // True for a failure of the rules (loading or compiling), not of a
  // document.
  bool IsRulesError() const { return stage_ == "rules"; }
  const std::string& stage() const { return stage_; }
  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  // Returns "stage: code: message", or "OK".
  std::string ToString() const;

 private:
  std::string stage_, code_, message_;
};

// Either a value or a non-OK Status.
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT
  StatusOr(Status status)
      : status_(std::move(status)) {}  // NOLINT: must not be OK

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // Requires ok().
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace gongkai

#endif  // GONGKAI_SRC_MODEL_STATUS_H_
