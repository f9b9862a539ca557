// The contract between the pipeline and the extractors. An extractor is an
// entry of a Registry: its format, a sniffer that claims the bytes of that
// format, the function from bytes to a Document under Limits, and an
// optional preload that loads its libraries before workers are forked.
// Extractors include this room (src/model/) and nothing else of src/.
//
// The registry sniffs by asking each entry in registration order; the first
// that claims the bytes decides the format. An entry without an extract
// function names a format that is recognized but not read in this build
// (another zip archive), so that its record says unsupported_format.
#ifndef GONGKAI_SRC_MODEL_EXTRACTOR_H_
#define GONGKAI_SRC_MODEL_EXTRACTOR_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "src/model/document.h"
#include "src/model/lexicon.h"
#include "src/model/status.h"

namespace gongkai {

// Limits that bound the work done on one (possibly hostile) input.
struct Limits {
  uint64_t max_file_bytes = 100ull << 20;     // larger files are refused
  int max_nesting = 256;                      // HTML/DOCX element depth
  int max_pages = 2000;                       // PDF pages
  uint64_t max_unzipped_bytes = 64ull << 20;  // DOCX: all members read
  int max_zip_members = 10000;                // DOCX: members in the archive
  // Grid positions of one table (row span x column span summed; a real
  // table 3 has 280): a DOCX or HTML table of huge spans is refused.
  int64_t max_table_cells = 200000;
  // Pixels of one page image read by OCR: 12,000 x 12,000, a page at
  // 1,400 dpi; a larger image (a decompression bomb) is refused unread.
  uint64_t max_image_pixels = 144000000;
};

// Returns true iff `bytes` are of the entry's format. Requires nothing of
// the bytes (hostile input); must look at a bounded prefix where it can.
using SniffFn = bool (*)(std::string_view bytes);
// Turns the bytes of one format into a Document: blocks, pages and
// metadata; the pipeline fills the source. The lexicon tells a printed
// number from a label where an extractor must (tables without borders).
using ExtractFn = std::function<StatusOr<Document>(
    std::string_view bytes, const Limits&, const Lexicon&)>;
// Loads now what the extractor would otherwise load on first use.
using PreloadFn = void (*)();

struct Extractor {
  std::string format;        // "pdf", "docx", ...: the record's source.format
  std::string display_name;  // "PDF", "DOCX": how messages name the format
  SniffFn sniff = nullptr;
  ExtractFn extract;  // empty: recognized but not read in this build
  PreloadFn preload = nullptr;
};

class Registry {
 public:
  // Adds `entry` after the ones already added (it is asked after them when
  // sniffing). Returns an error (stage "registry", code "duplicate_format")
  // if its format is already registered, or "invalid_entry" if it has no
  // format or no sniffer; the registry is then unchanged.
  Status Add(Extractor entry);

  // Returns the first entry whose sniffer claims `bytes`, or an error:
  // "empty_file" for no bytes (or only whitespace), "unknown_format" when
  // no entry claims them.
  StatusOr<const Extractor*> Sniff(std::string_view bytes) const;

  // Calls every entry's preload.
  void Preload() const;

  const std::vector<Extractor>& entries() const { return entries_; }

 private:
  std::vector<Extractor> entries_;
};

}  // namespace gongkai

#endif  // GONGKAI_SRC_MODEL_EXTRACTOR_H_
