// Value tokens; see value_token.h.
#include "extractors/value_token.h"

namespace gongkai {
namespace {

bool ConsumePrefix(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

}  // namespace

bool IsNumberToken(std::string_view s) {
  for (std::string_view prefix : {"增", "减"}) {
    if (ConsumePrefix(s, prefix)) break;
  }
  for (std::string_view unit : {"万元", "元", "件", "条", "个", "%"}) {
    if (s.size() > unit.size() && s.substr(s.size() - unit.size()) == unit) {
      s.remove_suffix(unit.size());
      break;
    }
  }
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '.' && c != ',' && c != '-' && c != '+') {
      return false;
    }
  }
  return digit;
}

bool IsNaMarker(std::string_view s) {
  for (std::string_view marker : {"-", "--", "/", "—", "——", "―"}) {
    if (s == marker) return true;
  }
  return false;
}

}  // namespace gongkai
