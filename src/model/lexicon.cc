// The lexicon's parser and its queries; see lexicon.h.
#include "src/model/lexicon.h"

#include <algorithm>
#include <cstdlib>

#include "src/model/utf8.h"

namespace gongkai {
namespace {

// Keys that hold a number (a threshold or a label-match score), and the
// field each fills.
struct NumberKey {
  std::string_view key;
  double Lexicon::Numbers::*field;
};
constexpr NumberKey kNumberKeys[] = {
    {"anchor_extra_chars", &Lexicon::Numbers::anchor_extra_chars},
    {"page_number_digits", &Lexicon::Numbers::page_number_digits},
    {"score_exact", &Lexicon::Numbers::score_exact},
    {"score_suffix", &Lexicon::Numbers::score_suffix},
    {"score_truncated", &Lexicon::Numbers::score_truncated},
    {"share_truncated", &Lexicon::Numbers::share_truncated},
    {"score_dropped", &Lexicon::Numbers::score_dropped},
    {"share_dropped", &Lexicon::Numbers::share_dropped},
    {"score_typo", &Lexicon::Numbers::score_typo},
    {"score_typo_step", &Lexicon::Numbers::score_typo_step},
    {"score_pattern", &Lexicon::Numbers::score_pattern},
    {"score_next_expected", &Lexicon::Numbers::score_next_expected},
    {"title_blocks", &Lexicon::Numbers::title_blocks},
    {"title_max_chars", &Lexicon::Numbers::title_max_chars},
    {"year_blocks", &Lexicon::Numbers::year_blocks},
    {"signature_blocks", &Lexicon::Numbers::signature_blocks},
    {"signature_max_chars", &Lexicon::Numbers::signature_max_chars},
    {"signature_window", &Lexicon::Numbers::signature_window},
    {"typo_chars_per_edit", &Lexicon::Numbers::typo_chars_per_edit},
    {"diagnosis_max_cells", &Lexicon::Numbers::diagnosis_max_cells},
    {"diagnosis_max_listed", &Lexicon::Numbers::diagnosis_max_listed},
    {"ocr_min_confidence", &Lexicon::Numbers::ocr_min_confidence},
    {"ocr_render_dpi", &Lexicon::Numbers::ocr_render_dpi},
};

// Keys that hold a list of words, and those that hold one code point each
// (enumerators), and those of numerals (CHAR=VALUE).
constexpr std::string_view kListKeys[] = {
    "unit",
    "na_marker",
    "zero",
    "minus",
    "plus",
    "page_decoration",
    "division_placeholder",
    "report_name",
};
constexpr std::string_view kCharKeys[] = {
    "enumerator_prefix", "enumerator_end",  "enumerator_open",
    "enumerator_close",  "enumerator_dash",
};
constexpr std::string_view kNumeralKeys[] = {"numeral_digit", "numeral_unit",
                                             "numeral_section"};

template <size_t N>
bool In(const std::string_view (&keys)[N], std::string_view key) {
  return std::find(std::begin(keys), std::end(keys), key) != std::end(keys);
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool ParseDouble(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return *end == '\0';
}

bool Contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

StatusOr<Lexicon> Lexicon::Parse(std::string_view text,
                                 const std::string& file) {
  Lexicon lexicon;
  std::vector<std::string> errors;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    std::vector<std::string> words = Words(line);
    if (words.empty()) continue;
    std::string error;
    if (words[0] != "lexicon") {
      error = "expected 'lexicon KEY ITEM...', got '" + words[0] + "'";
    } else {
      error = lexicon.ParseLine(line.substr(line.find("lexicon") + 7));
    }
    if (!error.empty())
      errors.push_back(file + ":" + std::to_string(line_no) + ": " + error);
    if (pos > text.size()) break;
  }
  if (std::string missing = lexicon.Missing(); !missing.empty())
    errors.push_back(file + ": " + missing);
  if (!errors.empty()) {
    std::string message;
    for (const std::string& e : errors)
      message += (message.empty() ? "" : "\n") + e;
    return Status::Error("rules", "invalid_lexicon", message);
  }
  return lexicon;
}

std::string Lexicon::ParseLine(std::string_view line) {
  std::vector<std::string> words = Words(line);
  if (words.size() < 2) return "lexicon: expected a key and its items";
  const std::string key = words[0];
  words.erase(words.begin());
  if (Contains(given_, key)) return "lexicon: " + key + " given twice";
  const auto number =
      std::find_if(std::begin(kNumberKeys), std::end(kNumberKeys),
                   [&](const NumberKey& k) { return k.key == key; });
  if (number != std::end(kNumberKeys)) {
    double v = 0;
    if (words.size() != 1 || !ParseDouble(words[0], &v))
      return "lexicon: " + key + " takes one number";
    numbers_.*(number->field) = v;
  } else if (In(kListKeys, key)) {
    std::vector<std::string>* list =
        key == "unit"              ? &units_
        : key == "na_marker"       ? &na_markers_
        : key == "zero"            ? &zeros_
        : key == "minus"           ? &minus_
        : key == "plus"            ? &plus_
        : key == "page_decoration" ? &page_decorations_
        : key == "report_name"     ? &report_name_
                                   : &division_placeholders_;
    *list = words;
    if (key == "unit") {  // the longest that fits is taken
      std::stable_sort(units_.begin(), units_.end(),
                       [](const std::string& a, const std::string& b) {
                         return a.size() > b.size();
                       });
    }
  } else if (In(kCharKeys, key)) {
    std::u32string* set = key == "enumerator_prefix"  ? &enum_prefix_
                          : key == "enumerator_end"   ? &enum_end_
                          : key == "enumerator_open"  ? &enum_open_
                          : key == "enumerator_close" ? &enum_close_
                                                      : &enum_dash_;
    for (const std::string& w : words) {
      std::u32string cps = DecodeUtf8(w);
      if (cps.size() != 1)
        return "lexicon: " + key + " takes single characters";
      *set += cps[0];
    }
  } else if (In(kNumeralKeys, key)) {
    auto* table = key == "numeral_digit"  ? &digits_
                  : key == "numeral_unit" ? &units_of_ten_
                                          : &sections_;
    for (const std::string& w : words) {
      const size_t eq = w.find('=');
      double v = 0;
      std::u32string cps =
          DecodeUtf8(w.substr(0, eq == std::string::npos ? 0 : eq));
      if (eq == std::string::npos || cps.size() != 1 ||
          !ParseDouble(w.substr(eq + 1), &v)) {
        return "lexicon: " + key + " takes CHARACTER=VALUE items, got '" + w +
               "'";
      }
      table->emplace_back(cps[0], v);
    }
  } else {
    return "lexicon: unknown key '" + key + "'";
  }
  given_.push_back(key);
  return "";
}

std::string Lexicon::Missing() const {
  std::string missing;
  auto check = [&](std::string_view key) {
    if (!Contains(given_, key))
      missing += (missing.empty() ? "lexicon keys missing: " : ", ") +
                 std::string(key);
  };
  for (const NumberKey& k : kNumberKeys) check(k.key);
  for (std::string_view k : kListKeys) check(k);
  for (std::string_view k : kCharKeys) check(k);
  for (std::string_view k : kNumeralKeys) check(k);
  return missing;
}

bool Lexicon::IsNaMarker(std::string_view compact) const {
  return Contains(na_markers_, compact);
}

bool Lexicon::IsZero(std::string_view compact) const {
  return Contains(zeros_, compact);
}

int Lexicon::ConsumeSign(std::string_view* s) const {
  for (const std::string& m : minus_) {
    if (s->substr(0, m.size()) == m) {
      s->remove_prefix(m.size());
      return -1;
    }
  }
  for (const std::string& p : plus_) {
    if (s->substr(0, p.size()) == p) {
      s->remove_prefix(p.size());
      return 1;
    }
  }
  return 0;
}

std::string_view Lexicon::ConsumeUnit(std::string_view* s, size_t keep) const {
  for (const std::string& u : units_) {
    if (s->size() >= u.size() + keep && s->substr(s->size() - u.size()) == u) {
      s->remove_suffix(u.size());
      return u;
    }
  }
  return {};
}

std::optional<double> Lexicon::ParseChineseNumber(std::string_view text) const {
  const std::u32string s = DecodeUtf8(text);
  if (s.empty()) return std::nullopt;
  auto find = [](const std::vector<std::pair<char32_t, double>>& table,
                 char32_t c) -> std::optional<double> {
    for (const auto& [k, v] : table) {
      if (k == c) return v;
    }
    return std::nullopt;
  };
  double total = 0, section = 0, digit = 0;
  bool any = false;
  for (char32_t c : s) {
    if (std::optional<double> d = find(digits_, c)) {
      digit = *d;
      any = true;
    } else if (std::optional<double> unit = find(units_of_ten_, c)) {
      // 十二: a leading 十 is one ten.
      section += (digit == 0 && *unit == 10 && !any ? 1 : digit) * *unit;
      digit = 0;
      any = true;
    } else if (std::optional<double> big = find(sections_, c)) {
      total = (total + section + digit) * *big;
      section = digit = 0;
      any = true;
    } else {
      return std::nullopt;
    }
  }
  return any ? std::optional<double>(total + section + digit) : std::nullopt;
}

bool Lexicon::IsEnumeratorNumeral(char32_t c) const {
  for (const auto* table : {&digits_, &units_of_ten_}) {
    for (const auto& entry : *table) {
      if (entry.first == c) return true;
    }
  }
  return false;
}

std::string Lexicon::NumeralClass() const {
  std::string out = "[";
  for (const auto* table : {&digits_, &units_of_ten_, &sections_}) {
    for (const auto& entry : *table) out += EncodeUtf8(entry.first);
  }
  return out + "]";
}

bool Lexicon::IsPageDecoration(std::string_view rest) const {
  return rest.empty() || Contains(page_decorations_, rest);
}

bool Lexicon::IsDivisionPlaceholder(std::string_view name) const {
  return Contains(division_placeholders_, name);
}

}  // namespace gongkai
