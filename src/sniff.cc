// Format sniffing by magic bytes and content; see sniff.h.
#include "src/sniff.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>

#include "src/utf8.h"

namespace gongkai {
namespace {

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

std::string LowerPrefix(std::string_view bytes, size_t n) {
  std::string out(bytes.substr(0, std::min(n, bytes.size())));
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Returns true iff `bytes` decodes as GB18030 without an illegal sequence.
bool IsGb18030Text(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open("GB18030", &status);
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                      &status);
  std::u16string out(bytes.size() + 1, u'\0');
  status = U_ZERO_ERROR;
  ucnv_toUChars(conv, out.data(), static_cast<int32_t>(out.size()),
                bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  ucnv_close(conv);
  return U_SUCCESS(status);
}

// Returns true iff control characters (other than tab, line breaks and form
// feed) are under 1% of the first 64 KiB: text with some invalid bytes.
bool MostlyText(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 1 << 16);
  size_t control = 0;
  for (unsigned char c : head) {
    control += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
  }
  return control * 100 < head.size();
}

}  // namespace

StatusOr<std::string> SniffFormat(std::string_view bytes) {
  size_t first = 0;
  while (first < bytes.size() &&
         std::isspace(static_cast<unsigned char>(bytes[first])))
    ++first;
  if (first == bytes.size()) {
    return Status::Error("sniff", "empty_file", "the file is empty");
  }
  if (StartsWith(bytes, "%PDF-") ||
      bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) {
    return std::string("pdf");
  }
  if (StartsWith(bytes, "PK\x03\x04")) {
    // Member names are stored uncompressed in the zip headers.
    if (bytes.find("word/document.xml") != std::string_view::npos)
      return std::string("docx");
    return std::string("zip");
  }
  const bool has_nul = bytes.find('\0') != std::string_view::npos;
  std::string head = LowerPrefix(bytes, 4096);
  bool utf16_bom =
      StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF");
  if ((!has_nul || utf16_bom) &&
      (head.find("<html") != std::string::npos ||
       head.find("<!doctype html") != std::string::npos ||
       head.find("<table") != std::string::npos ||
       head.find("<body") != std::string::npos ||
       head.find("<meta") != std::string::npos)) {
    return std::string("html");
  }
  if (!has_nul &&
      (IsValidUtf8(bytes) || IsGb18030Text(bytes) || MostlyText(bytes)))
    return std::string("text");
  return Status::Error("sniff", "unknown_format",
                       "not a PDF, DOCX, HTML or text file (binary data)");
}

}  // namespace gongkai
