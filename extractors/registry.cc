// The registry table; see registry.h.
#include "extractors/registry.h"

#include "extractors/docx/docx_extractor.h"
#include "extractors/docx/libzip_loader.h"
#include "extractors/html/html_extractor.h"
#include "extractors/pdf/pdf_extractor.h"
#include "extractors/text/text_extractor.h"

namespace gongkai {

std::vector<Extractor> DefaultExtractors() {
  return {
      {"docx", ExtractDocx},
      {"html", ExtractHtml},
      {"pdf", ExtractPdf},
      {"text", ExtractText},
  };
}

void PreloadExtractorLibraries() { PreloadLibZip(); }

}  // namespace gongkai
