// gongkai: the command-line program. Parses flags and dispatches to
// cli/commands.cc; all work is done by the library.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>

#include "cli/commands.h"

namespace {

constexpr const char* kUsage =
    R"(usage: gongkai COMMAND [OPTIONS] [FILE|DIR|-]...

Reads Chinese government information-disclosure annual reports
(zhengfu xinxi gongkai gongzuo niandu baogao) and checks their figures.

commands:
  extract FILE|DIR...   print each report as JSON (one object per line,
                        schema gongkai.report/1); an unreadable file gives
                        a record with "error" instead of "report"
  audit FILE|DIR...     print one line per finding:
                        FILE: CHECK: expected X, printed Y [FIGURE]
  ingest FILE|DIR|-...  build or extend the dataset (--db): each file read in
                        its own worker process; .jsonl files made by extract
                        are loaded as they are; files already stored (same
                        sha256) are skipped, so a re-run finishes a job
  export                write the dataset (--db) as CSV and JSON Lines (--out)
  dump FILE|DIR...      print the document model read from each file:
                        paragraphs (P) and table cells (row,col [spans])
  rules check [PATH...] check rules files (default: the rules directory);
                        errors are printed as FILE:LINE: MESSAGE

inputs:
  A directory is read recursively (hidden files and .json, .jsonl and .md
  files skipped). "-" reads one path per line from standard input.

options:
  --rules DIR           rules directory (default: $GONGKAI_RULES, else the
                        rules/ of the source tree this program was built from)
  --data DIR            data directory with divisions/ (default: $GONGKAI_DATA,
                        else the data/ of the source tree)
  --db PATH             dataset file for ingest and export (default gongkai.db)
  --workers N           worker processes, one document each (default: the
                        number of cores)
  --max-memory-mb N     address-space limit per worker (default 2048)
  --out DIR             export: output directory (default export)
  --pretty              indent the JSON of extract
  -h, --help            show this help
limits (exceeding one gives an error record naming it, code limit_*):
  --max-file-mb N       input files larger than N MiB are refused (default 100)
  --max-pages N         PDF pages (default 2000)
  --max-unzipped-mb N   DOCX bytes inflated, counted while reading (default 64)
  --max-zip-members N   DOCX archive members (default 10000)
  --max-depth N         HTML/DOCX element nesting (default 256)
  --timeout S           seconds per document before its worker is killed
                        (default 60)

exit codes:
  0  every input read; no hard identity failed
  1  audit: some report fails a hard identity (H1-H7);
     rules check: a rules file has errors
  2  usage error
  3  some input could not be read (it has an error record)
  4  the rules could not be loaded
  5  the dataset could not be opened or written
)";

int Usage(const std::string& problem) {
  std::cerr << "gongkai: " << problem << "\n(gongkai --help for usage)\n";
  return gongkai::cli::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gongkai::cli;
  if (argc < 2) return Usage("no command");
  std::string command = argv[1];
  if (command == "-h" || command == "--help" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  Options options;
  const char* env_rules = std::getenv("GONGKAI_RULES");
  options.rules_dir = env_rules && *env_rules ? env_rules : GONGKAI_RULES_DIR;
  const char* env_data = std::getenv("GONGKAI_DATA");
  options.data_dir = env_data && *env_data ? env_data : GONGKAI_DATA_DIR;
  int first = 2;
  if (command == "rules") {
    if (argc < 3 || std::strcmp(argv[2], "check") != 0)
      return Usage("expected 'rules check'");
    first = 3;
  }
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return kExitOk;
    } else if (arg == "--pretty") {
      options.pretty = true;
    } else if (arg == "--rules" || arg == "--data" || arg == "--max-file-mb" ||
               arg == "--db" || arg == "--workers" || arg == "--timeout" ||
               arg == "--max-memory-mb" || arg == "--out" ||
               arg == "--max-pages" || arg == "--max-unzipped-mb" ||
               arg == "--max-zip-members" || arg == "--max-depth") {
      if (i + 1 >= argc) return Usage(arg + " needs a value");
      std::string value = argv[++i];
      if (arg == "--rules") {
        options.rules_dir = value;
      } else if (arg == "--data") {
        options.data_dir = value;
      } else if (arg == "--db") {
        options.db_path = value;
      } else if (arg == "--out") {
        options.out_dir = value;
      } else {
        char* end = nullptr;
        long n = std::strtol(value.c_str(), &end, 10);
        if (*end != '\0' || n < 0 || n > (1L << 30))
          return Usage(arg + " needs a number");
        if (arg == "--workers") options.workers = static_cast<int>(n);
        if (arg == "--timeout") options.timeout_s = static_cast<int>(n);
        if (arg == "--max-memory-mb") options.max_memory_mb = n;
        if (arg == "--max-file-mb")
          options.limits.max_file_bytes = static_cast<uint64_t>(n) << 20;
        if (arg == "--max-pages")
          options.limits.max_pages = static_cast<int>(n);
        if (arg == "--max-unzipped-mb") {
          options.limits.max_unzipped_bytes = static_cast<uint64_t>(n) << 20;
        }
        if (arg == "--max-zip-members")
          options.limits.max_zip_members = static_cast<int>(n);
        if (arg == "--max-depth")
          options.limits.max_nesting = static_cast<int>(n);
      }
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      return Usage("unknown option " + arg);
    } else {
      options.inputs.push_back(arg);
    }
  }
  if (command == "rules") {
    if (options.inputs.empty()) options.inputs.push_back(options.rules_dir);
    return RunRulesCheck(options.inputs);
  }
  if (options.workers == 0) {
    options.workers =
        static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }
  if (command == "export") return RunExport(options);
  if (command == "ingest") {
    if (options.inputs.empty())
      return Usage("ingest needs at least one FILE, DIR or -");
    return RunIngest(options);
  }
  if (command != "extract" && command != "audit" && command != "dump") {
    return Usage("unknown command " + command);
  }
  if (options.inputs.empty()) {
    return Usage(command + " needs at least one FILE, DIR or -");
  }
  if (command == "dump") return RunDump(options);
  return command == "extract" ? RunExtract(options) : RunAudit(options);
}
