// Pages read from pixels: a page image goes through the OCR module
// (ocr_api.h) and comes out as the blocks the PDF extractor would make of
// the same page — the rulings and characters laid out by pdf_layout.h, so
// that a scanned table has the grid, spans and boxes of a drawn one.
//
// Every table cell that is not a label (no Han character in the page-level
// reading) is read again on its own, digits-only, and settled by
// SettleCell(): the readings must agree and be confident, or the cell is
// uncertain and its figure is left to the identities (reconcile/settle.h).
#ifndef GONGKAI_EXTRACTORS_OCR_OCR_READER_H_
#define GONGKAI_EXTRACTORS_OCR_OCR_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractors/ocr/ocr_api.h"
#include "src/model/document.h"
#include "src/model/lexicon.h"
#include "src/model/status.h"

namespace gongkai {

// What one number cell comes to.
struct CellVerdict {
  std::string raw;                    // the reading the cell keeps
  double confidence = 0;              // the lowest of the agreeing readings
  bool uncertain = false;             // readings disagree or are not sure
  std::vector<std::string> readings;  // page-level first, then per pass
};

// Returns the verdict on a cell whose page-level reading is `page_text`
// and whose digits-only readings are `digits`. Certain iff at least two
// readings hold a number, every reading holding digits agrees on them,
// and every digits-only confidence is at least `min_confidence` (or three
// readings agree); a cell
// with no ink and no page-level text is blank and certain; an NA marker
// is certain when the digits-only readings saw nothing or a dash.
CellVerdict SettleCell(std::string_view page_text, const OcrBoxReading& digits,
                       double min_confidence, const Lexicon& lexicon);

// Appends the blocks of page `page` (1-based), read from `image`, to `out`,
// with a diagnostic saying it was read by OCR. Errors (stage "extract"):
// "ocr_unavailable" (module or models missing), "ocr" (the page could not
// be read).
Status ReadPageByOcr(const OcrGray& image, int page, const Lexicon& lexicon,
                     DocumentBuilder* out);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_OCR_OCR_READER_H_
