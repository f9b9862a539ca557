// Cell value parsing; see values.h.
#include "src/normalize/values.h"

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

CellValue ParseCellValue(std::string_view normalized, const Lexicon& lexicon) {
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
  if (lexicon.IsNaMarker(compact)) {
    v.kind = ValueKind::kNotApplicable;
    v.marker = compact;
    return v;
  }
  if (lexicon.IsZero(compact)) {
    v.kind = ValueKind::kNumber;
    v.integral = true;
    return v;
  }
  std::string_view body = compact;
  const double sign = lexicon.ConsumeSign(&body) < 0 ? -1 : 1;
  v.unit = std::string(lexicon.ConsumeUnit(&body));
  double number = 0;
  bool integral = false;
  if (!ParseUnsigned(std::string(body), &number, &integral))
    return CellValue();  // text
  v.kind = ValueKind::kNumber;
  v.number = sign * number;
  v.integral = integral;
  return v;
}

}  // namespace gongkai
