// Status construction and formatting.
#include "src/model/status.h"

namespace gongkai {

Status Status::Error(std::string stage, std::string code, std::string message) {
  Status s;
  s.stage_ = std::move(stage);
  s.code_ = code.empty() ? "error" : std::move(code);
  s.message_ = std::move(message);
  return s;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return stage_ + ": " + code_ + ": " + message_;
}

}  // namespace gongkai
