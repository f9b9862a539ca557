// Label keys and scores; see labels.h.
#include "src/normalize/labels.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

#include "src/model/utf8.h"

namespace gongkai {
namespace {

std::vector<UChar32> Decode(std::string_view s) {
  std::vector<UChar32> out;
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.push_back(c < 0 ? 0xFFFD : c);
  }
  return out;
}

std::string Encode(const std::vector<UChar32>& cps, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, cps[i], err);
    if (!err) out.append(buf, len);
  }
  return out;
}

bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c); }

// Returns the length of a leading enumerator at `i`, or 0: (一), (1), a
// dash between the brackets (typed for 一), or 三、 1. 第一、.
size_t EnumeratorAt(const std::vector<UChar32>& s, size_t i,
                    const Lexicon& lexicon) {
  auto numeral = [&](UChar32 c) {
    return lexicon.IsEnumeratorNumeral(static_cast<char32_t>(c)) ||
           u_isdigit(c);
  };
  size_t j = i;
  if (j < s.size() && lexicon.IsEnumeratorOpen(static_cast<char32_t>(s[j]))) {
    size_t k = j + 1;
    if (k + 1 < s.size() &&
        lexicon.IsEnumeratorDash(static_cast<char32_t>(s[k])) &&
        lexicon.IsEnumeratorClose(static_cast<char32_t>(s[k + 1])))
      return k + 2 - i;
    while (k < s.size() && numeral(s[k])) ++k;
    if (k > j + 1 && k < s.size() &&
        lexicon.IsEnumeratorClose(static_cast<char32_t>(s[k])))
      return k + 1 - i;
    return 0;
  }
  size_t k = j;
  if (k < s.size() && lexicon.IsEnumeratorPrefix(static_cast<char32_t>(s[k])))
    ++k;
  size_t digits = k;
  while (k < s.size() && numeral(s[k])) ++k;
  if (k == digits || k - digits > 3) return 0;
  if (k < s.size() && lexicon.IsEnumeratorEnd(static_cast<char32_t>(s[k]))) {
    // "1.5" is a number, not an enumerator.
    if (s[k] == '.' && k + 1 < s.size() && u_isdigit(s[k + 1])) return 0;
    return k + 1 - i;
  }
  return 0;
}

bool KeepInKey(UChar32 c) {
  if (c < 0x80) return u_isalnum(c);
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN;
}

bool IsSubsequence(std::string_view small, std::string_view big) {
  std::vector<UChar32> a = Decode(small), b = Decode(big);
  size_t j = 0;
  for (size_t i = 0; i < b.size() && j < a.size(); ++i) {
    if (b[i] == a[j]) ++j;
  }
  return j == a.size();
}

}  // namespace

int CodePointCount(std::string_view s) { return CountCodePoints(s); }

std::string LabelKey(std::string_view normalized, const Lexicon& lexicon) {
  std::vector<UChar32> s;
  for (UChar32 c : Decode(normalized)) {
    if (!IsSpace(c)) s.push_back(c);
  }
  size_t begin = 0;
  while (size_t n = EnumeratorAt(s, begin, lexicon)) begin += n;
  size_t end = s.size();
  // Trailing annotations: "部分公开(区分处理的,...)" -> "部分公开".
  while (end > begin && s[end - 1] == ')') {
    int depth = 0;
    size_t k = end;
    while (k > begin) {
      --k;
      if (s[k] == ')') ++depth;
      if (s[k] == '(' && --depth == 0) break;
    }
    if (depth != 0 || k == begin) break;
    end = k;
  }
  std::vector<UChar32> kept;
  for (size_t i = begin; i < end; ++i) {
    if (KeepInKey(s[i])) kept.push_back(s[i]);
  }
  return Encode(kept, 0, kept.size());
}

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<UChar32> x = Decode(a), y = Decode(b);
  std::vector<int> prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= y.size(); ++j) {
      int subst = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
    }
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

int MatchScore(std::string_view cell_key, std::string_view label_key,
               const Lexicon& lexicon) {
  if (cell_key.empty() || label_key.empty()) return 0;
  const Lexicon::Numbers& n = lexicon.numbers();
  const int label_len = CodePointCount(label_key);
  const int cell_len = CodePointCount(cell_key);
  if (cell_key == label_key) return static_cast<int>(n.score_exact) + label_len;
  if (label_len >= 2 && cell_key.size() > label_key.size() &&
      cell_key.substr(cell_key.size() - label_key.size()) == label_key) {
    return static_cast<int>(n.score_suffix) + label_len;
  }
  if (cell_len >= 2 && cell_len >= label_len * n.share_truncated - 1e-9 &&
      label_key.find(cell_key) != std::string_view::npos) {
    return static_cast<int>(n.score_truncated) + cell_len;
  }
  // Dropped characters (`政许可`, `其他法律行政止公开`): the cell is a
  // subsequence of the label and keeps most of it.
  if (cell_len >= 3 && cell_len >= label_len * n.share_dropped - 1e-9 &&
      IsSubsequence(cell_key, label_key)) {
    return static_cast<int>(n.score_dropped) + cell_len;
  }
  if (cell_len >= 3 && label_len >= 3) {
    const int allowed = std::max(1, (label_len + 2) / 4);
    if (std::abs(cell_len - label_len) <= allowed) {
      const int d = EditDistance(cell_key, label_key);
      if (d <= allowed)
        return static_cast<int>(n.score_typo) -
               static_cast<int>(n.score_typo_step) * d;
    }
  }
  return 0;
}

}  // namespace gongkai
