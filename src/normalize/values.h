// Reading one table cell as a value: a number (with its unit and sign), a
// blank, a not-applicable marker, or text (a label).
//
// Rules of FORMAT.md §5.2 and §8: an empty cell is blank (null, never 0);
// `-`, `/`, `—`, `无`, `不适用` are NA markers (null, marker kept); units
// printed in the cell (件 条 宗 个 项 次 人次 人 元 万元) are stripped and
// kept; `减4` is -4 and `增4` is +4; `1,234` is 1234; `〇` or the letter O
// alone is 0.
#ifndef GONGKAI_SRC_NORMALIZE_VALUES_H_
#define GONGKAI_SRC_NORMALIZE_VALUES_H_

#include <string>
#include <string_view>

#include "src/model/lexicon.h"

namespace gongkai {

enum class ValueKind { kBlank, kNumber, kNotApplicable, kText };

struct CellValue {
  ValueKind kind = ValueKind::kText;
  double number = 0;      // kNumber only
  bool integral = false;  // kNumber: written without a fractional part
  std::string unit;       // the unit printed in the cell, if any
  std::string marker;     // kNotApplicable: the marker as printed
};

// Returns how the normalized cell text reads. Requires normalized text
// (src/normalize.h): ASCII digits and punctuation.
// The markers, zero forms, sign words and units are the lexicon's.
CellValue ParseCellValue(std::string_view normalized, const Lexicon& lexicon);

// Returns true iff the value counts as a data cell (number, blank or NA).
inline bool IsValueLike(const CellValue& v) {
  return v.kind != ValueKind::kText;
}

}  // namespace gongkai

#endif  // GONGKAI_SRC_NORMALIZE_VALUES_H_
