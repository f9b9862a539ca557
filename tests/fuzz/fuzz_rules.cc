// libFuzzer target: the rules parser on arbitrary text, and the lexicon
// parser on the same text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "src/model/lexicon.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  gongkai::ParseRules(text, "fuzz.rules",
                      gongkai::fuzz::Rules().shared_lexicon());
  gongkai::Lexicon::Parse(text, "fuzz.inc");
  return 0;
}
