// HTML reports, read with libxml2's HTML parser.
//
// The encoding is decided here (extractors/charset.h: BOM, then the charset
// of a meta tag, then detection) and the page is handed to libxml2 as UTF-8,
// so that libxml2 never switches encodings on its own. The parser runs with
// no network access and loads no external entity or DTD. Tables become
// Table blocks with rowspan/colspan as spans; headings, paragraphs and other
// block elements become paragraphs. Element depth is bounded
// (Limits::max_nesting); deeper documents give a "limit_nesting" error.
#ifndef GONGKAI_EXTRACTORS_HTML_HTML_EXTRACTOR_H_
#define GONGKAI_EXTRACTORS_HTML_HTML_EXTRACTOR_H_

#include <string>
#include <string_view>

#include "src/model/extractor.h"

namespace gongkai {

// Returns the document of an HTML page.
StatusOr<Document> ExtractHtml(std::string_view bytes, const Limits& limits,
                               const Lexicon& lexicon);

// Returns true iff `bytes` look like HTML: an <html>, doctype, <table>,
// <body> or <meta> tag in the first 4 KiB, or an article body without them
// (four tags or more of body elements: <p>, </div>, <br/>, ...); and no NUL
// byte unless a UTF-16 byte-order mark explains it.
bool SniffHtml(std::string_view bytes);

// Returns the charset declared by a meta tag in the first 4 KiB of `bytes`
// (lower-case, e.g. "gb2312"), or "" if none.
std::string DeclaredHtmlCharset(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_HTML_HTML_EXTRACTOR_H_
