// libFuzzer target: the pdf extractor and every stage after it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/pdf/pdf_extractor.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gongkai::Limits limits;
  // Pages without a text layer are read by OCR, seconds each at full
  // size: pages rendered to at most a megapixel, and few of them, keep one
  // input well inside libFuzzer's 20 s timeout.
  limits.max_pages = 10;
  limits.max_image_pixels = 1000000;
  limits.max_unzipped_bytes = 16 << 20;
  gongkai::StatusOr<gongkai::Document> doc = gongkai::ExtractPdf(
      std::string_view(reinterpret_cast<const char*>(data), size), limits,
      gongkai::fuzz::Rules().lexicon());
  gongkai::fuzz::ReadExtracted(doc);
  return 0;
}
