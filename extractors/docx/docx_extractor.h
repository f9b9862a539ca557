// DOCX reports: the zip read with libzip, `word/document.xml` and
// `docProps/core.xml` with libxml2.
//
// Paragraphs and tables come in body order (content controls `w:sdt` are
// looked through); `w:gridSpan` becomes a column span and `w:vMerge` a row
// span; a table nested in a cell adds its text to the cell. Hostile files
// are bounded: the member count (Limits::max_zip_members), the bytes
// inflated from any member (Limits::max_unzipped_bytes, counted while
// reading, not taken from the zip header), the element depth
// (Limits::max_nesting); the XML parser loads no DTD, substitutes no
// external entity and never touches the network.
#ifndef GONGKAI_EXTRACTORS_DOCX_DOCX_EXTRACTOR_H_
#define GONGKAI_EXTRACTORS_DOCX_DOCX_EXTRACTOR_H_

#include <string_view>

#include "src/model/extractor.h"

namespace gongkai {

// Returns the document of a DOCX file. Errors: "bad_zip", "not_docx",
// "bad_xml", "limit_zip_members", "limit_unzipped_size", "limit_nesting".
StatusOr<Document> ExtractDocx(std::string_view bytes, const Limits& limits,
                               const Lexicon& lexicon);

// Returns true iff `bytes` are a zip archive holding word/document.xml
// (member names are stored uncompressed in the zip headers).
bool SniffDocx(std::string_view bytes);

// Returns true iff `bytes` are a zip archive (of any content).
bool SniffZip(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_DOCX_DOCX_EXTRACTOR_H_
