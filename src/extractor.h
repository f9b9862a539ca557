// The contract between the pipeline and the extractors: an extractor is a
// function from bytes to a Document, under Limits, registered by format.
// Extractors include this header and src/document.h, nothing else of src/.
#ifndef GONGKAI_SRC_EXTRACTOR_H_
#define GONGKAI_SRC_EXTRACTOR_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "src/document.h"
#include "src/status.h"

namespace gongkai {

// Limits that bound the work done on one (possibly hostile) input.
struct Limits {
  uint64_t max_file_bytes = 100ull << 20;     // larger files are refused
  int max_nesting = 256;                      // HTML/DOCX element depth
  int max_pages = 2000;                       // PDF pages
  uint64_t max_unzipped_bytes = 64ull << 20;  // DOCX: all members read
  int max_zip_members = 10000;                // DOCX: members in the archive
};

// An extractor turns the bytes of one format into a Document. It fills
// blocks, pages and metadata; the pipeline fills the source.
using ExtractFn =
    std::function<StatusOr<Document>(std::string_view bytes, const Limits&)>;

struct Extractor {
  std::string format;  // as returned by SniffFormat()
  ExtractFn extract;
};

}  // namespace gongkai

#endif  // GONGKAI_SRC_EXTRACTOR_H_
