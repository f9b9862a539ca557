// Loading the OCR module (ocr_api.h) on first use, as libzip is: the
// program pays for Tesseract only when a page has no text layer.
#ifndef GONGKAI_EXTRACTORS_OCR_OCR_LOADER_H_
#define GONGKAI_EXTRACTORS_OCR_OCR_LOADER_H_

#include <string>

#include "extractors/ocr/ocr_api.h"

namespace gongkai {

// Returns the module's interface with its engine opened (models loaded),
// or nullptr with the reason in *error (module or models missing). Loaded
// once per process; thread-safe. `*engine` gets the engine.
const OcrApi* LoadOcr(void** engine, std::string* error);

// Loads the module and its models now (before workers fork).
void PreloadOcr();

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_OCR_OCR_LOADER_H_
