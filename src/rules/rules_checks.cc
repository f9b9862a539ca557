// The `set` and `check` lines of a rules file: named lists, and checks
// expanded into one equation per loop value, every figure id verified.
// Syntax: rules/README.md.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include "src/rules/rules_internal.h"

namespace gongkai::rules_internal {
namespace {

// Replaces every occurrence of `var` in `s` by `value`.
std::string Substitute(std::string s, const std::string& var,
                       const std::string& value) {
  if (var.empty()) return s;
  size_t pos = 0;
  while ((pos = s.find(var, pos)) != std::string::npos) {
    s.replace(pos, var.size(), value);
    pos += value.size();
  }
  return s;
}

}  // namespace

std::vector<std::string> Parser::ExpandItems(
    const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const std::string& w : words) {
    if (w.empty() || w == "|") continue;
    if (w[0] != '@') {
      out.push_back(w);
    } else if (auto it = sets.find(w.substr(1)); it == sets.end()) {
      Error("unknown set '" + w + "'");
    } else {
      out.insert(out.end(), it->second.begin(), it->second.end());
    }
    if (out.size() > kMaxExpansion) {
      Error("a list expands to more than " + std::to_string(kMaxExpansion) +
            " items");
      out.resize(kMaxExpansion);
      break;
    }
  }
  return out;
}

void Parser::ParseSet(const std::vector<std::string>& words) {
  if (words.size() < 3 || !ValidId(words[1])) {
    return Error("set needs a name and at least one item");
  }
  std::vector<std::string> items =
      ExpandItems(std::vector<std::string>(words.begin() + 2, words.end()));
  if (items.size() > kMaxExpansion) {
    items.resize(kMaxExpansion);
    Error("set '" + words[1] + "' has more than " +
          std::to_string(kMaxExpansion) + " items");
  }
  if (sets.count(words[1])) Error("set '" + words[1] + "' defined twice");
  sets[words[1]] = items;
}

std::vector<std::string> Parser::ExpandTerm(const std::string& term) {
  if (term.size() > kMaxTermLength ||
      std::count(term.begin(), term.end(), '{') >
          static_cast<long>(kMaxBraceGroups)) {
    Error("term '" + term.substr(0, 60) +
          "...' is too long or has too many {} groups");
    return {};
  }
  size_t open = term.find('{');
  if (open == std::string::npos) return {term};
  size_t close = term.find('}', open);
  if (close == std::string::npos) {
    Error("unclosed '{' in '" + term + "'");
    return {};
  }
  std::string inner = term.substr(open + 1, close - open - 1);
  std::vector<std::string> words;
  std::string cur;
  for (char c : inner) {
    if (c == ',') {
      words.push_back(cur);
      cur.clear();
    } else if (c != ' ') {
      cur += c;
    }
  }
  words.push_back(cur);
  std::vector<std::string> out;
  for (const std::string& item : ExpandItems(words)) {
    for (std::string& rest :
         ExpandTerm(term.substr(0, open) + item + term.substr(close + 1))) {
      if (out.size() >= kMaxExpansion) {
        Error("'" + term.substr(0, 60) + "' expands to more than " +
              std::to_string(kMaxExpansion) + " figures");
        return out;
      }
      out.push_back(std::move(rest));
    }
  }
  return out;
}

void Parser::ParseCheck(const std::string& line) {
  std::vector<std::string> words = SplitWords(line);
  if (words.size() < 4)
    return Error("check needs an id, a severity and an expression");
  const std::string& id = words[1];
  const std::string& severity = words[2];
  if (severity != "error" && severity != "warning") {
    return Error("severity must be 'error' or 'warning', not '" + severity +
                 "'");
  }
  // Split off "when level=a,b" and "for $v in ITEMS".
  std::vector<std::string> expr(words.begin() + 3, words.end());
  std::vector<std::string> levels;
  if (expr.size() >= 2 && expr[0] == "when") {
    if (expr[1].rfind("level=", 0) != 0)
      return Error("expected 'when level=A,B'");
    std::string list = expr[1].substr(6), item;
    for (char c : list + ",") {
      if (c == ',') {
        if (!item.empty()) levels.push_back(item);
        item.clear();
      } else {
        item += c;
      }
    }
    expr.erase(expr.begin(), expr.begin() + 2);
  }
  std::string var;
  std::vector<std::string> loop_values = {""};
  auto for_it = std::find(expr.begin(), expr.end(), "for");
  if (for_it != expr.end()) {
    if (expr.end() - for_it < 4 || (*(for_it + 1))[0] != '$' ||
        *(for_it + 2) != "in") {
      return Error("expected 'for $var in ITEMS'");
    }
    var = *(for_it + 1);
    loop_values = ExpandItems(std::vector<std::string>(for_it + 3, expr.end()));
    expr.erase(for_it, expr.end());
  }
  // Checks are parsed once every table is known: the ids are computed once.
  if (known_ids_.empty()) {
    known_ids_ = rules.AllFigureIds();
    known_.insert(known_ids_.begin(), known_ids_.end());
  }
  const std::vector<std::string>& known_ids = known_ids_;
  const std::set<std::string>& known = known_;
  std::string text;
  for (const std::string& w : expr) text += (text.empty() ? "" : " ") + w;

  for (const std::string& value : loop_values) {
    Check check;
    check.id = value.empty() ? id : id + "." + value;
    check.severity =
        severity == "error" ? Severity::kError : Severity::kWarning;
    check.line = line_no;
    check.text = Substitute(text, var, value);
    check.levels = levels;
    if (!expr.empty() && expr[0] == "present") {
      // present FIGURE if CONDITION: CONDITION read and > 0 needs FIGURE read.
      if (expr.size() != 4 || expr[2] != "if")
        return Error("expected 'present FIGURE if FIGURE'");
      check.kind = CheckKind::kPresent;
      check.lhs = {Substitute(expr[1], var, value)};
      check.rhs = {Substitute(expr[3], var, value)};
      for (const std::string& id : {check.lhs[0], check.rhs[0]}) {
        if (!known.count(id)) Error("unknown figure id '" + id + "'");
      }
    } else if (!expr.empty() && expr[0] == "domain") {
      check.kind = CheckKind::kDomain;
      if (expr.size() < 3)
        return Error("domain needs a type and figure patterns");
      if (expr[1] == "count")
        check.domain = ValueType::kCount;
      else if (expr[1] == "signed")
        check.domain = ValueType::kSignedCount;
      else if (expr[1] == "amount")
        check.domain = ValueType::kAmount;
      else
        return Error("unknown domain '" + expr[1] +
                     "' (count, signed, amount)");
      for (size_t i = 2; i < expr.size(); ++i) {
        const std::string arg = Substitute(expr[i], var, value);
        if (arg.size() >= 2 && arg.substr(arg.size() - 2) == ".*") {
          // PREFIX.*: every figure under the prefix (kept with its dot).
          std::string prefix = arg.substr(0, arg.size() - 1);
          bool any = std::any_of(
              known_ids.begin(), known_ids.end(),
              [&](const std::string& f) { return f.rfind(prefix, 0) == 0; });
          if (!any) Error("domain pattern '" + arg + "' matches no figure");
          check.globs.push_back(prefix);
          continue;
        }
        for (std::string& id : ExpandTerm(arg)) {  // exact ids, {a,b} allowed
          if (!known.count(id)) Error("unknown figure id '" + id + "'");
          check.globs.push_back(id);
        }
      }
    } else {
      check.kind = CheckKind::kSum;  // kDataset once a prev: term is seen
      std::vector<std::string>* side = &check.lhs;
      bool expect_term = true;
      for (const std::string& w : expr) {
        if (w == "=") {
          if (side == &check.rhs) return Error("more than one '='");
          side = &check.rhs;
          expect_term = true;
        } else if (w == "+") {
          expect_term = true;
        } else if (std::isdigit(static_cast<unsigned char>(w[0])) != 0) {
          if (!expect_term)
            return Error("expected '+' or '=' before '" + w + "'");
          if (side != &check.rhs)
            return Error("a number may stand only on the right side");
          check.constant += std::strtod(w.c_str(), nullptr);
          expect_term = false;
        } else {
          if (!expect_term)
            return Error("expected '+' or '=' before '" + w + "'");
          for (std::string& f : ExpandTerm(Substitute(w, var, value))) {
            // `prev:` names the figure in last year's report of the agency.
            const bool previous = f.rfind(kPreviousPrefix, 0) == 0;
            if (previous) check.kind = CheckKind::kDataset;
            const std::string id =
                previous ? f.substr(kPreviousPrefix.size()) : f;
            if (!known.count(id)) Error("unknown figure id '" + id + "'");
            side->push_back(std::move(f));
          }
          expect_term = false;
        }
      }
      if (check.lhs.empty() || side != &check.rhs || expect_term) {
        return Error("expected 'A = B'");
      }
    }
    rules.checks.push_back(std::move(check));
  }
}

}  // namespace gongkai::rules_internal
