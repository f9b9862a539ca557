// Helpers shared by the tests: paths into the source tree, the rules, the
// registry, file reading, and running the gongkai binary.
#ifndef GONGKAI_TESTS_TEST_UTIL_H_
#define GONGKAI_TESTS_TEST_UTIL_H_

#include <string>
#include <vector>

#include "src/model/document.h"
#include "src/normalize/view.h"
#include "src/read/divisions.h"
#include "src/rules/rule_library.h"
#include "src/rules/rules.h"

namespace gongkai::testing {

// Returns GONGKAI_SOURCE_DIR + "/" + relative.
std::string SourcePath(const std::string& relative);
// Returns the rule sets of rules/, every one compiled (loaded once; aborts
// the test on failure).
const RuleLibrary& Rules();
// Returns the rule set of `version` (aborts the test if there is none).
const RuleSet& RulesFor(const std::string& version);
// Returns the lexicon of rules/ (Rules().lexicon()).
const Lexicon& TestLexicon();
// Returns the view of a normalized document, with the test lexicon.
DocumentView ViewOf(const Document& doc);
// Returns the divisions of data/divisions (loaded once).
const Divisions& TestDivisions();
// Returns the contents of a file ("" if unreadable).
std::string ReadFile(const std::string& path);
// Writes `bytes` to `path`.
void WriteFile(const std::string& path, const std::string& bytes);
// Returns a fresh empty temporary directory.
std::string TempDir();

struct CommandResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};
// Runs the gongkai binary with `args` (a shell fragment), optional stdin and
// environment assignments (`NAME=value ...`).
CommandResult RunGongkai(const std::string& args,
                         const std::string& stdin_text = "",
                         const std::string& env = "");

// Starts the gongkai binary in the background with `args` (a shell
// fragment, redirections included) and environment assignments `env`;
// returns its process id, or 0 if it could not be learned.
int StartGongkai(const std::string& args, const std::string& env = "");

// Returns a PDF of `objects` (object i + 1 is objects[i]; the first is the
// catalogue) with its cross-reference table; `trailer_extra` is added to
// the trailer dictionary (such as "/Info 6 0 R").
std::string PdfOfObjects(const std::vector<std::string>& objects,
                         const std::string& trailer_extra = "");

// A one-table document from rows of cell texts (each row one physical row).
Document TableDocument(const std::vector<std::string>& paragraphs_before,
                       const std::vector<std::vector<std::string>>& rows);

}  // namespace gongkai::testing

#endif  // GONGKAI_TESTS_TEST_UTIL_H_
