// Prose figures; see prose.h.
#include "src/read/prose.h"

#include <cstdlib>

#include "src/model/utf8.h"
#include "src/normalize/labels.h"

namespace gongkai {
namespace {

std::optional<double> ParseNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (text[0] >= '0' && text[0] <= '9') {
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    return *end == '\0' ? std::optional<double>(v) : std::nullopt;
  }
  return ParseChineseNumber(text);
}

}  // namespace

std::optional<double> ParseChineseNumber(std::string_view text) {
  static const std::u32string kDigits = U"零一二三四五六七八九";
  std::u32string s;
  for (size_t i = 0; i < text.size();) {  // decode UTF-8
    unsigned char c = text[i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > text.size()) return std::nullopt;
    char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
    s += cp;
    i += len;
  }
  if (s.empty()) return std::nullopt;
  double total = 0, section = 0, digit = 0;
  bool any = false;
  for (char32_t c : s) {
    if (c == U'〇') c = U'零';
    if (c == U'两') c = U'二';
    const size_t d = kDigits.find(c);
    if (d != std::u32string::npos) {
      digit = static_cast<double>(d);
      any = true;
      continue;
    }
    double unit = c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : 0;
    if (unit > 0) {
      section += (digit == 0 && unit == 10 && !any ? 1 : digit) * unit;
      digit = 0;
      any = true;
      continue;
    }
    if (c == U'万' || c == U'亿') {
      total = (total + section + digit) * (c == U'万' ? 1e4 : 1e8);
      section = digit = 0;
      any = true;
      continue;
    }
    return std::nullopt;
  }
  return any ? std::optional<double>(total + section + digit) : std::nullopt;
}

void ReadProse(const Document& doc, const RuleSet& rules, Report* report) {
  for (const ProseRule& rule : rules.prose) {
    const std::string id = "prose." + rule.name;
    if (report->Find(id)) continue;  // a number and a none rule: the first wins
    for (const Block& b : doc.blocks) {
      if (b.kind == BlockKind::kTable) continue;
      const std::string text = WithoutSpaces(b.text);
      std::string captured;
      const bool matched =
          rule.none ? RE2::PartialMatch(text, *rule.pattern)
                    : RE2::PartialMatch(text, *rule.pattern, &captured);
      if (!matched) continue;
      std::optional<double> value =
          rule.none ? std::optional<double>(0) : ParseNumber(captured);
      if (!value) continue;
      *value *= rule.scale;
      Figure f;
      f.id = id;
      f.value = value;
      f.unit = rule.unit;
      f.integral =
          *value == static_cast<double>(static_cast<long long>(*value));
      f.raw = rule.none ? "" : captured;
      f.page = b.page;
      report->figures.push_back(std::move(f));
      break;
    }
  }
}

}  // namespace gongkai
