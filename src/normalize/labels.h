// Label keys and fuzzy label matching.
//
// Printed labels vary (FORMAT.md §8): enumerators `（一）`, `1.`, `1、` or
// none; spaces and line breaks inside; parenthetical annotations; dropped or
// wrong characters. LabelKey() reduces a normalized label to the characters
// that carry meaning; MatchScore() says how well a cell's key matches a
// known label's key, so that the reader can pick the best row.
#ifndef GONGKAI_SRC_NORMALIZE_LABELS_H_
#define GONGKAI_SRC_NORMALIZE_LABELS_H_

#include <string>
#include <string_view>

#include "src/model/lexicon.h"

namespace gongkai {

// Returns the key of a normalized label: leading enumerators (`三、`, `(一)`,
// `1.`) and trailing parenthetical annotations removed, then only Han
// characters, ASCII letters and digits kept.
std::string LabelKey(std::string_view normalized, const Lexicon& lexicon);

// Returns the number of Unicode code points in UTF-8 `s`.
int CodePointCount(std::string_view s);

// Returns the Levenshtein distance between UTF-8 strings, by code points.
int EditDistance(std::string_view a, std::string_view b);

// Returns how well `cell_key` matches `label_key` (both from LabelKey()):
// 0 for no match; higher is better. Exact > cell ends with the label (a
// group label fused before it) > the cell is a truncated label > the cell is
// the label with characters dropped > a small edit distance (typos).
// The scores and shares are the lexicon's `score_*` and `share_*`.
int MatchScore(std::string_view cell_key, std::string_view label_key,
               const Lexicon& lexicon);

}  // namespace gongkai

#endif  // GONGKAI_SRC_NORMALIZE_LABELS_H_
