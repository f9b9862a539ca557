// The registry table; see registry.h. The order is the sniffing order: a
// PDF may carry a prefix that looks like text, a DOCX is a zip, and text is
// the last resort.
#include "extractors/registry.h"

#include <cstdio>
#include <cstdlib>

#include "extractors/doc/doc_extractor.h"
#include "extractors/docx/docx_extractor.h"
#include "extractors/docx/libzip_loader.h"
#include "extractors/html/html_extractor.h"
#include "extractors/ocr/image_extractor.h"
#include "extractors/pdf/pdf_extractor.h"
#include "extractors/text/text_extractor.h"

namespace gongkai {
namespace {

Registry Build() {
  const Extractor table[] = {
      {"pdf", "PDF", SniffPdf, ExtractPdf, PreloadPoppler},
      {"docx", "DOCX", SniffDocx, ExtractDocx, PreloadLibZip},
      {"zip", "zip", SniffZip, nullptr, nullptr},  // not read: unsupported
      {"image", "image", SniffImage, ExtractImage, nullptr},
      {"doc", "Word 97 or WPS", SniffOle2, ExtractDoc, nullptr},
      {"html", "HTML", SniffHtml, ExtractHtml, nullptr},
      {"text", "text", SniffText, ExtractText, nullptr},
  };
  Registry registry;
  for (const Extractor& e : table) {
    Status s = registry.Add(e);
    if (!s.ok()) {  // a programming error in the table above
      std::fprintf(stderr, "gongkai: %s\n", s.ToString().c_str());
      std::abort();
    }
  }
  return registry;
}

}  // namespace

const Registry& DefaultRegistry() {
  static const Registry* registry = new Registry(Build());
  return *registry;
}

}  // namespace gongkai
