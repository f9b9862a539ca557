// Plain-text reports: dumps of a web page copied as text, one table cell per
// line (see corpus/real/lanzhou-ggzyjy-2022.txt).
//
// Conventions read: a line starting with a tab begins a table cell; an empty
// line ends a table row; a short line right after a cell line (no tab) is the
// rest of that cell, broken inside it (`（四）` / `无法提`); any other line is
// a paragraph. A line that ends in two values or more (`一、本年新收… 30 5
// 1 1 2 1 40`, as a page copied as text or `pdftotext -layout` prints a
// row), or in one after a gap of two spaces, is a table row of its own: its
// label, split at gaps of two spaces, then one cell per value. Files without
// a tab and with three such rows are laid out: a short line after a row is
// a label, other lines paragraphs, an unindented line joining the one above
// (prose wrapped at the line end). Other files without a tab are read one
// cell per line.
// UTF-8 (with or without BOM), UTF-16 with a BOM, and GB18030 (GBK) are read.
#ifndef GONGKAI_EXTRACTORS_TEXT_TEXT_EXTRACTOR_H_
#define GONGKAI_EXTRACTORS_TEXT_TEXT_EXTRACTOR_H_

#include <string_view>

#include "src/model/extractor.h"

namespace gongkai {

// Returns the document of a text dump, or an error for undecodable bytes.
StatusOr<Document> ExtractText(std::string_view bytes, const Limits& limits,
                               const Lexicon& lexicon);

// Returns true iff `bytes` are text: no NUL byte, and valid UTF-8, valid
// GB18030, or control characters under 1% of the first 64 KiB.
bool SniffText(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_TEXT_TEXT_EXTRACTOR_H_
