// UTF-8 helpers shared by the core and the extractors (part of the public
// contract with src/document.h and src/extractor.h).
#ifndef GONGKAI_SRC_MODEL_UTF8_H_
#define GONGKAI_SRC_MODEL_UTF8_H_

#include <string>
#include <string_view>

namespace gongkai {

// Returns true iff `bytes` is well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

// Returns the number of code points of UTF-8 text (continuation bytes are
// not counted; no validation).
int CountCodePoints(std::string_view text);

// Returns `text` without its ASCII spaces (normalized text keeps spaces
// only between non-CJK words; patterns are matched without them).
std::string WithoutSpaces(std::string_view text);

// Returns the code points of UTF-8 `text`; a malformed or cut sequence
// becomes U+FFFD.
std::u32string DecodeUtf8(std::string_view text);

// Returns `text` with every malformed or cut sequence (and every overlong
// form or surrogate) replaced by U+FFFD: always valid UTF-8.
std::string RepairUtf8(std::string_view text);

// Returns `text` with its control characters (other than tab and line
// breaks) written as \xNN, so that it can be printed on a terminal.
std::string EscapeControls(std::string_view text);

// Returns `bytes` as valid UTF-8 for showing a name (a file name in GBK
// from a Chinese archive): valid sequences kept, every other byte written
// as the four characters \xHH.
std::string ShowBytes(std::string_view bytes);

// Returns the lower-case hexadecimal digits of `bytes` ("b1a8").
std::string HexOf(std::string_view bytes);

// Returns the UTF-8 encoding of `c`; of U+FFFD if `c` is no code point (a
// surrogate or past U+10FFFF).
std::string EncodeUtf8(char32_t c);

}  // namespace gongkai

#endif  // GONGKAI_SRC_MODEL_UTF8_H_
