// libxml2's messages, for the HTML and DOCX extractors: while one document
// is parsed, every message libxml2 would print (its generic and structured
// error channels, per thread) goes to the document's diagnostics instead,
// bounded and with control bytes escaped by the builder, so that a hostile
// document cannot write its bytes to the operator's terminal. Only errors
// at or above `min_level` become diagnostics (HTML is repaired silently
// when it is merely not well-formed; XML in a DOCX should be).
#ifndef GONGKAI_EXTRACTORS_XML_ERRORS_H_
#define GONGKAI_EXTRACTORS_XML_ERRORS_H_

#include <libxml/xmlerror.h>

#include "src/model/document.h"

namespace gongkai {

class XmlErrorsTo {
 public:
  // Routes libxml2's messages to `doc` (code "xml_warning") until
  // destroyed. Requires `doc` to outlive this object.
  XmlErrorsTo(DocumentBuilder* doc, xmlErrorLevel min_level);
  ~XmlErrorsTo();
  XmlErrorsTo(const XmlErrorsTo&) = delete;
  XmlErrorsTo& operator=(const XmlErrorsTo&) = delete;

 private:
  static void Structured(void* self, xmlErrorPtr error);
  static void Generic(void* self, const char* format, ...);

  DocumentBuilder* doc_;
  xmlErrorLevel min_level_;
};

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_XML_ERRORS_H_
