// gongkai: the command-line program. The commands and their flags are
// declared here with CLI11 (Debian libcli11-dev: subcommands with help of
// their own, `--flag=value` and `--flag value`, typed and range-checked
// values, flags scoped to the commands they apply to); every default is the
// one written in cli/commands.h. All work is done by the library.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "src/normalize/labels.h"

namespace {

using gongkai::cli::Options;

constexpr const char* kDescription =
    "Reads Chinese government information-disclosure annual reports\n"
    "(zhengfu xinxi gongkai gongzuo niandu baogao) and checks their "
    "figures.";

constexpr const char* kFooter = R"(
inputs:
  A directory is read recursively (hidden files and .json, .jsonl and .md
  files skipped). "-" reads one path per line from standard input.

exit codes:
  0  every input read; no hard identity failed
  1  audit: some report fails a hard identity (H1-H7);
     rules check: a rules file has errors
  2  usage error
  3  some input could not be read (it has an error record)
  4  the rules could not be loaded
  5  the dataset or standard output could not be written

gongkai COMMAND --help shows the flags of one command.)";

// Values given in MiB on the command line, converted after parsing.
struct Megabytes {
  uint64_t max_file = 0, max_unzipped = 0;
};

void AddRules(CLI::App* c, Options* o) {
  c->add_option("--rules", o->rules_dir,
                "rules directory (the default is the rules/ of the source "
                "tree this program was built from)")
      ->envname("GONGKAI_RULES")
      ->capture_default_str();
}

void AddInputs(CLI::App* c, Options* o, bool required) {
  CLI::Option* in =
      c->add_option("inputs", o->inputs, "FILE, DIR, or - (paths on stdin)");
  if (required) in->required();
}

// The flags of every command that reads documents.
void AddReading(CLI::App* c, Options* o, Megabytes* mb) {
  AddRules(c, o);
  c->add_option("--data", o->data_dir, "data directory with divisions/")
      ->envname("GONGKAI_DATA")
      ->capture_default_str();
  c->add_option("--max-file-mb", mb->max_file,
                "input files larger than N MiB are refused")
      ->check(CLI::Range(uint64_t{0}, uint64_t{1} << 30))
      ->capture_default_str();
  c->add_option("--max-pages", o->limits.max_pages, "PDF pages")
      ->check(CLI::Range(0, 1 << 30))
      ->capture_default_str();
  c->add_option("--max-unzipped-mb", mb->max_unzipped,
                "DOCX bytes inflated, counted while reading")
      ->check(CLI::Range(uint64_t{0}, uint64_t{1} << 30))
      ->capture_default_str();
  c->add_option("--max-zip-members", o->limits.max_zip_members,
                "DOCX archive members")
      ->check(CLI::Range(0, 1 << 30))
      ->capture_default_str();
  c->add_option("--max-depth", o->limits.max_nesting,
                "HTML/DOCX element nesting")
      ->check(CLI::Range(0, 1 << 30))
      ->capture_default_str();
}

// The limits of each child process that parses a document.
void AddLimits(CLI::App* c, Options* o) {
  c->add_option("--timeout", o->timeout_s,
                "seconds per document before its worker is killed (0: none)")
      ->check(CLI::Range(0, 1 << 30))
      ->capture_default_str();
  c->add_option("--max-memory-mb", o->max_memory_mb,
                "address-space limit per worker (0: none)")
      ->check(CLI::Range(0L, 1L << 30))
      ->capture_default_str();
}

// The flags of the commands that read each document in a worker process.
void AddWorkers(CLI::App* c, Options* o) {
  c->add_option("--workers", o->workers,
                "worker processes, one document each (0: the number of "
                "cores)")
      ->check(CLI::Range(0, 4096))
      ->capture_default_str();
  AddLimits(c, o);
}

void AddDb(CLI::App* c, Options* o) {
  c->add_option("--db", o->db_path, "dataset file")->capture_default_str();
}

// Returns the command of `names` nearest to `word` by edit distance, or ""
// when none is close (more than half of the word would change).
std::string Nearest(const std::string& word,
                    const std::vector<std::string>& names) {
  std::string best;
  int best_d = static_cast<int>(word.size()) / 2 + 1;
  for (const std::string& n : names) {
    const int d = gongkai::EditDistance(word, n);
    if (d < best_d) {
      best_d = d;
      best = n;
    }
  }
  return best;
}

// Returns why `arg` (a flag the command `command` does not take) is wrong:
// the commands it belongs to, or "" when it is no command's flag.
std::string FlagOfOtherCommands(const CLI::App& app, const std::string& arg,
                                const std::string& command) {
  const std::string name = arg.substr(0, arg.find('='));
  std::string owners;
  std::vector<const CLI::App*> apps = app.get_subcommands({});
  for (size_t i = 0; i < apps.size(); ++i) {
    for (const CLI::App* sub : apps[i]->get_subcommands({}))
      apps.push_back(sub);
    if (apps[i]->get_name() == command) continue;
    for (const CLI::Option* opt : apps[i]->get_options()) {
      if (opt->check_lname(name.substr(2))) {
        owners += (owners.empty() ? "" : ", ") + apps[i]->get_name();
        break;
      }
    }
  }
  if (owners.empty()) return "";
  return "flag " + name + " does not apply to " + command +
         " (it is a flag of " + owners + ")";
}

int UsageError(const std::string& problem, const std::string& command) {
  std::cerr << "gongkai: " << problem << "\n(gongkai "
            << (command.empty() ? "" : command + " ") << "--help for usage)\n";
  return gongkai::cli::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gongkai::cli;
  Options options;
  options.rules_dir = GONGKAI_RULES_DIR;
  options.data_dir = GONGKAI_DATA_DIR;
  Megabytes mb{options.limits.max_file_bytes >> 20,
               options.limits.max_unzipped_bytes >> 20};

  CLI::App app(kDescription, "gongkai");
  app.footer(kFooter);
  app.set_version_flag("--version", std::string("gongkai ") + GONGKAI_VERSION);
  app.require_subcommand(1, 1);

  CLI::App* extract = app.add_subcommand(
      "extract",
      "print each report as JSON (one object per line, schema "
      "gongkai.report/1); an unreadable file gives a record with \"error\"");
  AddInputs(extract, &options, true);
  AddReading(extract, &options, &mb);
  AddWorkers(extract, &options);
  extract->add_flag("--pretty", options.pretty, "indent the JSON");
  extract->add_option("--output", options.output,
                      "append the records to FILE (each in one write, "
                      "O_APPEND: safe for mappers in parallel)");

  CLI::App* audit = app.add_subcommand(
      "audit",
      "print one line per finding: FILE: CHECK: expected X, printed Y "
      "[FIGURE], and a summary on standard error");
  AddInputs(audit, &options, true);
  AddReading(audit, &options, &mb);
  AddWorkers(audit, &options);
  audit->add_option("--output", options.output, "append the lines to FILE");

  CLI::App* ingest = app.add_subcommand(
      "ingest",
      "build or extend the dataset: each file read in its own worker; .jsonl "
      "files made by extract loaded as they are; files already stored (same "
      "sha256) skipped, so a re-run finishes a job");
  AddInputs(ingest, &options, true);
  AddReading(ingest, &options, &mb);
  AddWorkers(ingest, &options);
  AddDb(ingest, &options);

  CLI::App* export_command =
      app.add_subcommand("export", "write the dataset as CSV and JSON Lines");
  AddRules(export_command, &options);
  AddDb(export_command, &options);
  export_command->add_option("--out", options.out_dir, "output directory")
      ->capture_default_str();
  export_command->add_flag(
      "--excel", options.excel,
      "CSV for Excel: UTF-8 byte-order mark, CRLF, formulas guarded");
  export_command->add_flag(
      "--xlsx", options.xlsx,
      "also reports.xlsx: one sheet per table, Chinese labels as headers");
  export_command
      ->add_option("--labels", options.export_labels,
                   "headers of reports.csv's figure columns: id or zh "
                   "(their Chinese labels)")
      ->check(CLI::IsMember({"id", "zh"}))
      ->capture_default_str();
  export_command
      ->add_option("--year", options.export_year, "only reports of this year")
      ->check(CLI::Range(1990, 2200));
  export_command->add_option("--province", options.export_province,
                             "only reports of agencies of this province");
  export_command->add_option("--level", options.export_level,
                             "only reports of agencies of this level "
                             "(province, city, county, township)");
  export_command->add_option(
      "--agency", options.export_agency,
      "only reports of this agency (agency_id, name, or name as printed)");

  CLI::App* site = app.add_subcommand(
      "site", "write the audit site of the dataset (static HTML, no server)");
  AddRules(site, &options);
  AddDb(site, &options);
  site->add_option("--out", options.site_dir, "output directory")
      ->capture_default_str();
  AddLimits(site, &options);

  CLI::App* dump = app.add_subcommand(
      "dump",
      "print the document model read from each file: paragraphs (P) and "
      "table cells (row,col [spans])");
  AddInputs(dump, &options, true);
  AddReading(dump, &options, &mb);
  AddLimits(dump, &options);

  CLI::App* rules =
      app.add_subcommand("rules", "work with rules files (see rules check)");
  rules->require_subcommand(1, 1);
  CLI::App* check = rules->add_subcommand(
      "check",
      "check rules files (default: the rules directory); errors are printed "
      "as FILE:LINE: MESSAGE");
  check->add_option("paths", options.inputs, "rules files or directories");
  AddRules(check, &options);

  // An unknown command names the nearest one.
  if (argc >= 2 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (const CLI::App* c : app.get_subcommands({}))
      names.push_back(c->get_name());
    const std::string word = argv[1];
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      const std::string near = Nearest(word, names);
      return UsageError(
          "unknown command '" + word + "'" +
              (near.empty() ? "" : "; did you mean '" + near + "'?"),
          "");
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string command, path;  // "check", "rules check"
    for (const CLI::App* c = &app; !c->get_subcommands().empty();) {
      command = (c = c->get_subcommands().front())->get_name();
      path += (path.empty() ? "" : " ") + command;
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&e) && !command.empty()) {
      for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0) continue;
        std::string why = FlagOfOtherCommands(app, arg, command);
        if (!why.empty()) return UsageError(why, path);
      }
    }
    return UsageError(e.what(), path);
  }
  options.limits.max_file_bytes = mb.max_file << 20;
  options.limits.max_unzipped_bytes = mb.max_unzipped << 20;
  if (options.workers == 0) {
    options.workers =
        static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }
  if (*check) {
    if (options.inputs.empty()) options.inputs.push_back(options.rules_dir);
    return RunRulesCheck(options.inputs);
  }
  if (*export_command) return RunExport(options);
  if (*site) return RunSite(options);
  if (*ingest) return RunIngest(options);
  if (*dump) return RunDump(options);
  if (*audit) return RunAudit(options);
  return RunExtract(options);
}
