// Text normalization with ICU: one canonical form for matching labels and
// reading numbers, while the text as found is kept beside it as evidence.
//
// NormalizeText applies, in order:
//   1. UTF-8 decoding (an invalid byte becomes U+FFFD);
//   2. NFKC (full-width digits, letters and brackets become ASCII), except
//      that the ideographic comma `，` is kept: NFKC would turn it into `,`,
//      which then reads as a thousands separator;
//   3. traditional to simplified characters (ICU Traditional-Simplified,
//      character by character, from a table generated at build time);
//   4. curly and corner quotes to `"` and `'`;
//   5. whitespace (line breaks included) removed where it touches a CJK
//      character or CJK punctuation, and collapsed to one space elsewhere.
#ifndef GONGKAI_SRC_NORMALIZE_NORMALIZE_H_
#define GONGKAI_SRC_NORMALIZE_NORMALIZE_H_

#include <string>
#include <string_view>

#include "src/model/document.h"

namespace gongkai {

// Returns the normalized form of `raw` (UTF-8 in, UTF-8 out). Thread-safe.
std::string NormalizeText(std::string_view raw);

// Fills `text` from `raw` for every block and cell of `doc`.
void Normalize(Document& doc);

}  // namespace gongkai

#endif  // GONGKAI_SRC_NORMALIZE_NORMALIZE_H_
