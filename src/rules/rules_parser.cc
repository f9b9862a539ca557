// The rules file parser: tokenizes lines, builds tables, rows and groups, and
// hands `set` and `check` lines to rules_checks.cc. Syntax: rules/README.md.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include "src/normalize/labels.h"
#include "src/normalize/normalize.h"
#include "src/rules/rules.h"
#include "src/rules/rules_internal.h"

namespace gongkai {

std::string TableRule::FigureId(const RowRule& row, size_t column) const {
  std::string id = prefix;
  if (!row.id.empty()) id += "." + row.id;
  return id + "." + columns[column];
}

std::vector<std::string> RuleSet::AllFigureIds() const {
  std::vector<std::string> ids;
  for (const ProseRule& p : prose) {
    const std::string id = "prose." + p.name;
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  for (const TableRule& t : tables) {
    for (const RowRule& r : t.rows) {
      for (size_t c = 0; c < t.columns.size(); ++c)
        ids.push_back(t.FigureId(r, c));
    }
  }
  return ids;
}

std::string RuleSet::FigureLabel(const std::string& id) const {
  auto it = figure_labels.find(id);
  return it == figure_labels.end() ? std::string() : it->second;
}

namespace rules_internal {

std::vector<std::string> SplitWords(const std::string& s) {
  // ASCII white space, as `>>` splits (without a stream: loading the rules
  // is on the path of every run).
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
  };
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    while (i < s.size() && space(s[i])) ++i;
    size_t end = i;
    while (end < s.size() && !space(s[end])) ++end;
    if (end > i) out.emplace_back(s, i, end - i);
    i = end;
  }
  return out;
}

std::vector<std::string> SplitBars(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == '|') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  for (std::string& part : out) {
    size_t b = part.find_first_not_of(" \t");
    size_t e = part.find_last_not_of(" \t");
    part = b == std::string::npos ? "" : part.substr(b, e - b + 1);
  }
  return out;
}

bool ValidId(const std::string& id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.';
  });
}

}  // namespace rules_internal

namespace {

using rules_internal::Parser;
using rules_internal::SplitBars;
using rules_internal::SplitWords;
using rules_internal::ValidId;

// Strips a comment (`#` at the start or after whitespace) and trailing space.
std::string StripComment(const std::string& line) {
  size_t pos = 0;
  while ((pos = line.find('#', pos)) != std::string::npos) {
    if (pos == 0 || line[pos - 1] == ' ' || line[pos - 1] == '\t') break;
    ++pos;
  }
  std::string out = pos == std::string::npos ? line : line.substr(0, pos);
  while (!out.empty() &&
         (out.back() == ' ' || out.back() == '\t' || out.back() == '\r')) {
    out.pop_back();
  }
  return out;
}

// A line continues the logical line before it when it starts with '|', '='
// or '+', or when it is indented deeper than a `set`, `check` or
// `fingerprint` line.
bool IsContinuation(const std::string& line, size_t first,
                    const std::string& logical) {
  if (line[first] == '|' || line[first] == '=' || line[first] == '+')
    return true;
  size_t logical_indent = logical.find_first_not_of(" \t");
  std::vector<std::string> words = SplitWords(logical);
  const std::string& kw = words.empty() ? std::string() : words[0];
  return first > logical_indent &&
         (kw == "set" || kw == "check" || kw == "fingerprint");
}

}  // namespace

namespace rules_internal {

std::string Parser::KeyOf(const std::string& label) const {
  return LabelKey(NormalizeText(label), *lexicon);
}

bool Parser::ParseLabel(const std::string& text, LabelAlternative* out) {
  if (text.rfind("re:", 0) == 0) {
    auto re = std::make_shared<RE2>(text.substr(3), RE2::Quiet);
    if (!re->ok()) {
      Error("bad pattern '" + text.substr(3) + "': " + re->error());
      return false;
    }
    out->pattern = re;
    return true;
  }
  out->key = KeyOf((text));
  if (out->key.empty()) {
    Error("label '" + text + "' has no letters to match");
    return false;
  }
  return true;
}

TableRule* Parser::CurrentTable(const std::string& keyword) {
  if (rules.tables.empty()) {
    Error("'" + keyword + "' outside a table");
    return nullptr;
  }
  return &rules.tables.back();
}

void Parser::ParseRow(const std::vector<std::string>& words,
                      const std::string& rest, bool is_group) {
  TableRule* table = CurrentTable(words[0]);
  if (!table) return;
  if (words.size() < 3) {
    Error(words[0] + " needs an id and at least one label");
    return;
  }
  std::string id = words[1] == "-" ? "" : words[1];
  if (!id.empty() && !ValidId(id)) Error("bad id '" + words[1] + "'");
  RowRule row;
  row.id = id;
  row.line = line_no;
  // Labels: everything after the id, split on '|'; option words removed.
  std::string label_text = rest.substr(rest.find(words[1]) + words[1].size());
  std::vector<std::string> parts = SplitBars(label_text);
  for (std::string& part : parts) {
    std::vector<std::string> tokens = SplitWords(part);
    std::string label;
    for (const std::string& t : tokens) {
      if (!is_group && t.rfind("under=", 0) == 0) {
        row.under = t.substr(6);
      } else if (!is_group && t == "optional") {
        row.optional = true;
      } else {
        label += t;
      }
    }
    if (label.empty()) continue;
    if (!is_group && label == "*") {
      row.any_label = true;
      continue;
    }
    LabelAlternative alt;
    if (ParseLabel(label, &alt)) {
      if (row.display.empty() && !alt.pattern) row.display = label;
      row.labels.push_back(alt);
    }
  }
  if (row.labels.empty() && !row.any_label)
    Error(words[0] + " '" + words[1] + "' has no label");
  if (is_group) {
    table->groups.push_back(GroupRule{row.id, row.labels, line_no,
                                      row.display, table->rows.size()});
  } else {
    for (const RowRule& other : table->rows) {
      if (other.id == row.id)
        Error("row '" + row.id + "' defined twice (line " +
              std::to_string(other.line) + ")");
    }
    table->rows.push_back(std::move(row));
  }
}

void Parser::ParseTableLine(const std::vector<std::string>& words,
                            const std::string& rest) {
  const std::string& kw = words[0];
  TableRule* table = CurrentTable(kw);
  if (!table) return;
  std::string arg = rest.substr(rest.find(kw) + kw.size());
  if (kw == "prefix") {
    if (words.size() != 2 || !ValidId(words[1]))
      return Error("prefix needs one id");
    table->prefix = words[1];
  } else if (kw == "caption") {
    if (words.size() < 2) return Error("caption needs a text");
    table->caption = arg.substr(arg.find_first_not_of(" \t"));
  } else if (kw == "anchor") {
    for (const std::string& a : SplitBars(arg)) {
      std::string key = KeyOf((a));
      if (key.empty()) return Error("empty anchor");
      table->anchors.push_back(key);
    }
  } else if (kw == "evidence") {
    for (const std::string& a : SplitBars(arg)) {
      std::string key = KeyOf((a));
      if (key.empty()) return Error("empty evidence label");
      table->evidence.push_back(key);
    }
  } else if (kw == "type") {
    if (words.size() != 2)
      return Error("type needs one of: count signed amount");
    if (words[1] == "count")
      table->type = ValueType::kCount;
    else if (words[1] == "signed")
      table->type = ValueType::kSignedCount;
    else if (words[1] == "amount")
      table->type = ValueType::kAmount;
    else
      Error("unknown type '" + words[1] + "' (count, signed, amount)");
  } else if (kw == "required") {
    table->required = true;
  } else if (kw == "columns") {
    for (const std::string& part : SplitBars(arg)) {
      std::vector<std::string> tokens = SplitWords(part);
      if (tokens.empty() || !ValidId(tokens[0]))
        return Error("bad column '" + part + "'");
      const bool optional = tokens.size() > 1 && tokens.back() == "optional";
      if (optional) tokens.pop_back();
      std::string label;  // words joined by one space, as displayed
      for (size_t i = 1; i < tokens.size(); ++i)
        label += (i > 1 ? " " : "") + tokens[i];
      const std::string key = KeyOf(label);
      if (optional && key.empty())
        return Error("optional column '" + tokens[0] + "' needs a label");
      table->columns.push_back(tokens[0]);
      table->column_labels.push_back(label);
      table->optional_column_keys.push_back(optional ? key : "");
    }
  } else if (kw == "row" || kw == "group") {
    ParseRow(words, rest, kw == "group");
  } else if (kw == "marks") {
    if (words.size() < 3)
      return Error("marks needs a version and labels or row=ID");
    VersionMark mark;
    mark.version = words[1];
    std::string labels = arg.substr(arg.find(words[1]) + words[1].size());
    for (const std::string& part : SplitBars(labels)) {
      if (part.rfind("row=", 0) == 0) {
        mark.row_id = part.substr(4);
        bool known = false;
        for (const RowRule& r : table->rows)
          known = known || r.id == mark.row_id;
        if (!known)
          return Error("marks names unknown row '" + mark.row_id + "'");
      } else if (!part.empty()) {
        mark.label_keys.push_back(KeyOf((part)));
      }
    }
    table->marks.push_back(std::move(mark));
  }
}

void Parser::ParseLine(const std::string& line) {
  std::vector<std::string> words = SplitWords(line);
  if (words.empty()) return;
  const std::string& kw = words[0];
  if (header_only && kw != "version" && kw != "fingerprint") return;
  if (kw == "version") {
    if (words.size() != 2) return Error("version needs one word");
    rules.version = words[1];
  } else if (kw == "fingerprint") {
    for (const std::string& f :
         SplitBars(line.substr(line.find(kw) + kw.size()))) {
      std::string key = KeyOf((f));
      if (!key.empty()) rules.fingerprint.push_back(key);
    }
  } else if (kw == "table") {
    if (words.size() != 2 || !ValidId(words[1]))
      return Error("table needs one id");
    TableRule t;
    t.id = words[1];
    t.prefix = words[1];
    t.line = line_no;
    rules.tables.push_back(std::move(t));
  } else if (kw == "prefix" || kw == "caption" || kw == "anchor" ||
             kw == "evidence" || kw == "type" || kw == "required" ||
             kw == "columns" || kw == "row" || kw == "group" || kw == "marks") {
    ParseTableLine(words, line);
  } else if (kw == "set") {
    ParseSet(words);
  } else if (kw == "prose") {
    ParseProse(words, line);
  } else if (kw == "meta" || kw == "township" || kw == "deadline") {
    ParseMeta(words, line);
  } else if (kw == "include") {
    ParseInclude(words);
  } else if (kw == "check") {
    pending_checks.push_back({line_no, line});
  } else {
    Error("unknown keyword '" + kw + "'");
  }
}

void Parser::ParseText(const std::string& text) {
  std::istringstream in(text);
  std::string raw, logical;
  int logical_line = 0, n = 0;
  auto flush = [&] {
    if (!logical.empty()) {
      line_no = logical_line;
      ParseLine(logical);
    }
    logical.clear();
  };
  while (std::getline(in, raw)) {
    ++n;
    std::string line = StripComment(raw);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    if (!logical.empty() && IsContinuation(line, first, logical)) {
      logical += " " + line.substr(first);
      continue;
    }
    flush();
    logical = line;
    logical_line = n;
  }
  flush();
}

void Parser::Finish() {
  if (rules.version.empty()) {
    line_no = 1;
    Error("no 'version' line");
  }
  for (const TableRule& t : rules.tables) {
    line_no = t.line;
    if (t.columns.empty()) Error("table '" + t.id + "' has no columns");
    if (t.rows.empty()) Error("table '" + t.id + "' has no rows");
    if (t.anchors.empty()) Error("table '" + t.id + "' has no anchor");
    for (const RowRule& r : t.rows) {
      if (r.under.empty()) continue;
      bool found =
          std::any_of(t.groups.begin(), t.groups.end(),
                      [&](const GroupRule& g) { return g.id == r.under; });
      line_no = r.line;
      if (!found)
        Error("row '" + r.id + "' is under unknown group '" + r.under + "'");
    }
  }
  for (const auto& [line, text] : pending_checks) {
    line_no = line;
    ParseCheck(text);
  }
  const std::vector<std::string> ids = rules.AllFigureIds();
  for (size_t i = 0; i < ids.size(); ++i) rules.figure_rank.emplace(ids[i], i);
  for (const TableRule& t : rules.tables) {
    for (const RowRule& r : t.rows) {
      for (size_t c = 0; c < t.columns.size(); ++c) {
        std::string label = t.caption;
        auto add = [&label](const std::string& part, const char* sep) {
          if (part.empty()) return;
          label += (label.empty() ? "" : sep) + part;
        };
        add(r.id.empty() ? std::string() : r.display, " ");
        add(t.column_labels[c], r.id.empty() ? " " : " / ");
        rules.figure_labels.emplace(t.FigureId(r, c), std::move(label));
      }
    }
  }
}

StatusOr<RuleSet> Parser::Result() {
  if (errors.empty()) return std::move(rules);
  std::string msg;
  for (const std::string& e : errors) msg += e + "\n";
  msg.pop_back();
  return Status::InvalidRules(msg);
}

void Parser::Error(const std::string& message) {
  if (errors.size() == kMaxErrors)
    errors.push_back(file + ": too many errors; stopped listing");
  if (errors.size() > kMaxErrors) return;
  errors.push_back(file + ":" + std::to_string(line_no) + ": " + message);
}

}  // namespace rules_internal

namespace {

// Sets up a parser for `file` with the directory's lexicon.
void Prepare(Parser& p, const std::string& file,
             std::shared_ptr<const Lexicon> lexicon) {
  p.file = file;
  p.rules.file = file;
  p.lexicon = lexicon;
  p.rules.lexicon = std::move(lexicon);
}

}  // namespace

StatusOr<RuleSet> ParseRules(const std::string& text, const std::string& file,
                             std::shared_ptr<const Lexicon> lexicon) {
  Parser p;
  Prepare(p, file, std::move(lexicon));
  const size_t slash = file.rfind('/');
  p.dir = slash == std::string::npos ? "" : file.substr(0, slash);
  p.ParseText(text);
  p.Finish();
  return p.Result();
}

StatusOr<RuleSet> ParseRulesHeader(const std::string& text,
                                   const std::string& file,
                                   std::shared_ptr<const Lexicon> lexicon) {
  Parser p;
  Prepare(p, file, std::move(lexicon));
  p.header_only = true;
  p.ParseText(text);
  if (p.rules.version.empty()) {
    p.line_no = 1;
    p.Error("no 'version' line");
  }
  return p.Result();
}

StatusOr<std::string> ReadRulesText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("rules", path + ": cannot open rules file");
  return std::string((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
}

StatusOr<std::shared_ptr<const Lexicon>> LoadLexicon(const std::string& dir) {
  const std::string path = (dir.empty() ? "" : dir + "/") + kLexiconFile;
  StatusOr<std::string> text = ReadRulesText(path);
  if (!text.ok()) return text.status();
  StatusOr<Lexicon> lexicon = Lexicon::Parse(*text, path);
  if (!lexicon.ok()) return lexicon.status();
  return std::shared_ptr<const Lexicon>(
      std::make_shared<Lexicon>(std::move(*lexicon)));
}

StatusOr<RuleSet> LoadRulesFile(const std::string& path) {
  StatusOr<std::string> text = ReadRulesText(path);
  if (!text.ok()) return text.status();
  const size_t slash = path.rfind('/');
  StatusOr<std::shared_ptr<const Lexicon>> lexicon =
      LoadLexicon(slash == std::string::npos ? "" : path.substr(0, slash));
  if (!lexicon.ok()) return lexicon.status();
  return ParseRules(*text, path, *lexicon);
}

}  // namespace gongkai
