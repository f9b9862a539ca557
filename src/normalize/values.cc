// Cell value parsing; see values.h.
#include "src/normalize/values.h"

#include <array>
#include <cstdlib>

namespace gongkai {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r'))
    ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' ||
                   s[e - 1] == '\r'))
    --e;
  return std::string(s.substr(b, e - b));
}

bool ConsumePrefix(std::string& s, std::string_view prefix) {
  if (s.compare(0, prefix.size(), prefix) != 0) return false;
  s.erase(0, prefix.size());
  return true;
}

bool ConsumeSuffix(std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size() ||
      s.compare(s.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return false;
  }
  s.erase(s.size() - suffix.size());
  return true;
}

// Parses "1234", "1,234", "12.5", "12." as a non-negative number.
bool ParseUnsigned(const std::string& s, double* out, bool* integral) {
  if (s.empty()) return false;
  std::string digits;
  bool seen_dot = false, seen_comma = false;
  size_t group = 0;  // digits since the last comma
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digits += c;
      ++group;
    } else if (c == ',' && !seen_dot) {
      if (digits.empty() || (seen_comma && group != 3) ||
          (!seen_comma && group > 3))
        return false;
      seen_comma = true;
      group = 0;
    } else if (c == '.' && !seen_dot) {
      if (seen_comma && group != 3) return false;
      seen_dot = true;
      digits += c;
    } else {
      return false;
    }
  }
  if (seen_comma && !seen_dot && group != 3) return false;
  if (digits.empty() || digits == ".") return false;
  *integral = !seen_dot || digits.back() == '.';
  *out = std::strtod(digits.c_str(), nullptr);
  return true;
}

}  // namespace

CellValue ParseCellValue(std::string_view normalized) {
  CellValue v;
  std::string s = Trim(normalized);
  std::string compact;
  for (char c : s) {
    if (c != ' ') compact += c;
  }
  if (compact.empty()) {
    v.kind = ValueKind::kBlank;
    return v;
  }
  static const std::array<std::string_view, 10> kMarkers = {
      "-", "--", "/", "\\", "—", "——", "―", "无", "不适用", "空"};
  for (std::string_view m : kMarkers) {
    if (compact == m) {
      v.kind = ValueKind::kNotApplicable;
      v.marker = compact;
      return v;
    }
  }
  if (compact == "〇" || compact == "O" || compact == "o") {
    v.kind = ValueKind::kNumber;
    v.integral = true;
    return v;
  }
  std::string body = compact;
  double sign = 1;
  if (ConsumePrefix(body, "减") || ConsumePrefix(body, "-") ||
      ConsumePrefix(body, "−")) {
    sign = -1;
  } else {
    if (!ConsumePrefix(body, "增")) ConsumePrefix(body, "+");
  }
  // Longer units first: 万元 before 元, 人次 before 人.
  static const std::array<std::string_view, 10> kUnits = {
      "万元", "人次", "元", "件", "条", "宗", "个", "项", "次", "人"};
  for (std::string_view unit : kUnits) {
    if (ConsumeSuffix(body, unit)) {
      v.unit = std::string(unit);
      break;
    }
  }
  double number = 0;
  bool integral = false;
  if (!ParseUnsigned(body, &number, &integral)) return CellValue();  // text
  v.kind = ValueKind::kNumber;
  v.number = sign * number;
  v.integral = integral;
  return v;
}

}  // namespace gongkai
