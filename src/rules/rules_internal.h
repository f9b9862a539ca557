// Internal to the rules loader (rules_parser.cc, rules_checks.cc): the
// parser state shared by the two files. Use src/rules.h instead.
#ifndef GONGKAI_SRC_RULES_RULES_INTERNAL_H_
#define GONGKAI_SRC_RULES_RULES_INTERNAL_H_

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "src/rules/rules.h"

namespace gongkai::rules_internal {

// Returns the whitespace-separated words of `s`.
std::vector<std::string> SplitWords(const std::string& s);
// Returns the '|'-separated parts of `s`, trimmed.
std::vector<std::string> SplitBars(const std::string& s);
// Returns true iff `id` is lower-case letters, digits, '_' and '.'.
bool ValidId(const std::string& id);

// Bounds on what a (possibly hostile) rules file may make the loader do.
inline constexpr size_t kMaxExpansion = 10000;  // figures from one term
inline constexpr size_t kMaxErrors = 200;       // messages kept
inline constexpr size_t kMaxTermLength = 512;   // characters of one term
inline constexpr size_t kMaxBraceGroups = 4;    // {..} groups in one term

struct Parser {
  std::string file;
  int line_no = 0;
  RuleSet rules;
  std::vector<std::string> errors;
  std::map<std::string, std::vector<std::string>> sets;
  // Checks are parsed last, once every table is known.
  std::vector<std::pair<int, std::string>> pending_checks;
  std::vector<std::string> known_ids_;  // every figure id (ParseCheck)
  std::set<std::string> known_;
  // The directory's lexicon (never null while parsing).
  std::shared_ptr<const Lexicon> lexicon;
  // Returns the label key of a label written in the rules.
  std::string KeyOf(const std::string& label) const;
  // Reads only `version` and `fingerprint` lines (ParseRulesHeader).
  bool header_only = false;

  // Parses a whole file's text line by line (continuations joined).
  void ParseText(const std::string& text);
  void ParseLine(const std::string& line);
  void ParseTableLine(const std::vector<std::string>& words,
                      const std::string& rest);
  void ParseRow(const std::vector<std::string>& words, const std::string& rest,
                bool is_group);
  bool ParseLabel(const std::string& text, LabelAlternative* out);
  void ParseSet(const std::vector<std::string>& words);
  // `meta`, `township`, `deadline` lines (rules_meta.cc).
  void ParseMeta(const std::vector<std::string>& words,
                 const std::string& line);
  // `prose NAME [none] PATTERN` (rules_meta.cc).
  void ParseProse(const std::vector<std::string>& words,
                  const std::string& line);
  // `include FILE`: parses another file, relative to this one.
  void ParseInclude(const std::vector<std::string>& words);
  std::string dir;  // directory of the file being parsed
  int include_depth = 0;
  void ParseCheck(const std::string& line);
  void Finish();
  // Returns the rules parsed, or every error as one "invalid_rules" status
  // (moves the rules out).
  StatusOr<RuleSet> Result();
  void Error(const std::string& message);
  TableRule* CurrentTable(const std::string& keyword);

  // Expands `{a,b}` and `{@set}` groups of one term into figure ids.
  std::vector<std::string> ExpandTerm(const std::string& term);
  // Expands a list of words where `@name` stands for a set's items.
  std::vector<std::string> ExpandItems(const std::vector<std::string>& words);
};

}  // namespace gongkai::rules_internal

#endif  // GONGKAI_SRC_RULES_RULES_INTERNAL_H_
