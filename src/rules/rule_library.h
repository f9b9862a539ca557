// The rule sets of a rules directory, compiled when first needed.
//
// Compiling a rules file (expanding its labels and checks, compiling its RE2
// patterns) costs about a millisecond or more per file, and a run over one
// document needs only the set its fingerprint picks. A RuleLibrary opened
// on a directory reads every file but parses only its `version` and
// `fingerprint` lines; Choose() compiles the picked set on first use. A
// program that forks a worker per document calls CompileAll() first, so
// that the workers inherit compiled sets and a bad file stops the run
// before any input is read.
//
// Not safe for concurrent use: Choose() may compile (gongkai runs one
// document per process); see CompileInBackground() for the one thread it
// may start itself.
#ifndef GONGKAI_SRC_RULES_RULE_LIBRARY_H_
#define GONGKAI_SRC_RULES_RULE_LIBRARY_H_

#include <string>
#include <thread>
#include <vector>

#include "src/model/document.h"
#include "src/model/status.h"
#include "src/normalize/view.h"
#include "src/rules/rules.h"

namespace gongkai {

class RuleLibrary {
 public:
  // Reads the lexicon of `dir` and every `*.rules` file (sorted by
  // name), and parses each file's header. Fails ("rules" stage) if there is
  // none, one cannot be read, or a header is bad; the rest of each file is
  // checked when compiled.
  static StatusOr<RuleLibrary> Open(const std::string& dir);

  // An empty library: Choose() returns nullptr.
  RuleLibrary() = default;
  RuleLibrary(RuleLibrary&& other) noexcept;
  RuleLibrary& operator=(RuleLibrary&& other) noexcept;
  ~RuleLibrary();
  // A library of sets already compiled (tests); the lexicon is the first
  // set's. Requires at least one set.
  explicit RuleLibrary(std::vector<RuleSet> compiled);

  // Compiles every set not yet compiled. Returns every error of every
  // file, one "file:line: message" per line.
  Status CompileAll();

  // Starts compiling every set not yet compiled on a thread of its own, so
  // that a run over one document compiles while it extracts (on a spare
  // core the compiling then costs no time). Choose() waits for it; nothing
  // else may touch the library meanwhile. Does nothing when every set is
  // compiled.
  void CompileInBackground() const;

  // Returns the compiled set whose fingerprint best matches `doc` (which
  // must be normalized), nullptr if the library is empty, or the errors of
  // the picked file if it does not compile.
  StatusOr<const RuleSet*> Choose(const DocumentView& view) const;

  // Returns the lexicon of the directory (rules/lexicon.inc), which the
  // extractors and the normalizer read before a set is chosen. Requires a
  // library that was opened or made of sets.
  const Lexicon& lexicon() const { return *lexicon_; }
  const std::shared_ptr<const Lexicon>& shared_lexicon() const {
    return lexicon_;
  }

  // Returns every set. Requires CompileAll() to have succeeded (or the
  // library to have been made of compiled sets).
  const std::vector<RuleSet>& sets() const { return sets_; }

 private:
  // Compiles set `i` if it is not yet compiled.
  Status Compile(size_t i) const;

  // Per file, in the same order: the set (a header until compiled), the
  // file's text (released once compiled) and whether it is compiled.
  std::shared_ptr<const Lexicon> lexicon_;
  mutable std::vector<RuleSet> sets_;
  mutable std::vector<std::string> texts_;
  mutable std::vector<char> compiled_;
  mutable std::thread background_;  // CompileInBackground(), until joined
};

}  // namespace gongkai

#endif  // GONGKAI_SRC_RULES_RULE_LIBRARY_H_
