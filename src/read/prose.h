// Prose figures: numbers stated in the text of a report ("受理政府信息公开
// 申请17件", "收取信息处理费0元"), read with the `prose` rules of its rule
// set; Arabic and Chinese numerals (三千, 二十一) alike.
#ifndef GONGKAI_SRC_READ_PROSE_H_
#define GONGKAI_SRC_READ_PROSE_H_

#include <optional>
#include <string>
#include <string_view>

#include "src/model/report.h"
#include "src/normalize/view.h"
#include "src/rules/rules.h"

namespace gongkai {

// Appends a figure `prose.NAME` for the first paragraph of `view` that each
// prose rule matches; Chinese numerals are read with the rules' lexicon.
void ReadProse(const DocumentView& view, const RuleSet& rules, Report* report);

}  // namespace gongkai

#endif  // GONGKAI_SRC_READ_PROSE_H_
