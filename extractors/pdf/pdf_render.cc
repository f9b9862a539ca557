// Page images; see pdf_render.h.
#include "extractors/pdf/pdf_render.h"

#include <poppler/PDFDoc.h>
#include <poppler/SplashOutputDev.h>
#include <poppler/Stream.h>
#include <poppler/splash/SplashBitmap.h>
#include <poppler/splash/SplashErrorCodes.h>
#include <stdio.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "extractors/pdf/pdf_extractor.h"

namespace gongkai {
namespace {

// Points of the page kept above and below the outlined cells.
constexpr double kMarginAbove = 160, kMarginBelow = 40;

// Draws a red rectangle `width` pixels wide around box `b` (points) on an
// RGB bitmap rendered at `scale` pixels per point.
void Outline(SplashBitmap& bitmap, const Box& b, double scale, int width) {
  const int w = bitmap.getWidth(), h = bitmap.getHeight();
  const int x0 =
      std::clamp(static_cast<int>(std::floor(b.x0 * scale)), 0, w - 1);
  const int x1 =
      std::clamp(static_cast<int>(std::ceil(b.x1 * scale)), 0, w - 1);
  const int y0 =
      std::clamp(static_cast<int>(std::floor(b.y0 * scale)), 0, h - 1);
  const int y1 =
      std::clamp(static_cast<int>(std::ceil(b.y1 * scale)), 0, h - 1);
  unsigned char* data = bitmap.getDataPtr();
  const int row = bitmap.getRowSize();
  auto paint = [&](int x, int y) {
    unsigned char* p = data + y * row + 3 * x;
    p[0] = 220;
    p[1] = 0;
    p[2] = 0;
  };
  for (int k = 0; k < width; ++k) {
    for (int x = x0; x <= x1; ++x) {
      paint(x, std::min(y0 + k, h - 1));
      paint(x, std::max(y1 - k, 0));
    }
    for (int y = y0; y <= y1; ++y) {
      paint(std::min(x0 + k, w - 1), y);
      paint(std::max(x1 - k, 0), y);
    }
  }
}

}  // namespace

StatusOr<std::string> RenderPdfPagePng(std::string_view bytes, int page,
                                       double dpi,
                                       const std::vector<Box>& outlines) {
  PreloadPoppler();
  auto* stream = new MemStream(
      bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  PDFDoc doc(stream);
  if (!doc.isOk())
    return Status::Error("render", "damaged_pdf", "the PDF cannot be opened");
  if (page < 1 || page > doc.getNumPages())
    return Status::Error("render", "no_such_page",
                         "the PDF has no page " + std::to_string(page));
  SplashColor paper = {255, 255, 255};
  SplashOutputDev out(splashModeRGB8, 4, false, paper);
  out.startDoc(&doc);
  doc.displayPage(&out, page, dpi, dpi, 0, true, false, false);
  SplashBitmap* bitmap = out.getBitmap();
  if (!bitmap || bitmap->getWidth() <= 0)
    return Status::Error("render", "render", "the page was not rendered");
  for (const Box& b : outlines) Outline(*bitmap, b, dpi / 72.0, 2);
  // The band of the page that holds the outlined cells, with a margin
  // above (the table's header) and below; the whole width.
  int top = 0, bottom = bitmap->getHeight();
  if (!outlines.empty()) {
    double y0 = outlines[0].y0, y1 = outlines[0].y1;
    for (const Box& b : outlines) {
      y0 = std::min(y0, b.y0);
      y1 = std::max(y1, b.y1);
    }
    const double scale = dpi / 72.0;
    top = std::clamp(static_cast<int>((y0 - kMarginAbove) * scale), 0,
                     bitmap->getHeight() - 1);
    bottom = std::clamp(static_cast<int>((y1 + kMarginBelow) * scale), top + 1,
                        bitmap->getHeight());
  }
  SplashBitmap band(bitmap->getWidth(), bottom - top, 4, splashModeRGB8, false);
  for (int y = top; y < bottom; ++y) {
    std::copy_n(bitmap->getDataPtr() + y * bitmap->getRowSize(),
                3 * bitmap->getWidth(),
                band.getDataPtr() + (y - top) * band.getRowSize());
  }
  bitmap = &band;
  char* buffer = nullptr;
  size_t size = 0;
  FILE* f = open_memstream(&buffer, &size);
  if (!f) return Status::Error("render", "render", "no memory for the image");
  const SplashError error = bitmap->writeImgFile(splashFormatPng, f, dpi, dpi);
  fclose(f);
  std::string png(buffer ? buffer : "", buffer ? size : 0);
  free(buffer);
  if (error != splashOk || png.empty())
    return Status::Error("render", "render", "the PNG could not be written");
  return png;
}

}  // namespace gongkai
