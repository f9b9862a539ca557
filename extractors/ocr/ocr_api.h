// The interface of the OCR module (libgongkai_ocr.so, built from
// ocr_engine.cc): Tesseract and Leptonica live in a module of their own,
// loaded with dlopen the first time a page has to be read from pixels
// (ocr_loader.h), because linking them into the program costs every run
// about 13 ms of dynamic loading, pages of text or not.
//
// The module knows nothing of reports: it decodes images, finds the ruling
// lines of a page and reads its characters (with lines erased), and reads
// chosen boxes again in a digits-only mode. The extractor (ocr_reader.h)
// lays the page out with the PDF extractor's geometry and decides what is a
// number. Coordinates are points (1/72 inch) from the top-left corner of
// the deskewed page.
#ifndef GONGKAI_EXTRACTORS_OCR_OCR_API_H_
#define GONGKAI_EXTRACTORS_OCR_OCR_API_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/model/document.h"

namespace gongkai {

// An 8-bit grey page image, row-major, 0 black, 255 white: its luminance,
// and, for a page in colour, its red channel too, which is what is read
// (a red seal fades in it).
struct OcrGray {
  int width = 0, height = 0;
  double dpi = 0;
  std::vector<uint8_t> pixels;
  std::vector<uint8_t> red;  // empty: no colour
};

struct OcrGlyph {
  Box box;
  std::string text;      // UTF-8, one character as Tesseract segmented it
  float confidence = 0;  // 0..1
};

struct OcrScan {
  double width = 0, height = 0;  // points
  double skew_degrees = 0;       // the rotation undone before reading
  std::vector<OcrGlyph> glyphs;  // read from the page with rulings erased
  std::vector<Box> rulings;      // horizontal (y0 == y1) or vertical lines
  void* page = nullptr;          // kept for ReadBoxes; release with Release
};

// The digits-only readings of one box: none when the box holds no ink.
struct OcrBoxReading {
  bool ink = false;
  std::vector<std::string> texts;  // one per binarization read
  std::vector<float> confidences;  // 0..1, one per text
};

struct OcrApi {
  int abi = 0;  // kOcrAbi of the module that was built with this header
  // Returns an engine (the Tesseract models loaded once per process), or
  // nullptr with the reason in *error.
  void* (*open_engine)(std::string* error);
  // Decodes PNG, JPEG or TIFF bytes to grey (a colour image with its red
  // channel). Returns false with *error, and
  // before decoding when the header says more than `max_pixels`.
  bool (*decode_image)(std::string_view bytes, double max_pixels, OcrGray* out,
                       std::string* error);
  // Deskews `image`, finds its rulings and reads its characters.
  bool (*scan_page)(void* engine, const OcrGray& image, OcrScan* out,
                    std::string* error);
  // Reads each of `boxes` of a scanned page digits-only in one pass: 0
  // the Sauvola binarization, 1 the grey image (Tesseract's own Otsu).
  // `out` gets one reading per box.
  void (*read_boxes)(void* engine, void* page, const std::vector<Box>& boxes,
                     int pass, std::vector<OcrBoxReading>* out);
  void (*release_page)(void* page);
};

constexpr int kOcrAbi = 2;

}  // namespace gongkai

// The module's one entry point.
extern "C" const gongkai::OcrApi* GongkaiOcrApi();

#endif  // GONGKAI_EXTRACTORS_OCR_OCR_API_H_
