// Markdown, as the converters people run on PDFs and web pages write it
// (MinerU, marker, Docling, pandoc, LLM transcriptions): pipe tables
// (a separator row, escaped pipes `\|`, cells holding `<br>`), HTML tables
// set inside the Markdown, `#` headings, paragraphs over several lines, and
// page markers (`— 3 —`) between them. Part of the text extractor: a text
// file with pipe tables or `#` headings is read as Markdown.
#ifndef GONGKAI_EXTRACTORS_TEXT_MARKDOWN_H_
#define GONGKAI_EXTRACTORS_TEXT_MARKDOWN_H_

#include <string>

#include "src/model/document.h"
#include "src/model/extractor.h"

namespace gongkai {

// Returns true iff `text` (UTF-8) reads as Markdown: two pipe-table lines
// or more with a separator row, a `#` heading and a pipe-table line, or an
// HTML table set in the text (which was not sniffed as HTML: it does not
// start with a tag).
bool LooksLikeMarkdown(const std::string& text);

// Reads Markdown `text` (UTF-8) into `doc`. HTML tables inside it are read
// by the HTML extractor, under the same limits. Returns an error only when
// an embedded table does (a limit reached).
Status ReadMarkdown(const std::string& text, const Limits& limits,
                    const Lexicon& lexicon, DocumentBuilder& doc);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_TEXT_MARKDOWN_H_
