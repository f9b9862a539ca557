// Telling a printed value from a label, for extractors that must find table
// rows in lines of text (PDF tables without borders, text dumps): before
// normalization, with the lexicon's units, sign words and NA markers, the
// same words the reader uses on normalized text.
#ifndef GONGKAI_EXTRACTORS_VALUE_TOKEN_H_
#define GONGKAI_EXTRACTORS_VALUE_TOKEN_H_

#include <string_view>

#include "src/model/lexicon.h"

namespace gongkai {

// Returns true iff `s` reads as a number: ASCII digits (with . , + -),
// maybe a sign word before (增, 减) and a unit after (件, 万元, ...), as the
// lexicon lists them.
bool IsNumberToken(std::string_view s, const Lexicon& lexicon);

// Returns true iff `s` is a not-applicable marker printed in a cell (-, /,
// 无, ...: the lexicon's na_marker).
bool IsNaMarker(std::string_view s, const Lexicon& lexicon);

// Returns true iff `text` is a page number as printed in a margin or
// between a converter's pages: "3", "-3-", "— 3 —", "第3页" (at most the
// lexicon's page_number_digits digits, with its page_decoration around).
bool IsPageMarker(std::string_view text, const Lexicon& lexicon);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_VALUE_TOKEN_H_
