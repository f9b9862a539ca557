// The subcommands of the gongkai program, over the public API of src/ and
// the extractor registry. main.cc parses flags and calls one of these.
#ifndef GONGKAI_CLI_COMMANDS_H_
#define GONGKAI_CLI_COMMANDS_H_

#include <string>
#include <vector>

#include "src/batch/workers.h"
#include "src/dataset/dataset.h"
#include "src/model/extractor.h"
#include "src/rules/rule_library.h"

namespace gongkai::cli {

// Exit codes, documented in --help and the README.
enum ExitCode {
  kExitOk = 0,
  kExitFindings =
      1,  // audit: a report fails a hard identity; rules check: errors
  kExitUsage = 2,
  kExitInputErrors = 3,  // some input gave an error record
  kExitRules = 4,        // the rules could not be loaded
  kExitDataset = 5,      // the dataset could not be opened or written
};

struct Options {
  std::string rules_dir;
  std::string data_dir;  // holds divisions/
  bool pretty = false;
  // extract, audit: append the records to this file instead of standard
  // output ("" for standard output).
  std::string output;
  Limits limits;
  std::vector<std::string> inputs;  // files, directories, or "-" for stdin
  // ingest and export
  std::string db_path = "gongkai.db";
  int workers = 0;            // 0: the number of cores
  int timeout_s = 60;         // per document
  long max_memory_mb = 2048;  // per worker (address space)
  std::string out_dir = "export";
  bool excel = false;  // export: CSV for Excel (BOM, CRLF, formula guard)
  bool xlsx = false;   // export: reports.xlsx too
  std::string export_labels = "id";  // export: reports.csv headers
  int export_year = 0;               // export filters (0 or "": any)
  std::string export_province, export_level, export_agency;
  std::string site_dir = "site";  // site
};

// Returns the worker pool's options of the command line's.
batch::BatchOptions BatchOptionsOf(const Options& options);

// Returns the input files: directories walked recursively (sorted; hidden
// files and .json/.jsonl/.md files skipped), "-" read as one path per line
// of standard input, other arguments kept as given.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& args);

// Opens the rules of `dir` into *out, every set compiled if `compile_all`
// (else each when a document first picks it). Returns false, having said
// why, on failure.
bool LoadRules(const std::string& dir, bool compile_all, RuleLibrary* out);

// Loads every rule set and opens the dataset options.db_path read-only;
// returns kExitOk, or the exit code having said why not.
int OpenForReading(const Options& options, RuleLibrary* rules,
                   std::unique_ptr<Dataset>* dataset);

int RunExtract(const Options& options);
int RunAudit(const Options& options);
// Prints the normalized document model of each input (blocks and cells).
int RunDump(const Options& options);
// Builds or extends the dataset at options.db_path (cli/ingest.cc).
int RunIngest(const Options& options);
// Writes the dataset as CSV and JSON Lines into options.out_dir.
int RunExport(const Options& options);
// Writes the audit site of options.db_path into options.out_dir
// (cli/site_command.cc).
int RunSite(const Options& options);
// Checks every rules file of `paths` (files or directories).
int RunRulesCheck(const std::vector<std::string>& paths);

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_COMMANDS_H_
