// libFuzzer target: the text extractor and every stage after it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/text/text_extractor.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gongkai::Limits limits;
  limits.max_pages = 50;
  limits.max_unzipped_bytes = 16 << 20;
  gongkai::StatusOr<gongkai::Document> doc = gongkai::ExtractText(
      std::string_view(reinterpret_cast<const char*>(data), size), limits,
      gongkai::fuzz::Rules().lexicon());
  gongkai::fuzz::ReadExtracted(doc);
  return 0;
}
