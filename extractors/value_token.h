// Telling a printed value from a label, for extractors that must find table
// rows in lines of text (PDF tables without borders, text dumps): before
// normalization, so only the forms such lines carry.
#ifndef GONGKAI_EXTRACTORS_VALUE_TOKEN_H_
#define GONGKAI_EXTRACTORS_VALUE_TOKEN_H_

#include <string_view>

namespace gongkai {

// Returns true iff `s` reads as a number: ASCII digits (with . , + -),
// maybe a sign word before (增, 减) and a unit after (万元, 元, 件, 条, 个,
// %).
bool IsNumberToken(std::string_view s);

// Returns true iff `s` is a not-applicable marker printed in a cell: -, --,
// /, —, ——, ―.
bool IsNaMarker(std::string_view s);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_VALUE_TOKEN_H_
