// The charset a page declares in its meta tags; see html_extractor.h.
#include <algorithm>
#include <cctype>

#include "extractors/html/html_extractor.h"

namespace gongkai {

std::string DeclaredHtmlCharset(std::string_view bytes) {
  std::string head(bytes.substr(0, 4096));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  size_t pos = 0;
  while ((pos = head.find("charset", pos)) != std::string::npos) {
    // Only inside a tag: the nearest '<' before must come after the last '>'.
    size_t lt = head.rfind('<', pos), gt = head.rfind('>', pos);
    pos += 7;
    if (lt == std::string::npos || (gt != std::string::npos && gt > lt))
      continue;
    size_t i = pos;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() &&
           (head[i] == ' ' || head[i] == '"' || head[i] == '\''))
      ++i;
    std::string name;
    while (i < head.size() &&
           (std::isalnum(static_cast<unsigned char>(head[i])) ||
            head[i] == '-' || head[i] == '_')) {
      name += head[i++];
    }
    if (!name.empty()) return name;
  }
  return "";
}

}  // namespace gongkai
