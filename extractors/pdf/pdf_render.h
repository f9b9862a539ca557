// Page images of a PDF, for the audit site: a page rendered by Poppler's
// Splash rasterizer with the boxes of chosen cells outlined, as PNG.
// Callers render in a child process (a crash in Poppler must not take the
// site with it).
#ifndef GONGKAI_EXTRACTORS_PDF_PDF_RENDER_H_
#define GONGKAI_EXTRACTORS_PDF_PDF_RENDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "src/model/document.h"
#include "src/model/status.h"

namespace gongkai {

// Returns page `page` (1-based) of the PDF `bytes` rendered at `dpi`, each
// box of `outlines` (points from the top-left corner, as the extractor
// gives cells' boxes) outlined in red, as PNG bytes: the band of the page
// from a little above the highest box (the table's header) to a little
// below the lowest, or the whole page when there are none. Errors:
// "damaged_pdf", "no_such_page", "render".
StatusOr<std::string> RenderPdfPagePng(std::string_view bytes, int page,
                                       double dpi,
                                       const std::vector<Box>& outlines);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_PDF_PDF_RENDER_H_
