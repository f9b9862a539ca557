// The PDF extractor: Poppler adapter (open, metadata, errors) and the page
// collector; layout is in pdf_layout.cc.
#include "extractors/pdf/pdf_extractor.h"

#include <poppler/Annot.h>
#include <poppler/Error.h>
#include <poppler/GfxState.h>
#include <poppler/GlobalParams.h>
#include <poppler/PDFDoc.h>
#include <poppler/SplashOutputDev.h>
#include <poppler/Stream.h>
#include <poppler/TextOutputDev.h>
#include <poppler/goo/GooString.h>
#include <poppler/splash/SplashBitmap.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <tuple>
#include <utility>

#include "extractors/ocr/ocr_reader.h"
#include "extractors/pdf/pdf_layout.h"
#include "src/model/utf8.h"

namespace gongkai {
namespace {

// Poppler reports problems through one process-wide callback; while a PDF
// is extracted its messages go to that document's diagnostics (bounded and
// escaped by the builder), never to the terminal.
thread_local DocumentBuilder* poppler_diagnostics = nullptr;

void CollectPopplerError(ErrorCategory category, Goffset pos,
                         const char* message) {
  if (!poppler_diagnostics || !message) return;
  if (category == errConfig || category == errCommandLine) return;
  poppler_diagnostics->AddDiagnostic(
      "pdf_warning",
      std::string("Poppler: ") + message +
          (pos >= 0 ? " (at byte " + std::to_string(pos) + ")" : ""));
}

// Scoped: routes Poppler's messages to `doc` until destroyed.
class CollectPopplerErrors {
 public:
  explicit CollectPopplerErrors(DocumentBuilder* doc) {
    poppler_diagnostics = doc;
  }
  ~CollectPopplerErrors() { poppler_diagnostics = nullptr; }
};

// Form widgets (buttons, signature and text fields) are not drawn: the
// reports' text is in the page content, and drawing widgets' appearance
// streams cost up to a third of Poppler's time on some reports. Checked
// glyph for glyph on corpus/ (the extract output is unchanged).
bool DrawAnnotation(Annot* annot, void* /*data*/) {
  return annot->getType() != Annot::typeWidget;
}

}  // namespace

void PreloadPoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    globalParams = std::make_unique<GlobalParams>();
    setErrorCallback(CollectPopplerError);
  });
}

namespace {

// Turns a page whose text mostly runs sideways or upside down (a wide
// table printed turned on the page, or a page with /Rotate) so that it
// runs left to right: every glyph box and ruling line is mapped by the
// rotation that makes text of `rotation` (1: top to bottom, 2: right to
// left, 3: bottom to top) upright.
void TurnUpright(int rotation, PdfPage* page) {
  const double w = page->width, h = page->height;
  auto turn = [&](double x, double y) -> std::pair<double, double> {
    if (rotation == 1) return {y, w - x};
    if (rotation == 2) return {w - x, h - y};
    return {h - y, x};
  };
  for (PdfGlyph& g : page->glyphs) {
    auto [ax, ay] = turn(g.box.x0, g.box.y0);
    auto [bx, by] = turn(g.box.x1, g.box.y1);
    g.box = Box{std::min(ax, bx), std::min(ay, by), std::max(ax, bx),
                std::max(ay, by)};
  }
  for (PdfSegment& s : page->segments) {
    std::tie(s.x0, s.y0) = turn(s.x0, s.y0);
    std::tie(s.x1, s.y1) = turn(s.x1, s.y1);
  }
  if (rotation != 2) std::swap(page->width, page->height);
}

// Collects words (via TextOutputDev) and ruling lines in one pass.
class PageCollector : public TextOutputDev {
 public:
  PageCollector() : TextOutputDev(nullptr, nullptr, false, 0, true, false) {}

  void startPage(int page_num, GfxState* state, XRef* xref) override {
    segments_.clear();
    width_ = state ? state->getPageWidth() : 0;
    height_ = state ? state->getPageHeight() : 0;
    TextOutputDev::startPage(page_num, state, xref);
  }
  void stroke(GfxState* state) override {
    AddPath(state, false);
    TextOutputDev::stroke(state);
  }
  void fill(GfxState* state) override {
    AddPath(state, true);
    TextOutputDev::fill(state);
  }
  void eoFill(GfxState* state) override {
    AddPath(state, true);
    TextOutputDev::eoFill(state);
  }

  // Returns the page collected by the last displayPage().
  PdfPage TakePage(int number) {
    PdfPage page;
    page.number = number;
    page.width = width_;
    page.height = height_;
    page.segments = std::move(segments_);
    std::unique_ptr<TextWordList> words = makeWordList();
    int glyphs_by_rotation[4] = {0, 0, 0, 0};
    for (int i = 0; words && i < words->getLength(); ++i) {
      const TextWord* w = words->get(i);
      glyphs_by_rotation[w->getRotation() & 3] += w->getLength();
      for (int c = 0; c < w->getLength(); ++c) {
        PdfGlyph g;
        w->getCharBBox(c, &g.box.x0, &g.box.y0, &g.box.x1, &g.box.y1);
        g.text = EncodeUtf8(static_cast<char32_t>(*w->getChar(c)));
        g.font_size = w->getFontSize();
        page.glyphs.push_back(std::move(g));
      }
    }
    const int rotation = static_cast<int>(
        std::max_element(glyphs_by_rotation, glyphs_by_rotation + 4) -
        glyphs_by_rotation);
    if (rotation != 0) TurnUpright(rotation, &page);
    return page;
  }

 private:
  static constexpr double kThin = 2.5;
  static constexpr size_t kMaxSegmentsPerPage = 20000;

  void AddPath(GfxState* state, bool filled) {
    const GfxPath* path = state->getPath();
    if (!path) return;
    for (int i = 0;
         i < path->getNumSubpaths() && segments_.size() < kMaxSegmentsPerPage;
         ++i) {
      const GfxSubpath* sub = path->getSubpath(i);
      const int n = sub->getNumPoints();
      if (n < 2) continue;
      std::vector<std::pair<double, double>> pts;
      for (int j = 0; j < n; ++j) {
        double x, y;
        state->transform(sub->getX(j), sub->getY(j), &x, &y);
        pts.emplace_back(x, y);
      }
      if (filled) {
        AddFilledBox(pts);
        continue;
      }
      for (int j = 1; j < n; ++j) {
        if (sub->getCurve(j)) continue;
        segments_.push_back(
            {pts[j - 1].first, pts[j - 1].second, pts[j].first, pts[j].second});
      }
    }
  }

  // A thin filled box is a line. Larger filled boxes are not borders: WPS
  // paints white boxes behind lines of text, and cell shading coincides with
  // stroked borders.
  void AddFilledBox(const std::vector<std::pair<double, double>>& pts) {
    double x0 = pts[0].first, x1 = x0, y0 = pts[0].second, y1 = y0;
    for (const auto& [x, y] : pts) {
      x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y),
      y1 = std::max(y1, y);
    }
    const double w = x1 - x0, h = y1 - y0;
    if (w < kThin && h < kThin) return;
    if (h < kThin) {
      segments_.push_back({x0, (y0 + y1) / 2, x1, (y0 + y1) / 2});
    } else if (w < kThin) {
      segments_.push_back({(x0 + x1) / 2, y0, (x0 + x1) / 2, y1});
    }
  }

  std::vector<PdfSegment> segments_;
  double width_ = 0, height_ = 0;
};

// PDF text strings: UTF-16 with a BOM, UTF-8 with a BOM, else
// PDFDocEncoding (read as Latin-1, which agrees on letters and digits).
std::string PdfTextString(const GooString* s) {
  if (!s) return "";
  const std::string& raw = s->toStr();
  std::string out;
  const bool be = raw.rfind("\xFE\xFF", 0) == 0,
             le = raw.rfind("\xFF\xFE", 0) == 0;
  if (be || le) {  // Poppler may hand back either byte order
    icu::UnicodeString u(raw.data() + 2, static_cast<int32_t>(raw.size() - 2),
                         be ? "UTF-16BE" : "UTF-16LE");
    u.toUTF8String(out);
  } else if (raw.rfind("\xEF\xBB\xBF", 0) == 0) {
    out = raw.substr(3);
  } else {
    icu::UnicodeString u(raw.data(), static_cast<int32_t>(raw.size()),
                         "ISO-8859-1");
    u.toUTF8String(out);
  }
  return out;
}

// Returns page `page` of `doc` rendered in grey for OCR at `dpi`, or less
// where the page is so large that it would pass `max_pixels`.
OcrGray RenderGrey(PDFDoc& doc, int page, double dpi, double max_pixels) {
  OcrGray image;
  const double inches2 = doc.getPageMediaWidth(page) *
                         doc.getPageMediaHeight(page) / (72.0 * 72.0);
  if (inches2 > 0 && inches2 * dpi * dpi > max_pixels)
    dpi = std::sqrt(max_pixels / inches2);
  SplashColor paper = {255, 255, 255};
  SplashOutputDev device(splashModeRGB8, 4, false, paper);
  device.startDoc(&doc);
  doc.displayPage(&device, page, dpi, dpi, 0, true, false, false);
  SplashBitmap* bitmap = device.getBitmap();
  if (!bitmap || bitmap->getWidth() <= 0) return image;
  image.width = bitmap->getWidth();
  image.height = bitmap->getHeight();
  image.dpi = dpi;
  image.pixels.resize(static_cast<size_t>(image.width) * image.height);
  // The luminance, and the red channel when the page has colour (the OCR
  // reads rulings and numbers from it: a red seal fades).
  image.red.resize(image.pixels.size());
  bool colour = false;
  for (int y = 0; y < image.height; ++y) {
    const unsigned char* row = bitmap->getDataPtr() + y * bitmap->getRowSize();
    const size_t at = static_cast<size_t>(y) * image.width;
    for (int x = 0; x < image.width; ++x) {
      const int r = row[3 * x], g = row[3 * x + 1], b = row[3 * x + 2];
      image.pixels[at + x] =
          static_cast<uint8_t>((299 * r + 587 * g + 114 * b) / 1000);
      image.red[at + x] = static_cast<uint8_t>(r);
      colour = colour || r != g || g != b;
    }
  }
  if (!colour) image.red = {};
  return image;
}

std::string InfoEntry(PDFDoc& doc, const char* key) {
  std::unique_ptr<GooString> value = doc.getDocInfoStringEntry(key);
  return PdfTextString(value.get());
}

}  // namespace

StatusOr<Document> ExtractPdf(std::string_view bytes, const Limits& limits,
                              const Lexicon& lexicon) {
  PreloadPoppler();
  DocumentBuilder out;
  CollectPopplerErrors collect(&out);
  // Poppler reads the buffer in place; it must outlive the PDFDoc.
  auto* stream = new MemStream(
      bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  PDFDoc doc(stream);
  if (!doc.isOk()) {
    if (doc.getErrorCode() == errEncrypted) {
      return Status::Error("extract", "encrypted",
                           "the PDF is encrypted and needs a password");
    }
    return Status::Error(
        "extract", "damaged_pdf",
        "the PDF is damaged and cannot be opened (Poppler error " +
            std::to_string(doc.getErrorCode()) + ")");
  }
  const int pages = doc.getNumPages();
  if (pages <= 0)
    return Status::Error("extract", "damaged_pdf", "the PDF has no pages");
  if (pages > limits.max_pages) {
    return Status::LimitExceeded("extract", "pages",
                                 "the PDF has " + std::to_string(pages) +
                                     " pages; the limit is " +
                                     std::to_string(limits.max_pages));
  }
  out.SetPages(pages);
  out.metadata().title = InfoEntry(doc, "Title");
  out.metadata().author = InfoEntry(doc, "Author");
  out.metadata().created = InfoEntry(doc, "CreationDate");
  out.metadata().modified = InfoEntry(doc, "ModDate");
  PageCollector collector;
  size_t glyphs = 0;
  Status ocr_failure = Status::Ok();
  for (int p = 1; p <= pages; ++p) {
    doc.displayPage(&collector, p, 72, 72, 0, true, false, false, nullptr,
                    nullptr, DrawAnnotation, nullptr);
    PdfPage page = collector.TakePage(p);
    glyphs += page.glyphs.size();
    if (page.glyphs.empty()) {  // a scanned page: read from its pixels
      if (ocr_failure.ok()) {
        ocr_failure = ReadPageByOcr(
            RenderGrey(doc, p, lexicon.numbers().ocr_render_dpi,
                       static_cast<double>(limits.max_image_pixels)),
            p, lexicon, &out);
      }
      continue;
    }
    std::vector<Block> blocks;
    LayoutPage(page, lexicon, &blocks);
    for (Block& b : blocks) out.AddBlock(std::move(b));
  }
  if (!ocr_failure.ok()) {
    if (glyphs == 0) {
      return Status::Error("extract", "no_text_layer",
                           "the PDF has no text layer (scanned pages) and "
                           "cannot be read by OCR: " +
                               ocr_failure.message());
    }
    out.AddDiagnostic(
        "ocr_failed",
        "pages without a text layer were not read: " + ocr_failure.message());
  }
  return out.Finish();
}

bool SniffPdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

}  // namespace gongkai
