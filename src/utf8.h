// UTF-8 helpers shared by the core and the extractors (part of the public
// contract with src/document.h and src/extractor.h).
#ifndef GONGKAI_SRC_UTF8_H_
#define GONGKAI_SRC_UTF8_H_

#include <string_view>

namespace gongkai {

// Returns true iff `bytes` is well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_SRC_UTF8_H_
