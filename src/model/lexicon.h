// The lexicon: the vocabulary that every stage shares, read from the rules
// directory (rules/lexicon.inc) rather than written in C++: units, NA
// markers, sign words, Chinese numerals, enumerators, page-number
// decorations, division placeholders, and the thresholds and label-match
// scores that decide readings.
//
// It lives in the model because the extractors read it too (a PDF table
// without borders must tell a number from a label while laying out the
// page), and they see nothing of src/ but the model. One parser (here), one
// reading of each word list: the normalizer, the reader, prose, metadata
// and the extractors ask the same object.
//
// Syntax: lines `lexicon KEY ITEM...` (the rules parser hands such lines
// over, ParseLine()); `#` starts a comment. Every key is required.
#ifndef GONGKAI_SRC_MODEL_LEXICON_H_
#define GONGKAI_SRC_MODEL_LEXICON_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/model/status.h"

namespace gongkai {

class Lexicon {
 public:
  // Parses a whole lexicon file; `file` names it in messages. Fails
  // ("rules" stage, "invalid_lexicon") with every "file:line: message".
  static StatusOr<Lexicon> Parse(std::string_view text,
                                 const std::string& file);

  // Parses the words after `lexicon` on one line. Returns "" or the error.
  std::string ParseLine(std::string_view words);
  // Returns "" when every key has been given, else the keys missing.
  std::string Missing() const;

  // Cell values (normalized text without spaces).
  bool IsNaMarker(std::string_view compact) const;
  bool IsZero(std::string_view compact) const;
  // Removes a leading sign word from *s: returns -1 (minus), +1 (plus) or 0.
  int ConsumeSign(std::string_view* s) const;
  // Removes the longest unit that ends *s, leaving at least `keep` bytes;
  // returns it, or "" when none fits.
  std::string_view ConsumeUnit(std::string_view* s, size_t keep = 0) const;

  // Chinese numerals. Returns the value of `text` written in Chinese
  // numerals only (三十二, 一千二百, 两万), or nullopt.
  std::optional<double> ParseChineseNumber(std::string_view text) const;
  // Returns true iff `c` is a numeral digit or unit (十 百 千), the forms an
  // enumerator is written with.
  bool IsEnumeratorNumeral(char32_t c) const;
  // Returns an RE2 character class of every Chinese numeral: "[〇零...]".
  std::string NumeralClass() const;

  // Enumerators (each one code point).
  bool IsEnumeratorPrefix(char32_t c) const { return Has(enum_prefix_, c); }
  bool IsEnumeratorEnd(char32_t c) const { return Has(enum_end_, c); }
  bool IsEnumeratorOpen(char32_t c) const { return Has(enum_open_, c); }
  bool IsEnumeratorClose(char32_t c) const { return Has(enum_close_, c); }
  bool IsEnumeratorDash(char32_t c) const { return Has(enum_dash_, c); }

  // Returns true iff `rest` (a page number's text without its digits,
  // spaces and hyphens, as printed) is a page-number decoration or empty.
  bool IsPageDecoration(std::string_view rest) const;
  bool IsDivisionPlaceholder(std::string_view name) const;
  // Returns the name of the report, as messages print it.
  std::string ReportName() const {
    return report_name_.empty() ? std::string() : report_name_.front();
  }

  // The thresholds and label-match scores, one field per key of the file
  // (rules/lexicon.inc says what each decides). Read on hot paths (every
  // label compared), so parsed into fields once, not looked up by name.
  struct Numbers {
    double anchor_extra_chars = 0;
    double page_number_digits = 0;
    double score_exact = 0;
    double score_suffix = 0;
    double score_truncated = 0;
    double share_truncated = 0;
    double score_dropped = 0;
    double share_dropped = 0;
    double score_typo = 0;
    double score_typo_step = 0;
    double score_pattern = 0;
    double score_next_expected = 0;
    double title_blocks = 0;
    double title_max_chars = 0;
    double year_blocks = 0;
    double signature_blocks = 0;
    double signature_max_chars = 0;
    double signature_window = 0;
    double typo_chars_per_edit = 0;
    double diagnosis_max_cells = 0;
    double diagnosis_max_listed = 0;
    double ocr_min_confidence = 0;
    double ocr_render_dpi = 0;
  };
  const Numbers& numbers() const { return numbers_; }

 private:
  static bool Has(const std::u32string& set, char32_t c) {
    return set.find(c) != std::u32string::npos;
  }

  std::vector<std::string> units_;  // longest first
  std::vector<std::string> na_markers_, zeros_, minus_, plus_;
  std::vector<std::string> page_decorations_, division_placeholders_;
  std::vector<std::string> report_name_;
  std::vector<std::pair<char32_t, double>> digits_, units_of_ten_, sections_;
  std::u32string enum_prefix_, enum_end_, enum_open_, enum_close_, enum_dash_;
  Numbers numbers_;
  std::vector<std::string> given_;  // keys parsed so far
};

}  // namespace gongkai

#endif  // GONGKAI_SRC_MODEL_LEXICON_H_
