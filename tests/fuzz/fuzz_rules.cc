// libFuzzer target: the rules parser on arbitrary text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "src/rules/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gongkai::ParseRules(std::string(reinterpret_cast<const char*>(data), size),
                      "fuzz.rules");
  return 0;
}
