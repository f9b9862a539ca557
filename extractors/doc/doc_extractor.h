// Word 97 `.doc` and Kingsoft `.wps` files (OLE2 compound documents): turned
// into DOCX by LibreOffice, headless, in a child process of the worker, and
// the DOCX read by the DOCX extractor.
//
// The child runs with a profile directory of its own in a fresh temporary
// directory (removed afterwards), its standard streams closed, in its own
// process group (killed whole at the deadline or when the worker dies), and,
// where the kernel lets an unprivileged process do so, in a network
// namespace of its own: no network. Where LibreOffice is not installed the
// record says unsupported_format and how to install it.
#ifndef GONGKAI_EXTRACTORS_DOC_DOC_EXTRACTOR_H_
#define GONGKAI_EXTRACTORS_DOC_DOC_EXTRACTOR_H_

#include <string_view>

#include "src/model/extractor.h"

namespace gongkai {

// Returns the document of a .doc or .wps file. Errors: "unsupported_format"
// (no LibreOffice), "convert" (LibreOffice failed or timed out), and every
// error of the DOCX extractor.
StatusOr<Document> ExtractDoc(std::string_view bytes, const Limits& limits,
                              const Lexicon& lexicon);

// Returns true iff `bytes` start with the OLE2 compound-file signature.
bool SniffOle2(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_DOC_DOC_EXTRACTOR_H_
