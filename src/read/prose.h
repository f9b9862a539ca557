// Prose figures: numbers stated in the text of a report ("受理政府信息公开
// 申请17件", "收取信息处理费0元"), read with the `prose` rules of its rule
// set; Arabic and Chinese numerals (三千, 二十一) alike.
#ifndef GONGKAI_SRC_READ_PROSE_H_
#define GONGKAI_SRC_READ_PROSE_H_

#include <optional>
#include <string>
#include <string_view>

#include "src/model/document.h"
#include "src/model/report.h"
#include "src/rules/rules.h"

namespace gongkai {

// Returns the value of a Chinese numeral ("三千零二十", "两百", "十五"), or
// nullopt if `text` is not one.
std::optional<double> ParseChineseNumber(std::string_view text);

// Appends a figure `prose.NAME` for the first paragraph that each prose
// rule matches. Requires a normalized document.
void ReadProse(const Document& doc, const RuleSet& rules, Report* report);

}  // namespace gongkai

#endif  // GONGKAI_SRC_READ_PROSE_H_
