// Page images (PNG, JPEG, TIFF: a report photographed or scanned page by
// page, or one page of it) read by OCR as one page (ocr_reader.h).
#ifndef GONGKAI_EXTRACTORS_OCR_IMAGE_EXTRACTOR_H_
#define GONGKAI_EXTRACTORS_OCR_IMAGE_EXTRACTOR_H_

#include <string_view>

#include "src/model/extractor.h"

namespace gongkai {

// Returns the document of one page image. Errors: "ocr_unavailable",
// "damaged_image", "ocr", "limit_pixels".
StatusOr<Document> ExtractImage(std::string_view bytes, const Limits& limits,
                                const Lexicon& lexicon);

// Returns true iff `bytes` start with the signature of PNG, JPEG or TIFF.
bool SniffImage(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_OCR_IMAGE_EXTRACTOR_H_
