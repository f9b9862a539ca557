// ICU-based normalization; see normalize.h for the steps.
#include "src/normalize/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <vector>

namespace gongkai {
namespace {

constexpr UChar32 kFullwidthComma = 0xFF0C;
constexpr UChar32 kCommaPlaceholder = 0xE000;  // private use, never in input

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* nfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfkc;
}

struct T2S {
  UChar32 traditional, simplified;
};
// Sorted by the traditional character; generated at build time from ICU's
// Traditional-Simplified transform (tools/gen_t2s.cc).
constexpr T2S kT2S[] = {
#include "t2s_table.inc"
};

UChar32 ToSimplified(UChar32 c) {
  if (c < 0x3400) return c;
  const T2S* end = kT2S + sizeof(kT2S) / sizeof(kT2S[0]);
  const T2S* it = std::lower_bound(
      kT2S, end, c, [](const T2S& e, UChar32 v) { return e.traditional < v; });
  return it != end && it->traditional == c ? it->simplified : c;
}

bool IsCjk(UChar32 c) {
  if (c >= 0x3000 && c <= 0x303F) return true;  // CJK symbols, punctuation
  if (c >= 0xFF00 && c <= 0xFFEF) return true;  // full-width forms
  if (c == kCommaPlaceholder) return true;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN;
}

UChar32 MapQuote(UChar32 c) {
  switch (c) {
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
    case 0x301D:
    case 0x301E:
      return '"';
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
      return '\'';
    default:
      return c;
  }
}

// Steps 4 and 5 on a string already NFKC- and T2S-converted.
icu::UnicodeString Tidy(const icu::UnicodeString& in) {
  std::vector<UChar32> cps;
  cps.reserve(in.length());
  for (int32_t i = 0; i < in.length();) {
    UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    cps.push_back(MapQuote(ToSimplified(c)));
  }
  icu::UnicodeString out;
  size_t i = 0;
  while (i < cps.size()) {
    if (!u_isUWhiteSpace(cps[i])) {
      out.append(cps[i++]);
      continue;
    }
    size_t j = i;
    while (j < cps.size() && u_isUWhiteSpace(cps[j])) ++j;
    bool at_edge = out.isEmpty() || j == cps.size();
    bool touches_cjk =
        (!out.isEmpty() &&
         IsCjk(out.char32At(out.moveIndex32(out.length(), -1)))) ||
        (j < cps.size() && IsCjk(cps[j]));
    if (!at_edge && !touches_cjk) out.append(static_cast<UChar32>(' '));
    i = j;
  }
  return out;
}

}  // namespace

std::string NormalizeText(std::string_view raw) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
  s.findAndReplace(icu::UnicodeString(kFullwidthComma),
                   icu::UnicodeString(kCommaPlaceholder));
  if (const icu::Normalizer2* nfkc = Nfkc()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString n = nfkc->normalize(s, status);
    if (U_SUCCESS(status)) s = n;
  }
  s = Tidy(s);
  s.findAndReplace(icu::UnicodeString(kCommaPlaceholder),
                   icu::UnicodeString(kFullwidthComma));
  std::string out;
  s.toUTF8String(out);
  return out;
}

void Normalize(Document& doc) {
  for (Block& block : doc.blocks) {
    block.text = NormalizeText(block.raw);
    for (Cell& cell : block.table.cells) cell.text = NormalizeText(cell.raw);
  }
}

}  // namespace gongkai
