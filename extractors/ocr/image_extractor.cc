// Page images; see image_extractor.h. An image that says nothing of its
// resolution (or something absurd) is taken to be an A4 page as wide as it
// is: its dots per inch are its width over 8.27 inches.
#include "extractors/ocr/image_extractor.h"

#include "extractors/ocr/ocr_loader.h"
#include "extractors/ocr/ocr_reader.h"

namespace gongkai {
namespace {

constexpr double kA4WidthInches = 8.27;

}  // namespace

StatusOr<Document> ExtractImage(std::string_view bytes, const Limits& limits,
                                const Lexicon& lexicon) {
  void* engine = nullptr;
  std::string error;
  const OcrApi* api = LoadOcr(&engine, &error);
  if (!api) return Status::Error("extract", "ocr_unavailable", error);
  OcrGray image;
  if (!api->decode_image(bytes, static_cast<double>(limits.max_image_pixels),
                         &image, &error)) {
    if (error.find("limit") != std::string::npos)
      return Status::LimitExceeded("extract", "pixels", error);
    return Status::Error("extract", "damaged_image", error);
  }
  const double by_width = image.width / kA4WidthInches;
  if (image.dpi <= 0 || image.dpi > 2 * by_width || image.dpi < by_width / 2)
    image.dpi = by_width;
  DocumentBuilder out;
  out.SetPages(1);
  Status s = ReadPageByOcr(image, 1, lexicon, &out);
  if (!s.ok()) return s;
  return out.Finish();
}

bool SniffImage(std::string_view bytes) {
  auto starts = [&](std::string_view magic) {
    return bytes.substr(0, magic.size()) == magic;
  };
  return starts("\x89PNG\r\n\x1a\n") || starts("\xFF\xD8\xFF") ||
         starts(std::string_view("II*\0", 4)) ||
         starts(std::string_view("MM\0*", 4));
}

}  // namespace gongkai
