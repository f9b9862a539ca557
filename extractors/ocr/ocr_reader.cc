// Pages read from pixels; see ocr_reader.h.
#include "extractors/ocr/ocr_reader.h"

#include <cmath>
#include <cstdio>

#include "extractors/ocr/ocr_loader.h"
#include "extractors/pdf/pdf_layout.h"
#include "extractors/value_token.h"
#include "src/model/utf8.h"

namespace gongkai {
namespace {

// Returns true iff `s` holds a Han character (a label, not a number).
bool HasHan(std::string_view s) {
  for (char32_t c : DecodeUtf8(s)) {
    if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF))
      return true;
  }
  return false;
}

// Returns the digits, point and minus of `s`, in order.
std::string DigitsOf(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= '0' && c <= '9') || c == '.' || c == '-') out += c;
  }
  return out;
}

std::string Compact(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\t') out += c;
  }
  return out;
}

}  // namespace

CellVerdict SettleCell(std::string_view page_text, const OcrBoxReading& digits,
                       double min_confidence, const Lexicon& lexicon) {
  CellVerdict v;
  const std::string page = Compact(page_text);
  v.readings.push_back(page);
  for (const std::string& t : digits.texts) v.readings.push_back(t);
  if (!digits.ink && page.empty()) {
    v.confidence = 1;
    return v;  // blank
  }
  bool confident = true;
  v.confidence = 1;
  for (float c : digits.confidences) {
    v.confidence = std::min<double>(v.confidence, c);
    if (c < min_confidence) confident = false;
  }
  if (IsNaMarker(page, lexicon)) {
    bool seen_nothing = true;
    for (const std::string& t : digits.texts) {
      if (!t.empty() && t != "-") seen_nothing = false;
    }
    v.raw = page;
    v.uncertain = !seen_nothing;
    return v;
  }
  // Every reading that holds digits; the page-level one counts when it
  // reads as a number.
  std::vector<std::string> numbers;
  if (!DigitsOf(page).empty()) numbers.push_back(DigitsOf(page));
  for (const std::string& t : digits.texts) {
    if (!DigitsOf(t).empty()) numbers.push_back(DigitsOf(t));
  }
  bool agree = numbers.size() >= 2;
  for (const std::string& n : numbers) agree = agree && n == numbers.front();
  if (!numbers.empty()) {
    // The page-level text keeps a unit or sign word it was printed with.
    v.raw = agree && IsNumberToken(page, lexicon) ? page : numbers.front();
  } else {
    v.raw = page;
  }
  // Three readings that agree (two models, two binarizations) are sure
  // whatever Tesseract's confidence, which is low on lone digits.
  v.uncertain = !(agree && (confident || numbers.size() >= 3));
  // Ink the page-level reading saw no character in, which one digits-only
  // pass reads and another does not, is no number: a stamp, a stroke of a
  // vertical label. It stays uncertain, with nothing printed.
  if (v.uncertain && page.empty() && numbers.size() < digits.texts.size())
    v.raw.clear();
  return v;
}

Status ReadPageByOcr(const OcrGray& image, int page, const Lexicon& lexicon,
                     DocumentBuilder* out) {
  void* engine = nullptr;
  std::string error;
  const OcrApi* api = LoadOcr(&engine, &error);
  if (!api) return Status::Error("extract", "ocr_unavailable", error);
  OcrScan scan;
  if (!api->scan_page(engine, image, &scan, &error))
    return Status::Error("extract", "ocr", error);
  PdfPage layout;
  layout.number = page;
  layout.width = scan.width;
  layout.height = scan.height;
  for (const OcrGlyph& g : scan.glyphs)
    layout.glyphs.push_back({g.box, g.text, g.box.y1 - g.box.y0});
  for (const Box& r : scan.rulings)
    layout.segments.push_back({r.x0, r.y0, r.x1, r.y1});
  std::vector<Block> blocks;
  LayoutPage(layout, lexicon, &blocks);

  const double min_confidence = lexicon.numbers().ocr_min_confidence;
  int numbers = 0, uncertain = 0;
  for (Block& block : blocks) {
    if (block.kind != BlockKind::kTable) continue;
    std::vector<Cell*> cells;
    std::vector<Box> boxes;
    for (Cell& c : block.table.cells) {
      if (!c.box || HasHan(c.raw)) continue;
      cells.push_back(&c);
      boxes.push_back(*c.box);
    }
    std::vector<OcrBoxReading> first;
    api->read_boxes(engine, scan.page, boxes, 0, &first);
    for (size_t i = 0; i < cells.size(); ++i) {
      Cell& c = *cells[i];
      CellVerdict v = SettleCell(c.raw, first[i], min_confidence, lexicon);
      if (v.uncertain) {  // a second binarization before giving up
        std::vector<OcrBoxReading> second;
        api->read_boxes(engine, scan.page, {boxes[i]}, 1, &second);
        OcrBoxReading both = first[i];
        both.texts.insert(both.texts.end(), second[0].texts.begin(),
                          second[0].texts.end());
        both.confidences.insert(both.confidences.end(),
                                second[0].confidences.begin(),
                                second[0].confidences.end());
        v = SettleCell(c.raw, both, min_confidence, lexicon);
      }
      c.raw = v.raw;
      c.confidence = v.confidence;
      // Every string from a document is valid UTF-8 before it reaches the
      // model: the raw text is repaired by the builder, the readings here.
      c.readings.clear();
      for (const std::string& r : v.readings)
        c.readings.push_back(RepairUtf8(r));
      c.uncertain = v.uncertain;
      if (!v.raw.empty()) ++numbers;
      if (v.uncertain) ++uncertain;
    }
  }
  api->release_page(scan.page);
  for (Block& b : blocks) out->AddBlock(std::move(b));
  out->CountOcrPage();
  char message[160];
  std::snprintf(message, sizeof(message),
                "page read by OCR at %.0f dpi (skew %.2f degrees): %zu "
                "characters, %d numbers in tables, %d uncertain",
                image.dpi, scan.skew_degrees, scan.glyphs.size(), numbers,
                uncertain);
  out->AddDiagnostic("ocr_page", message, page);
  return Status::Ok();
}

}  // namespace gongkai
