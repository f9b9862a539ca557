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

bool IsNaMarker(std::string_view s, const Lexicon& lexicon) {
  return lexicon.IsNaMarker(s);
}

}  // namespace gongkai
