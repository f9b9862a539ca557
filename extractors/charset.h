// Character encodings of text and HTML inputs, decided by us, not guessed by
// a parser: a byte-order mark first, then the declared charset, then
// detection (valid UTF-8, else GB18030). GB2312 and GBK are read as GB18030,
// their superset, so that a GBK page reads exactly as its UTF-8 twin; a page
// declared UTF-8 whose bytes are not UTF-8 is read as GB18030.
#ifndef GONGKAI_EXTRACTORS_CHARSET_H_
#define GONGKAI_EXTRACTORS_CHARSET_H_

#include <string>
#include <string_view>

#include "src/model/document.h"
#include "src/model/status.h"

namespace gongkai {

struct DecodedText {
  std::string text;      // UTF-8, without BOM
  std::string encoding;  // the encoding read ("UTF-8", "GB18030", ...)
  size_t replaced = 0;   // byte sequences not decodable, now U+FFFD
};

// Returns `bytes` decoded to UTF-8. `declared` is the charset named by the
// document ("" if none). Undecodable bytes become U+FFFD.
StatusOr<DecodedText> DecodeToUtf8(std::string_view bytes,
                                   std::string declared);

// Adds a "bad_bytes" diagnostic to `doc` when `decoded` replaced bytes.
void NoteReplacedBytes(const DecodedText& decoded, DocumentBuilder& doc);

// Returns true iff `bytes` decode as GB18030 without an illegal sequence.
bool IsGb18030Text(std::string_view bytes);

// Returns true iff control characters (other than tab, line breaks and form
// feed) are under 1% of the first 64 KiB: text with some invalid bytes.
bool MostlyText(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_CHARSET_H_
