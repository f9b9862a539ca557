// PDF reports, read with Poppler (the private API of libpoppler, pinned to
// Debian 12's 22.12).
//
// One pass over each page: a TextOutputDev subclass collects the words (with
// per-character boxes and font sizes, as pdftotext does) and, from the same
// content-stream interpretation, the ruling lines (stroked segments and thin
// filled boxes). pdf_layout.h turns them into tables and paragraphs.
// Encrypted files (a password is needed), damaged files and files with no
// text layer (scanned images) give clear errors.
#ifndef GONGKAI_EXTRACTORS_PDF_PDF_EXTRACTOR_H_
#define GONGKAI_EXTRACTORS_PDF_PDF_EXTRACTOR_H_

#include <string_view>

#include "src/model/extractor.h"

namespace gongkai {

// Returns the document of a PDF file. Errors: "encrypted", "damaged_pdf",
// "no_text_layer", "limit_pages".
StatusOr<Document> ExtractPdf(std::string_view bytes, const Limits& limits,
                              const Lexicon& lexicon);

// Returns true iff `bytes` are a PDF: "%PDF-" at the start or within the
// first KiB (some files carry a prefix before it).
bool SniffPdf(std::string_view bytes);

// Sets up Poppler's process-wide state (its global parameters, the error
// callback): done once, before workers are forked, so that no worker pays
// it again.
void PreloadPoppler();

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_PDF_PDF_EXTRACTOR_H_
