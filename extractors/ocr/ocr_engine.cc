// The OCR module (see ocr_api.h): Leptonica for the image work, Tesseract's
// C++ API for the reading. Built as libgongkai_ocr.so and loaded on demand.
//
// A page: binarized (Sauvola, which keeps faint borders), deskewed by the
// skew Leptonica finds in the text lines, its rulings found by morphology
// (a thickening across the line, then an opening along it a quarter inch
// long, which keeps broken and 1-pixel lines and drops text), segments
// merged when collinear (broken lines) or parallel and a few pixels apart
// (double borders). The rulings are erased and the rest read once with
// `chi_sim`, character by character. Boxes are read again digits-only with
// `eng`, first on the Sauvola binarization, then on the grey image, where
// Tesseract binarizes by its own Otsu threshold.
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>

#include "extractors/ocr/ocr_api.h"

namespace gongkai {
namespace {

struct PixFree {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using Pix = std::unique_ptr<PIX, PixFree>;
struct BoxaFree {
  void operator()(BOXA* b) const { boxaDestroy(&b); }
};

struct Engine {
  tesseract::TessBaseAPI text, digits;
};

struct Page {
  Pix grey, binary, clean;  // deskewed; `clean` has its rulings erased
  double dpi = 0;
};

void* OpenEngine(std::string* error) {
  setMsgSeverity(L_SEVERITY_NONE);  // failures come back as return values
  auto engine = std::make_unique<Engine>();
  if (engine->text.Init(nullptr, "chi_sim", tesseract::OEM_LSTM_ONLY) != 0 ||
      engine->digits.Init(nullptr, "eng", tesseract::OEM_LSTM_ONLY) != 0) {
    *error =
        "the Tesseract models chi_sim and eng are not installed "
        "(apt-get install tesseract-ocr-chi-sim tesseract-ocr-eng)";
    return nullptr;
  }
  for (tesseract::TessBaseAPI* api : {&engine->text, &engine->digits}) {
    api->SetVariable("debug_file", "/dev/null");
    api->SetVariable("user_defined_dpi", "300");
  }
  engine->digits.SetVariable("tessedit_char_whitelist", "0123456789.-");
  engine->digits.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  engine->text.SetPageSegMode(tesseract::PSM_SPARSE_TEXT);
  return engine.release();
}

bool DecodeImage(std::string_view bytes, double max_pixels, OcrGray* out,
                 std::string* error) {
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (pixReadHeaderMem(reinterpret_cast<const l_uint8*>(bytes.data()),
                       bytes.size(), &format, &w, &h, &bps, &spp, &cmap) != 0 ||
      w <= 0 || h <= 0) {
    *error = "the image header cannot be read";
    return false;
  }
  if (static_cast<double>(w) * h > max_pixels) {
    *error = "the image has " + std::to_string(w) + " x " + std::to_string(h) +
             " pixels, more than the limit";
    return false;
  }
  Pix pix(
      pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
  if (!pix) {
    *error = "the image cannot be decoded";
    return false;
  }
  const bool colour = pixGetDepth(pix.get()) == 32;
  Pix grey(colour ? pixConvertRGBToLuminance(pix.get())
                  : pixConvertTo8(pix.get(), 0));
  Pix red(colour ? pixGetRGBComponent(pix.get(), COLOR_RED) : nullptr);
  if (!grey || (colour && !red)) {
    *error = "the image has a depth that cannot be read";
    return false;
  }
  out->width = pixGetWidth(grey.get());
  out->height = pixGetHeight(grey.get());
  const int xres = pixGetXRes(pix.get());
  out->dpi = xres >= 72 && xres <= 1200 ? xres : 0;
  auto copy = [&](PIX* from, std::vector<uint8_t>* to) {
    to->resize(static_cast<size_t>(out->width) * out->height);
    for (int y = 0; y < out->height; ++y) {
      const l_uint32* line = pixGetData(from) + y * pixGetWpl(from);
      for (int x = 0; x < out->width; ++x)
        (*to)[static_cast<size_t>(y) * out->width + x] =
            static_cast<uint8_t>(GET_DATA_BYTE(line, x));
    }
  };
  copy(grey.get(), &out->pixels);
  if (red) copy(red.get(), &out->red);
  return true;
}

// Returns the luminance of `image` as a Leptonica image, or its red
// channel when `red_channel` (which requires image.red).
Pix FromGrey(const OcrGray& image, bool red_channel) {
  const std::vector<uint8_t>& pixels = red_channel ? image.red : image.pixels;
  Pix pix(pixCreate(image.width, image.height, 8));
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < image.height; ++y) {
    l_uint32* line = data + y * wpl;
    const uint8_t* src = &pixels[static_cast<size_t>(y) * image.width];
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, src[x]);
  }
  const int dpi = static_cast<int>(std::lround(image.dpi));
  pixSetResolution(pix.get(), dpi, dpi);
  return pix;
}

Pix Binarize(PIX* grey, double dpi) {
  PIX* out = nullptr;
  const int window = std::max(7, static_cast<int>(dpi / 12));
  if (pixSauvolaBinarize(grey, window, 0.34f, 1, nullptr, nullptr, nullptr,
                         &out) != 0)
    return nullptr;
  return Pix(out);
}

// Returns `grey` thresholded at kLineContrast below its paper (the median
// grey level), or nullptr when that fails.
constexpr int kLineContrast = 60;
Pix LineBinary(PIX* grey) {
  l_uint32 paper = 255;
  if (pixGetRankValue(grey, 4, 0.5f, &paper) != 0) return nullptr;
  const int threshold =
      std::clamp(static_cast<int>(paper) - kLineContrast, 100, 230);
  return Pix(pixThresholdToBinary(grey, threshold));
}

// Rulings of one direction from the line image `lines`, merged; `x`-major
// when vertical. Each ruling is a Box with y0 == y1 (horizontal) or
// x0 == x1 (vertical), in pixels.
std::vector<Box> Rulings(PIX* lines, bool horizontal, double dpi) {
  std::vector<Box> found;
  std::unique_ptr<BOXA, BoxaFree> boxes(pixConnCompBB(lines, 8));
  if (!boxes) return found;
  const double max_thickness = dpi / 12, near = dpi / 40, gap = dpi / 10;
  for (int i = 0; i < boxaGetCount(boxes.get()); ++i) {
    l_int32 x, y, w, h;
    boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h);
    const double thickness = horizontal ? h : w;
    if (thickness > max_thickness) continue;
    if (horizontal) {
      found.push_back({double(x), y + h / 2.0, double(x + w), y + h / 2.0});
    } else {
      found.push_back({x + w / 2.0, double(y), x + w / 2.0, double(y + h)});
    }
  }
  // Position across the line, extent along it.
  auto across = [&](const Box& b) { return horizontal ? b.y0 : b.x0; };
  auto from = [&](const Box& b) { return horizontal ? b.x0 : b.y0; };
  auto to = [&](const Box& b) { return horizontal ? b.x1 : b.y1; };
  std::sort(found.begin(), found.end(), [&](const Box& a, const Box& b) {
    return across(a) < across(b) ||
           (across(a) == across(b) && from(a) < from(b));
  });
  std::vector<Box> merged;
  std::vector<bool> used(found.size(), false);
  for (size_t i = 0; i < found.size(); ++i) {
    if (used[i]) continue;
    Box m = found[i];
    double sum = across(m) * (to(m) - from(m)), weight = to(m) - from(m);
    for (bool grew = true; grew;) {
      grew = false;
      for (size_t j = i + 1; j < found.size(); ++j) {
        if (used[j]) continue;
        const Box& b = found[j];
        if (across(b) - across(m) > 2 * near + max_thickness) break;
        if (std::abs(across(b) - sum / weight) > near) continue;
        if (from(b) > to(m) + gap || to(b) < from(m) - gap) continue;
        used[j] = grew = true;
        const double len = to(b) - from(b);
        sum += across(b) * len;
        weight += len;
        const double lo = std::min(from(m), from(b)),
                     hi = std::max(to(m), to(b));
        const double c = sum / std::max(weight, 1.0);
        m = horizontal ? Box{lo, c, hi, c} : Box{c, lo, c, hi};
      }
    }
    const double c = sum / std::max(weight, 1.0);
    m = horizontal ? Box{from(m), c, to(m), c} : Box{c, from(m), c, to(m)};
    if (to(m) - from(m) >= dpi / 4) merged.push_back(m);
  }
  return merged;
}

// Returns the rulings of `mine` (horizontal iff `horizontal`) that make a
// grid with `theirs`: each end meets a line of the other direction within
// `reach`, or the line is an inch long or more. The strokes of a large
// title (丨, 一) pass the opening but meet nothing.
std::vector<Box> GridLines(const std::vector<Box>& mine,
                           const std::vector<Box>& theirs, bool horizontal,
                           double dpi) {
  const double reach = dpi / 20;
  auto meets = [&](double x, double y) {
    for (const Box& t : theirs) {
      const bool hit = horizontal ? std::abs(t.x0 - x) <= reach &&
                                        y >= t.y0 - reach && y <= t.y1 + reach
                                  : std::abs(t.y0 - y) <= reach &&
                                        x >= t.x0 - reach && x <= t.x1 + reach;
      if (hit) return true;
    }
    return false;
  };
  std::vector<Box> kept;
  for (const Box& b : mine) {
    const double length = horizontal ? b.x1 - b.x0 : b.y1 - b.y0;
    if (length >= dpi || (meets(b.x0, b.y0) && meets(b.x1, b.y1)))
      kept.push_back(b);
  }
  return kept;
}

// Returns `pix` rotated by `degrees`, white brought in.
Pix Rotated(PIX* pix, float degrees) {
  return Pix(pixRotate(pix, degrees * static_cast<float>(M_PI / 180),
                       L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
}

bool ScanPage(void* engine_ptr, const OcrGray& image, OcrScan* out,
              std::string* error) {
  auto* engine = static_cast<Engine*>(engine_ptr);
  const double dpi = image.dpi > 0 ? image.dpi : 300;
  if (image.width < dpi / 4 || image.height < dpi / 4) {
    out->width = image.width * 72.0 / dpi;  // a page too small to hold text
    out->height = image.height * 72.0 / dpi;
    out->page = new Page{FromGrey(image, false), nullptr, nullptr, dpi};
    return true;
  }
  // A page in colour is read by its red channel: a red seal fades. (A
  // title printed in red fades too; reading the text from the luminance
  // instead let the seal's strokes into the cells it covers, where they
  // read as characters and turned numbers into labels.)
  Pix grey = FromGrey(image, !image.red.empty());
  Pix binary = Binarize(grey.get(), dpi);
  if (!binary) {
    *error = "the page could not be binarized";
    return false;
  }
  l_float32 angle = 0, confidence = 0;
  if (pixFindSkew(binary.get(), &angle, &confidence) == 0 && confidence > 2.5 &&
      std::abs(angle) > 0.05 && std::abs(angle) < 5) {
    grey = Rotated(grey.get(), angle);
    binary = Binarize(grey.get(), dpi);
    if (!binary) {
      *error = "the page could not be binarized";
      return false;
    }
    out->skew_degrees = angle;
  }
  const int length = std::max(20, static_cast<int>(dpi / 4));
  // Rulings are looked for in a binarization of their own: everything
  // clearly darker than the paper. Sauvola drops a 1-pixel line that blur
  // has spread into a light grey band; noise on white paper stays far above
  // this threshold, and the opening drops text whatever its darkness.
  Pix lines_binary = LineBinary(grey.get());
  PIX* for_lines = lines_binary ? lines_binary.get() : binary.get();
  Pix thick_h(pixDilateBrick(nullptr, for_lines, 1, 3));
  Pix thick_v(pixDilateBrick(nullptr, for_lines, 3, 1));
  Pix h_lines(pixOpenBrick(nullptr, thick_h.get(), length, 1));
  Pix v_lines(pixOpenBrick(nullptr, thick_v.get(), 1, length));
  const std::vector<Box> h_found = Rulings(h_lines.get(), true, dpi),
                         v_found = Rulings(v_lines.get(), false, dpi);
  const std::vector<Box> h_kept = GridLines(h_found, v_found, true, dpi),
                         v_kept = GridLines(v_found, h_found, false, dpi);
  // Only the kept rulings are erased: a title's strokes stay in its text.
  Pix drawn(
      pixCreate(pixGetWidth(h_lines.get()), pixGetHeight(h_lines.get()), 1));
  const double to_points = 72.0 / dpi;
  const int band = std::max(3, static_cast<int>(dpi / 25));
  for (const auto* kept : {&h_kept, &v_kept}) {
    for (const Box& b : *kept) {
      pixRenderLine(drawn.get(), static_cast<int>(b.x0), static_cast<int>(b.y0),
                    static_cast<int>(b.x1), static_cast<int>(b.y1), band,
                    L_SET_PIXELS);
      out->rulings.push_back({b.x0 * to_points, b.y0 * to_points,
                              b.x1 * to_points, b.y1 * to_points});
    }
  }
  Pix mask(pixOr(nullptr, h_lines.get(), v_lines.get()));
  pixAnd(mask.get(), mask.get(), drawn.get());
  pixDilateBrick(mask.get(), mask.get(), 3, 3);
  auto erase = [&](PIX* from) {
    Pix erased(pixSubtract(nullptr, from, mask.get()));
    return Pix(pixSelectBySize(erased.get(), 3, 3, 8, L_SELECT_IF_EITHER,
                               L_SELECT_IF_GTE, nullptr));
  };
  Pix clean = erase(binary.get());
  out->width = pixGetWidth(grey.get()) * to_points;
  out->height = pixGetHeight(grey.get()) * to_points;

  tesseract::TessBaseAPI& api = engine->text;
  api.SetImage(clean.get());
  api.SetSourceResolution(static_cast<int>(dpi));
  if (api.Recognize(nullptr) == 0) {
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (it) {
      do {
        std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
        // A symbol's box is tight around its ink (一 is a few pixels
        // high): it takes its text line's height, as a PDF glyph has its
        // font's, so that lines group as they do in a text layer.
        int x0, y0, x1, y1, lx0, ly0, lx1, ly1;
        if (!text ||
            !it->BoundingBox(tesseract::RIL_SYMBOL, &x0, &y0, &x1, &y1) ||
            !it->BoundingBox(tesseract::RIL_TEXTLINE, &lx0, &ly0, &lx1, &ly1))
          continue;
        y0 = ly0;
        y1 = ly1;
        out->glyphs.push_back(
            {{x0 * to_points, y0 * to_points, x1 * to_points, y1 * to_points},
             text.get(),
             it->Confidence(tesseract::RIL_SYMBOL) / 100});
      } while (it->Next(tesseract::RIL_SYMBOL));
    }
  }
  api.Clear();
  auto* page =
      new Page{std::move(grey), std::move(binary), std::move(clean), dpi};
  out->page = page;
  return true;
}

// Returns the digits-only reading of `pix` (a cell's crop).
void ReadDigits(tesseract::TessBaseAPI& api, PIX* pix, double dpi,
                OcrBoxReading* out) {
  Pix framed(pixAddBorder(pix, static_cast<int>(dpi / 15),
                          pixGetDepth(pix) == 1 ? 0 : 255));
  api.SetImage(framed.get());
  api.SetSourceResolution(static_cast<int>(dpi));
  std::unique_ptr<char[]> text(api.GetUTF8Text());
  std::string s = text ? text.get() : "";
  s.erase(std::remove_if(s.begin(), s.end(),
                         [](char c) { return c == ' ' || c == '\n'; }),
          s.end());
  out->texts.push_back(s);
  out->confidences.push_back(api.MeanTextConf() / 100.0f);
  api.Clear();
}

void ReadBoxes(void* engine_ptr, void* page_ptr, const std::vector<Box>& boxes,
               int pass, std::vector<OcrBoxReading>* out) {
  auto* engine = static_cast<Engine*>(engine_ptr);
  auto* page = static_cast<Page*>(page_ptr);
  const double scale = page->dpi / 72.0, inset = page->dpi / 60;
  const int w = pixGetWidth(page->clean.get()),
            h = pixGetHeight(page->clean.get());
  for (const Box& b : boxes) {
    OcrBoxReading reading;
    if (!page->clean) {
      out->push_back(reading);
      continue;
    }
    const int x0 = std::clamp(static_cast<int>(b.x0 * scale + inset), 0, w - 1),
              y0 = std::clamp(static_cast<int>(b.y0 * scale + inset), 0, h - 1),
              x1 =
                  std::clamp(static_cast<int>(b.x1 * scale - inset), x0 + 1, w),
              y1 =
                  std::clamp(static_cast<int>(b.y1 * scale - inset), y0 + 1, h);
    BOX* box = boxCreate(x0, y0, x1 - x0, y1 - y0);
    Pix ink(pixClipRectangle(page->clean.get(), box, nullptr));
    l_int32 count = 0;
    if (ink) pixCountPixels(ink.get(), &count, nullptr);
    const double min_ink = page->dpi * page->dpi / 4000;
    reading.ink = count >= min_ink;
    if (reading.ink && pass == 0) {
      ReadDigits(engine->digits, ink.get(), page->dpi, &reading);
    } else if (reading.ink) {
      Pix grey(pixClipRectangle(page->grey.get(), box, nullptr));
      if (grey) ReadDigits(engine->digits, grey.get(), page->dpi, &reading);
    }
    boxDestroy(&box);
    out->push_back(std::move(reading));
  }
}

void ReleasePage(void* page) { delete static_cast<Page*>(page); }

const OcrApi kApi = {kOcrAbi,  OpenEngine, DecodeImage,
                     ScanPage, ReadBoxes,  ReleasePage};

}  // namespace
}  // namespace gongkai

extern "C" const gongkai::OcrApi* GongkaiOcrApi() { return &gongkai::kApi; }
