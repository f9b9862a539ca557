// Value tokens; see value_token.h.
#include "extractors/value_token.h"

namespace gongkai {

bool IsNumberToken(std::string_view s, const Lexicon& lexicon) {
  lexicon.ConsumeSign(&s);
  lexicon.ConsumeUnit(&s, 1);
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '.' && c != ',' && c != '-' && c != '+') {
      return false;
    }
  }
  return digit;
}

bool IsPageMarker(std::string_view text, const Lexicon& lexicon) {
  std::string digits, rest;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      digits += text[i++];
    } else if (c == ' ' || c == '-') {
      ++i;
    } else {
      size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      rest += text.substr(i, len);
      i += len;
    }
  }
  if (digits.empty() ||
      digits.size() > static_cast<size_t>(lexicon.numbers().page_number_digits))
    return false;
  return lexicon.IsPageDecoration(rest);
}

bool IsNaMarker(std::string_view s, const Lexicon& lexicon) {
  return lexicon.IsNaMarker(s);
}

}  // namespace gongkai
