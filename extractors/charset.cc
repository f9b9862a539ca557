// Encoding decisions and conversion with ICU converters; see charset.h.
#include "extractors/charset.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <memory>

#include "src/model/utf8.h"

namespace gongkai {
namespace {

std::string Lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string CanonicalCharset(const std::string& declared) {
  std::string d = Lower(declared);
  if (d == "gb2312" || d == "gbk" || d == "gb18030" || d == "x-gbk" ||
      d == "cp936" || d == "euc-cn" || d == "x-euc-cn" || d == "hz-gb-2312" ||
      d == "windows-936") {
    return "GB18030";
  }
  if (d == "utf8" || d == "utf-8") return "UTF-8";
  return declared;
}

// Counts the byte sequences that cannot be decoded, then substitutes them
// as ICU's default does.
struct CountingSubstitute {
  size_t replaced = 0;
};

void CountAndSubstitute(const void* context, UConverterToUnicodeArgs* args,
                        const char* bytes, int32_t length,
                        UConverterCallbackReason reason, UErrorCode* status) {
  if (reason == UCNV_ILLEGAL || reason == UCNV_UNASSIGNED ||
      reason == UCNV_IRREGULAR) {
    ++static_cast<CountingSubstitute*>(const_cast<void*>(context))->replaced;
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, bytes, length, reason, status);
}

StatusOr<std::string> Convert(std::string_view bytes,
                              const std::string& encoding, size_t* replaced) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(
      ucnv_open(encoding.c_str(), &status), ucnv_close);
  if (U_FAILURE(status)) {
    return Status::Error("extract", "unknown_encoding",
                         "unknown encoding '" + encoding + "'");
  }
  if (bytes.size() > INT32_MAX / 4) {
    return Status::LimitExceeded("extract", "file_size",
                                 "text too large to decode");
  }
  CountingSubstitute counter;
  ucnv_setToUCallBack(conv.get(), CountAndSubstitute, &counter, nullptr,
                      nullptr, &status);
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()),
                          conv.get(), status);
  *replaced = counter.replaced;
  if (U_FAILURE(status)) {
    return Status::Error("extract", "bad_encoding",
                         "cannot decode as " + encoding);
  }
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace

StatusOr<DecodedText> DecodeToUtf8(std::string_view bytes,
                                   std::string declared) {
  DecodedText out;
  std::string encoding;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    encoding = "UTF-8";
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    bytes.remove_prefix(2);
    encoding = "UTF-16LE";
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    bytes.remove_prefix(2);
    encoding = "UTF-16BE";
  } else {
    encoding = CanonicalCharset(declared);
    const bool valid_utf8 = IsValidUtf8(bytes);
    if (encoding.empty()) encoding = valid_utf8 ? "UTF-8" : "GB18030";
    if (encoding == "UTF-8" && !valid_utf8)
      encoding = "GB18030";  // mislabelled page
  }
  if (encoding == "UTF-8" && IsValidUtf8(bytes)) {
    out.text = std::string(bytes);
  } else {
    StatusOr<std::string> text = Convert(bytes, encoding, &out.replaced);
    if (!text.ok()) return text.status();
    out.text = std::move(*text);
  }
  out.encoding = encoding;
  return out;
}

void NoteReplacedBytes(const DecodedText& decoded, DocumentBuilder& doc) {
  if (decoded.replaced == 0) return;
  doc.AddDiagnostic("bad_bytes", std::to_string(decoded.replaced) +
                                     " byte sequences are not " +
                                     decoded.encoding +
                                     " and were replaced by U+FFFD");
}

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

bool MostlyText(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 1 << 16);
  size_t control = 0;
  for (unsigned char c : head) {
    control += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
  }
  return control * 100 < head.size();
}

}  // namespace gongkai
