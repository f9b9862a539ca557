// The extractor registry: registration and sniffing; see extractor.h.
#include "src/model/extractor.h"

#include <cctype>

namespace gongkai {

Status Registry::Add(Extractor entry) {
  if (entry.format.empty() || entry.sniff == nullptr) {
    return Status::Error("registry", "invalid_entry",
                         "an extractor needs a format and a sniffer");
  }
  for (const Extractor& e : entries_) {
    if (e.format == entry.format) {
      return Status::Error("registry", "duplicate_format",
                           "format " + entry.format + " registered twice");
    }
  }
  entries_.push_back(std::move(entry));
  return Status::Ok();
}

StatusOr<const Extractor*> Registry::Sniff(std::string_view bytes) const {
  size_t first = 0;
  while (first < bytes.size() &&
         std::isspace(static_cast<unsigned char>(bytes[first])))
    ++first;
  if (first == bytes.size()) {
    return Status::Error("sniff", "empty_file", "the file is empty");
  }
  for (const Extractor& e : entries_) {
    if (e.sniff(bytes)) return &e;
  }
  // "not a PDF, DOCX, HTML or text file": the formats this build reads.
  std::vector<std::string> names;
  for (const Extractor& e : entries_) {
    if (e.extract) names.push_back(e.display_name);
  }
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) list += i + 1 == names.size() ? " or " : ", ";
    list += names[i];
  }
  return Status::Error("sniff", "unknown_format",
                       "not a " + list + " file (binary data)");
}

void Registry::Preload() const {
  for (const Extractor& e : entries_) {
    if (e.preload) e.preload();
  }
}

}  // namespace gongkai
