// libxml2's messages into diagnostics; see xml_errors.h.
#include "extractors/xml_errors.h"

#include <cstdarg>
#include <string>

namespace gongkai {
namespace {

void Silent(void*, const char*, ...) {}

}  // namespace

XmlErrorsTo::XmlErrorsTo(DocumentBuilder* doc, xmlErrorLevel min_level)
    : doc_(doc), min_level_(min_level) {
  xmlSetStructuredErrorFunc(this, &XmlErrorsTo::Structured);
  xmlSetGenericErrorFunc(this, &XmlErrorsTo::Generic);
}

XmlErrorsTo::~XmlErrorsTo() {
  // Nothing is printed outside a document either.
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  xmlSetGenericErrorFunc(nullptr, Silent);
}

void XmlErrorsTo::Structured(void* self, xmlErrorPtr error) {
  auto* me = static_cast<XmlErrorsTo*>(self);
  if (!error || error->level < me->min_level_) return;
  std::string message = error->message ? error->message : "error";
  while (!message.empty() && message.back() == '\n') message.pop_back();
  if (error->line > 0) message += " (line " + std::to_string(error->line) + ")";
  me->doc_->AddDiagnostic("xml_warning", "libxml2: " + message);
}

void XmlErrorsTo::Generic(void* self, const char* format, ...) {
  auto* me = static_cast<XmlErrorsTo*>(self);
  char buf[512];
  va_list args;
  va_start(args, format);
  vsnprintf(buf, sizeof buf, format, args);
  va_end(args);
  std::string message = buf;
  while (!message.empty() && message.back() == '\n') message.pop_back();
  if (!message.empty())
    me->doc_->AddDiagnostic("xml_warning", "libxml2: " + message);
}

}  // namespace gongkai
