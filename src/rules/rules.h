// The rules of one report format version, loaded from a rules file
// (syntax: rules/README.md): fingerprint, tables with their anchors, columns,
// rows and groups as label alternatives, and checks expanded into equations
// over figure ids.
//
// Rules are data: the reader and reconciler know nothing of any particular
// label or identity. LoadRules() compiles every pattern with RE2 and checks
// every figure id a check names; every problem comes back as
// "file:line: message".
#ifndef GONGKAI_SRC_RULES_RULES_H_
#define GONGKAI_SRC_RULES_RULES_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/model/lexicon.h"
#include "src/model/report.h"
#include "src/model/status.h"

namespace gongkai {

// One way a label may be printed: a literal (compared by LabelKey) or an
// RE2 pattern (`re:` in the file) matched against the normalized text.
struct LabelAlternative {
  std::string key;               // literal: its LabelKey
  std::shared_ptr<RE2> pattern;  // pattern: compiled
};

enum class ValueType { kCount, kSignedCount, kAmount };

struct RowRule {
  std::string id;          // "" for an unlabelled row
  bool any_label = false;  // `*`: matches whatever precedes
  std::vector<LabelAlternative> labels;
  std::string display;    // the first literal label, as written
  std::string under;      // group the label must sit under
  bool optional = false;  // no diagnostic when absent
  int line = 0;
};

struct GroupRule {
  std::string id;
  std::vector<LabelAlternative> labels;
  int line = 0;
  std::string display;   // the first literal label, as written
  size_t first_row = 0;  // the index of the row written after it
};

// A sign that a table is printed in another version's layout or wording
// (FORMAT.md §4): a label seen in its region, or a row read.
struct VersionMark {
  std::string version;
  std::vector<std::string> label_keys;
  std::string row_id;  // "" unless `row=ID`
};

struct TableRule {
  std::vector<VersionMark> marks;
  std::string id;
  std::string caption;  // how people name the table ("表三"), for display
  std::string prefix;   // figure id prefix ("applications")
  std::vector<std::string> anchors;  // LabelKeys of the anchor texts
  // LabelKeys of cells that only this table prints (its own header or
  // first row labels): where its heading is misprinted, renumbered or
  // missing, the table starts at them.
  std::vector<std::string> evidence;
  std::vector<std::string> columns;        // column ids, in printed order
  std::vector<std::string> column_labels;  // as written, for display
  // Per column: "" for a column always printed; for an `optional` column
  // (a deviation some reports add, such as a 法人 小计), the LabelKey of
  // its label, which must appear as a cell of the table for the column to
  // be read.
  std::vector<std::string> optional_column_keys;
  std::vector<RowRule> rows;  // in printed order
  std::vector<GroupRule> groups;
  ValueType type = ValueType::kCount;
  bool required = false;
  int line = 0;

  // Returns the figure id of (row, column).
  std::string FigureId(const RowRule& row, size_t column) const;
};

// In a check, a figure id after this prefix is read from the same agency's
// report of the year before (a dataset check, run after ingest).
inline const std::string kPreviousPrefix = "prev:";

// What a check tests: an equation over one report's figures, the same over
// this and last year's (a `prev:` term: run on the dataset), the domain of
// some figures, or that a figure is stated when another is above 0.
enum class CheckKind { kSum, kDataset, kDomain, kPresent };

// A check instance: `lhs = rhs` (sums of figures), or a domain check.
struct Check {
  std::string id;  // "H1.new": rule id, then the loop value
  Severity severity = Severity::kError;
  CheckKind kind = CheckKind::kSum;
  std::vector<std::string> lhs, rhs;  // sum: figure ids
  ValueType domain = ValueType::kCount;
  std::vector<std::string> globs;   // domain: figure id prefixes
  double constant = 0;              // sum: a number on the right side
  std::vector<std::string> levels;  // `when level=a,b`: only for these
  std::string text;                 // the equation as written
  int line = 0;
};

// How to read whose report it is, and when it was due (rules/README.md,
// "Metadata").
struct MetaRules {
  std::vector<std::shared_ptr<RE2>> title;  // groups (?P<agency>) (?P<year>)
  std::vector<std::shared_ptr<RE2>> year;   // group 1: the report year
  std::vector<std::shared_ptr<RE2>> signature;  // a line that is an agency
  std::vector<std::shared_ptr<RE2>> date;       // groups 1-3: year, month, day
  std::vector<std::string> township;  // name endings of township bodies
  // Publication deadline by agency name ending ("*": any), as "MM-DD" of
  // the year after the report year; the first that matches applies.
  std::vector<std::pair<std::string, std::string>> deadlines;
};

// A number stated in the text: `prose NAME [scale=N UNIT] PATTERN`, where
// `{n}` in the pattern is the number (Arabic or Chinese numerals); or
// `prose NAME none PATTERN`, whose match means the figure is 0
// ("未收取信息处理费"). Several rules may give one figure: the first rule
// that matches a paragraph wins.
struct ProseRule {
  std::string name;
  std::shared_ptr<RE2> pattern;  // one capturing group, unless `none`
  bool none = false;
  // `scale=N`: the number read is multiplied by N (a fee stated in 万元
  // read into a figure in 元), and `unit` records what was printed.
  double scale = 1;
  std::string unit;
};

struct RuleSet {
  // The vocabulary of the rules directory (rules/lexicon.inc): every set
  // of a directory shares it.
  std::shared_ptr<const Lexicon> lexicon;
  std::vector<ProseRule> prose;
  std::string file;
  MetaRules meta;
  std::string version;
  std::vector<std::string> fingerprint;  // LabelKeys
  std::vector<TableRule> tables;
  std::vector<Check> checks;

  // Returns every figure id of every table, in table, row, column order.
  std::vector<std::string> AllFigureIds() const;

  // The position of each figure id in AllFigureIds(), computed once when
  // the set is compiled (the order figures are written in).
  std::unordered_map<std::string, size_t> figure_rank;

  // The labels of each table figure as people read them: caption, row
  // label and column label ("表三 （七）总计 / 自然人"), computed once.
  std::unordered_map<std::string, std::string> figure_labels;
  // Returns the label of figure `id`, or "" (a prose figure).
  std::string FigureLabel(const std::string& id) const;
};

// Parses rules from `text` with the lexicon of their directory; `file`
// names it in messages. Requires a lexicon. On failure the status message
// lists every error, one "file:line: message" per line.
StatusOr<RuleSet> ParseRules(const std::string& text, const std::string& file,
                             std::shared_ptr<const Lexicon> lexicon);

// Parses only the `version` and `fingerprint` lines of `text`: enough to
// choose a rule set for a document (RuleLibrary) without compiling it. The
// rest of the file is not checked.
StatusOr<RuleSet> ParseRulesHeader(const std::string& text,
                                   const std::string& file,
                                   std::shared_ptr<const Lexicon> lexicon);

// The lexicon of a rules directory is the file of this name in it.
inline constexpr const char* kLexiconFile = "lexicon.inc";

// Reads and parses `dir`/lexicon.inc ("not_found" or "invalid_lexicon").
StatusOr<std::shared_ptr<const Lexicon>> LoadLexicon(const std::string& dir);

// Returns the text of a rules file, or "not_found".
StatusOr<std::string> ReadRulesText(const std::string& path);

// Reads and parses one rules file, with the lexicon of its directory.
StatusOr<RuleSet> LoadRulesFile(const std::string& path);

// A directory of rules files is loaded with RuleLibrary (rule_library.h).

}  // namespace gongkai

#endif  // GONGKAI_SRC_RULES_RULES_H_
