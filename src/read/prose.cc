// Prose figures; see prose.h.
#include "src/read/prose.h"

#include <cstdlib>

#include "src/model/number.h"

namespace gongkai {
namespace {

std::optional<double> ParseNumber(const std::string& text,
                                  const Lexicon& lexicon) {
  if (text.empty()) return std::nullopt;
  if (text[0] >= '0' && text[0] <= '9') {
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    return *end == '\0' ? std::optional<double>(v) : std::nullopt;
  }
  return lexicon.ParseChineseNumber(text);
}

}  // namespace

void ReadProse(const DocumentView& view, const RuleSet& rules, Report* report) {
  for (const ProseRule& rule : rules.prose) {
    const std::string id = "prose." + rule.name;
    if (report->Find(id)) continue;  // a number and a none rule: the first wins
    for (const TextBlock& b : view.text_blocks) {
      const std::string& text = b.compact;
      std::string captured;
      const bool matched =
          rule.none ? RE2::PartialMatch(text, *rule.pattern)
                    : RE2::PartialMatch(text, *rule.pattern, &captured);
      if (!matched) continue;
      std::optional<double> value = rule.none
                                        ? std::optional<double>(0)
                                        : ParseNumber(captured, *rules.lexicon);
      if (!value) continue;
      *value *= rule.scale;
      Figure f;
      f.id = id;
      f.value = value;
      f.unit = rule.unit;
      f.integral = AsWholeNumber(*value).has_value();
      f.raw = rule.none ? "" : captured;
      f.page = b.page;
      report->figures.push_back(std::move(f));
      break;
    }
  }
}

}  // namespace gongkai
