// Sniffing: the format of an input decided from its bytes, never its name.
#ifndef GONGKAI_SRC_SNIFF_H_
#define GONGKAI_SRC_SNIFF_H_

#include <string>
#include <string_view>

#include "src/status.h"

namespace gongkai {

// Returns "pdf", "docx", "zip" (another archive), "html" or "text" for `bytes`,
// or an error: "empty_file" for no bytes (or only whitespace), "unknown_format"
// for binary data that is none of these.
StatusOr<std::string> SniffFormat(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_SRC_SNIFF_H_
