// The metadata lines of a rules file (`meta`, `township`, `deadline`) and
// `include`. Syntax: rules/README.md.
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include "src/rules/rules_internal.h"

namespace gongkai::rules_internal {

void Parser::ParseMeta(const std::vector<std::string>& words,
                       const std::string& line) {
  const std::string& kw = words[0];
  if (kw == "township") {
    for (const std::string& s :
         SplitBars(line.substr(line.find(kw) + kw.size()))) {
      if (!s.empty()) rules.meta.township.push_back(s);
    }
    return;
  }
  if (kw == "deadline") {
    if (words.size() != 3 || words[2].size() != 5 || words[2][2] != '-') {
      return Error("deadline needs a name ending (or *) and MM-DD");
    }
    rules.meta.deadlines.emplace_back(words[1], words[2]);
    return;
  }
  // meta NAME PATTERN
  if (words.size() < 3) return Error("meta needs a name and a pattern");
  const std::string& name = words[1];
  std::string pattern =
      line.substr(line.find(name, line.find(kw) + kw.size()) + name.size());
  pattern.erase(0, pattern.find_first_not_of(" \t"));
  auto re = std::make_shared<RE2>(pattern, RE2::Quiet);
  if (!re->ok()) return Error("bad pattern '" + pattern + "': " + re->error());
  if (name == "title") {
    if (re->NamedCapturingGroups().count("agency") == 0) {
      return Error("a title pattern needs a (?P<agency>...) group");
    }
    rules.meta.title.push_back(re);
  } else if (name == "year") {
    if (re->NumberOfCapturingGroups() < 1)
      return Error("a year pattern needs a group");
    rules.meta.year.push_back(re);
  } else if (name == "signature") {
    rules.meta.signature.push_back(re);
  } else if (name == "date") {
    if (re->NumberOfCapturingGroups() != 3)
      return Error("a date pattern needs 3 groups");
    rules.meta.date.push_back(re);
  } else {
    Error("unknown meta '" + name + "' (title, year, signature, date)");
  }
}

void Parser::ParseProse(const std::vector<std::string>& words,
                        const std::string& line) {
  if (words.size() < 3 || !ValidId(words[1]))
    return Error("prose needs a name and a pattern");
  ProseRule rule;
  rule.name = words[1];
  rule.none = words[2] == "none";
  const bool scaled = words[2].rfind("scale=", 0) == 0;
  if (scaled) {
    char* end = nullptr;
    rule.scale = std::strtod(words[2].c_str() + 6, &end);
    if (*end != '\0' || !(rule.scale > 0) || words.size() < 5)
      return Error("prose scale needs a positive number, a unit and a pattern");
    rule.unit = words[3];
  }
  if (rule.none && words.size() < 4) return Error("prose none needs a pattern");
  const std::string& last_word = rule.none ? words[2]
                                 : scaled  ? words[3]
                                           : words[1];
  std::string pattern =
      line.substr(line.find(last_word, line.find(words[1])) + last_word.size());
  pattern.erase(0, pattern.find_first_not_of(" \t"));
  const size_t n = pattern.find("{n}");
  if (rule.none == (n != std::string::npos)) {
    return Error(rule.none ? "a prose none pattern takes no {n}"
                           : "a prose pattern needs {n}");
  }
  if (!rule.none) {
    pattern.replace(n, 3,
                    "([0-9]+(?:\\.[0-9]+)?|" + lexicon->NumeralClass() + "+)");
  }
  rule.pattern = std::make_shared<RE2>(pattern, RE2::Quiet);
  if (!rule.pattern->ok())
    return Error("bad pattern: " + rule.pattern->error());
  if (!rule.none && rule.pattern->NumberOfCapturingGroups() != 1) {
    return Error("a prose pattern may have no group of its own (use (?:...))");
  }
  // Several patterns may give one figure (tried in order); the same one
  // twice is a mistake.
  for (const ProseRule& other : rules.prose) {
    if (other.name == rule.name && other.none == rule.none &&
        other.scale == rule.scale &&
        other.pattern->pattern() == rule.pattern->pattern()) {
      return Error("prose '" + rule.name + "' defined twice");
    }
  }
  rules.prose.push_back(std::move(rule));
}

namespace {

// What an included file contributes, parsed once per process and content:
// every rules file includes common.inc, and compiling its patterns is most
// of the cost of loading the rules.
struct IncludeResult {
  RuleSet rules;
  std::map<std::string, std::vector<std::string>> sets;
  std::vector<std::string> errors;
  bool has_tables_or_checks = false;
  std::shared_ptr<const Lexicon> lexicon;  // kept alive: part of the key
};

std::shared_ptr<const IncludeResult> ParseIncluded(
    const std::string& path, const std::string& text, const std::string& dir,
    int depth, std::shared_ptr<const Lexicon> lexicon) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const IncludeResult>> cache;
  const std::string key =
      path + '\0' + text + '\0' +
      std::to_string(reinterpret_cast<uintptr_t>(lexicon.get()));
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  Parser sub;
  sub.file = path;
  sub.dir = dir;
  sub.include_depth = depth;
  sub.lexicon = lexicon;
  sub.ParseText(text);
  auto result = std::make_shared<IncludeResult>();
  result->rules = std::move(sub.rules);
  result->sets = std::move(sub.sets);
  result->errors = std::move(sub.errors);
  result->lexicon = std::move(lexicon);
  result->has_tables_or_checks =
      !result->rules.tables.empty() || !sub.pending_checks.empty();
  cache.emplace(key, result);
  return result;
}

}  // namespace

void Parser::ParseInclude(const std::vector<std::string>& words) {
  if (words.size() != 2) return Error("include needs one file name");
  if (include_depth >= 4) return Error("includes nested too deep");
  const std::string path = dir.empty() ? words[1] : dir + "/" + words[1];
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error("cannot open included file " + path);
  std::stringstream buf;
  buf << in.rdbuf();
  std::shared_ptr<const IncludeResult> sub =
      ParseIncluded(path, buf.str(), dir, include_depth + 1, lexicon);
  errors.insert(errors.end(), sub->errors.begin(), sub->errors.end());
  MetaRules& m = rules.meta;
  const MetaRules& s = sub->rules.meta;
  m.title.insert(m.title.end(), s.title.begin(), s.title.end());
  m.year.insert(m.year.end(), s.year.begin(), s.year.end());
  m.signature.insert(m.signature.end(), s.signature.begin(), s.signature.end());
  m.date.insert(m.date.end(), s.date.begin(), s.date.end());
  m.township.insert(m.township.end(), s.township.begin(), s.township.end());
  m.deadlines.insert(m.deadlines.end(), s.deadlines.begin(), s.deadlines.end());
  rules.prose.insert(rules.prose.end(), sub->rules.prose.begin(),
                     sub->rules.prose.end());
  for (const auto& [name, items] : sub->sets) sets.emplace(name, items);
  if (sub->has_tables_or_checks) {
    Error(
        "an included file may hold only meta, township, deadline, prose and "
        "set lines");
  }
}

}  // namespace gongkai::rules_internal
