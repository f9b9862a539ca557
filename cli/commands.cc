// extract, audit and rules check; see commands.h.
#include "cli/commands.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include "extractors/registry.h"
#include "src/batch/child.h"
#include "src/batch/workers.h"
#include "src/dataset/dataset.h"
#include "src/dataset/export.h"
#include "src/normalize/normalize.h"
#include "src/pipeline.h"
#include "src/read/divisions.h"
#include "src/rules/rules.h"
#include "src/sinks/sinks.h"

namespace gongkai::cli {
namespace fs = std::filesystem;

namespace {

bool SkippedInDirectory(const fs::path& p) {
  const std::string name = p.filename().string();
  if (name.empty() || name[0] == '.') return true;
  const std::string ext = p.extension().string();
  return ext == ".json" || ext == ".jsonl" || ext == ".md";
}

// Prints why the rules of `dir` could not be loaded; returns kExitRules.
int RulesFailed(const std::string& dir, const Status& status) {
  std::cerr << "gongkai: cannot load rules from " << dir << ":\n"
            << status.message() << "\n";
  return kExitRules;
}

}  // namespace

bool LoadRules(const std::string& dir, bool compile_all, RuleLibrary* out) {
  StatusOr<RuleLibrary> library = RuleLibrary::Open(dir);
  Status s = library.ok() ? Status::Ok() : library.status();
  if (s.ok() && compile_all) s = library->CompileAll();
  if (!s.ok()) {
    RulesFailed(dir, s);
    return false;
  }
  *out = std::move(*library);
  return true;
}

namespace {

// Loads the rules, then runs every input in worker processes
// (src/batch/workers.h), calling `emit` with each record's JSON in
// input order. With a single input, only the rule set it picks is
// compiled. Returns kExitOk, kExitRules if the rules could not be
// loaded (said on stderr) or kExitInputErrors if workers could not run.
template <typename Emit>
int ForEachRecord(const Options& options, Emit emit) {
  const std::vector<std::string> paths = ExpandInputs(options.inputs);
  RuleLibrary rules;
  if (!LoadRules(options.rules_dir, paths.size() != 1, &rules))
    return kExitRules;
  const Registry& registry = DefaultRegistry();
  StatusOr<Divisions> divisions =
      Divisions::Load(options.data_dir + "/divisions", rules.lexicon());
  if (!divisions.ok()) {
    std::cerr << "gongkai: warning: no regions: "
              << divisions.status().message() << "\n";
  }
  const Divisions* d = divisions.ok() ? &*divisions : nullptr;
  // Even a single file is read in a worker, so that a crash or a hang in a
  // parser library still gives its error record (a loop running gongkai
  // once per file loses nothing either). Its rule set is compiled in the
  // worker, when picked; a rules file that does not compile stops the run.
  std::string rules_error;
  std::deque<batch::WorkerJob> jobs;
  for (const std::string& path : paths) jobs.push_back({path, "", jobs.size()});
  std::map<size_t, batch::WorkerResult> finished;
  size_t next = 0;
  std::string error;
  const bool ok = batch::RunWorkers(
      std::move(jobs),
      batch::WorkerContext{BatchOptionsOf(options), registry, rules, d},
      [&](const batch::WorkerJob& job, const batch::WorkerResult& result) {
        if (result.kind == batch::RecordKind::kRulesFailed) {
          rules_error = nlohmann::json::parse(result.json)["error"].value(
              "message", "invalid rules");
          return true;  // said once the run ends, as a rules error
        }
        finished.emplace(job.index, result);
        for (auto it = finished.find(next); it != finished.end();
             it = finished.find(++next)) {
          emit(it->second);
          finished.erase(it);
        }
        return true;
      },
      nullptr, &error);
  if (!ok) {
    std::cerr << "gongkai: " << error << "\n";
    return kExitInputErrors;
  }
  if (!rules_error.empty()) {
    return RulesFailed(options.rules_dir, Status::InvalidRules(rules_error));
  }
  return kExitOk;
}

// Standard output, or the file of --output, written one record at a time:
// each record (its line and newline) goes out in one write(), so that
// several processes writing to one file or pipe never interleave inside a
// record; --output opens with O_APPEND, so that each write lands whole at
// the end of the file whoever else appends to it. A failed open or write (a
// full disk, a closed pipe) is remembered and said at the end (exit 5).
class Output {
 public:
  explicit Output(const std::string& path) : name_("standard output") {
    if (path.empty()) return;
    name_ = path;
    fd_ = open(path.c_str(),
               O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd_ < 0) error_ = errno;
  }
  ~Output() {
    if (fd_ != STDOUT_FILENO && fd_ >= 0) close(fd_);
  }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void Line(const std::string& text) {
    if (!ok()) return;
    buffer_ = text;
    buffer_ += '\n';
    size_t done = 0;
    while (done < buffer_.size()) {
      const ssize_t n =
          write(fd_, buffer_.data() + done, buffer_.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error_ = n < 0 ? errno : EIO;
        return;
      }
      done += static_cast<size_t>(n);
    }
  }
  bool ok() const { return error_ == 0; }
  // Says why the output failed; returns kExitDataset (5).
  int Failed() const {
    std::cerr << "gongkai: cannot write to " << name_ << ": "
              << std::strerror(error_) << "\n";
    return kExitDataset;
  }

 private:
  std::string name_;
  int fd_ = STDOUT_FILENO;
  std::string buffer_;
  int error_ = 0;
};

// Directories nested deeper than this are not walked (a hostile tree).
constexpr int kMaxWalkDepth = 64;

// Appends the files below `dir` to *found: recursively, hidden entries and
// the sidecars of SkippedInDirectory() left out, hidden and linked
// directories not entered. Nothing is lost without a word: a directory
// that cannot be read, and an entry whose type cannot be known (a symbolic
// link loop), are appended themselves, so that their error record says why
// (EACCES, ELOOP); the walk goes on past them.
void WalkDirectory(const fs::path& dir, std::vector<std::string>* found,
                   int depth) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) {
    found->push_back(dir.string());
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      found->push_back(dir.string());
      return;
    }
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    std::error_code type_ec;
    const bool link = it->is_symlink(type_ec);
    const bool is_dir = it->is_directory(type_ec);  // follows the link
    if (type_ec) {
      if (!SkippedInDirectory(p)) found->push_back(p.string());
      continue;
    }
    if (is_dir) {
      if (!name.empty() && name[0] != '.' && !link && depth < kMaxWalkDepth)
        WalkDirectory(p, found, depth + 1);
      continue;
    }
    if (!SkippedInDirectory(p)) found->push_back(p.string());
  }
}

}  // namespace

batch::BatchOptions BatchOptionsOf(const Options& options) {
  batch::BatchOptions b;
  b.workers = std::max(1, options.workers);
  b.timeout_s = options.timeout_s;
  b.max_memory_mb = options.max_memory_mb;
  b.limits = options.limits;
  return b;
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const std::string& arg : args) {
    if (arg == "-") {
      std::string line;
      while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) files.push_back(line);
      }
      continue;
    }
    std::error_code ec;
    if (!fs::is_directory(arg, ec)) {
      files.push_back(arg);
      continue;
    }
    std::vector<std::string> found;
    WalkDirectory(arg, &found, 0);
    if (found.empty())
      std::cerr << "gongkai: warning: " << arg
                << " holds no file to read (hidden files and .json, .jsonl, "
                   ".md notes are skipped)\n";
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

int RunExtract(const Options& options) {
  bool any_error = false;
  Output out(options.output);
  if (!out.ok()) return out.Failed();
  const int status =
      ForEachRecord(options, [&](const batch::WorkerResult& result) {
        any_error = any_error || !result.is_report();
        out.Line(options.pretty
                     ? nlohmann::ordered_json::parse(result.json).dump(1)
                     : result.json);
      });
  if (status != kExitOk) return status;
  if (!out.ok()) return out.Failed();
  return any_error ? kExitInputErrors : kExitOk;
}

int RunAudit(const Options& options) {
  // Counts for the summary on standard error: files, reports, reports
  // failing a hard identity, reports with warnings only, error records.
  long files = 0, reports = 0, failing = 0, warned = 0, errors = 0;
  bool any_failure = false;
  Output out(options.output);
  if (!out.ok()) return out.Failed();
  const int status =
      ForEachRecord(options, [&](const batch::WorkerResult& result) {
        const nlohmann::ordered_json record =
            nlohmann::ordered_json::parse(result.json);
        ++files;
        if (!result.is_report()) ++errors;
        bool fails = false, warns = false;
        if (record.contains("findings")) {
          for (const auto& f : record["findings"]) {
            (f.value("severity", "") == "error" ? fails : warns) = true;
          }
        }
        any_failure = any_failure || fails;  // partial reports count too
        if (result.is_report()) {
          ++reports;
          failing += fails;
          warned += warns && !fails;
        }
        std::string lines;
        for (const std::string& line : AuditLines(record))
          lines += (lines.empty() ? "" : "\n") + line;
        if (!lines.empty()) out.Line(lines);
      });
  if (status != kExitOk) return status;
  if (!out.ok()) return out.Failed();
  std::cerr << "gongkai: " << files << " files: " << reports << " reports ("
            << failing << " failing a hard identity, " << warned
            << " with warnings only), " << errors << " not read\n";
  if (any_failure) return kExitFindings;
  return errors > 0 ? kExitInputErrors : kExitOk;
}

// Returns the dump of one document: its blocks and cells, normalized.
std::string DumpText(const std::string& path, const Document& doc) {
  std::ostringstream out;
  out << "# " << path << " (" << doc.source.format << ", " << doc.pages
      << " pages)\n";
  for (const Block& b : doc.blocks) {
    if (b.kind != BlockKind::kTable) {
      out << "P" << b.page << " " << b.text << "\n";
      continue;
    }
    out << "T" << b.page << " " << b.table.rows << "x" << b.table.cols << "\n";
    for (const Cell& c : b.table.cells) {
      out << "  " << c.row << "," << c.col;
      if (c.row_span > 1 || c.col_span > 1)
        out << " [" << c.row_span << "x" << c.col_span << "]";
      out << " " << c.text;
      if (c.confidence) {  // read by OCR: its readings and how sure
        out << "  {ocr " << (c.uncertain ? "uncertain" : "certain");
        for (const std::string& r : c.readings) out << " '" << r << "'";
        out << "}";
      }
      out << "\n";
    }
  }
  return out.str();
}

int RunDump(const Options& options) {
  const Registry& registry = DefaultRegistry();
  RuleLibrary rules;  // for its lexicon: no set is compiled
  if (!LoadRules(options.rules_dir, false, &rules)) return kExitRules;
  registry.Preload();  // once, not in every child
  bool any_error = false;
  for (const std::string& path : ExpandInputs(options.inputs)) {
    // In a child under the worker's limits (--timeout, --max-memory-mb):
    // a document that hangs or blows up a parser costs its dump only.
    batch::ChildResult r = batch::RunInChild(
        [&](std::string* failure) {
          StatusOr<Document> doc =
              ExtractFile(path, registry, options.limits, rules.lexicon());
          if (!doc.ok()) {
            *failure = doc.status().ToString();
            return std::string();
          }
          Normalize(*doc);
          return DumpText(path, *doc);
        },
        options.timeout_s, options.max_memory_mb);
    if (r.ok) {
      std::cout << r.output;
    } else {
      std::cout << path << ": error: "
                << (r.code == "failed" ? r.message
                                       : "worker: " + r.code + ": " + r.message)
                << "\n";
      any_error = true;
    }
  }
  return any_error ? kExitInputErrors : kExitOk;
}

int OpenForReading(const Options& options, RuleLibrary* rules,
                   std::unique_ptr<Dataset>* dataset) {
  if (!LoadRules(options.rules_dir, true, rules)) return kExitRules;
  if (!fs::exists(options.db_path)) {
    std::cerr << "gongkai: no dataset at " << options.db_path << "\n";
    return kExitDataset;
  }
  StatusOr<std::unique_ptr<Dataset>> opened =
      Dataset::OpenReadOnly(options.db_path);
  if (!opened.ok()) {
    std::cerr << "gongkai: " << opened.status().message() << "\n";
    return kExitDataset;
  }
  *dataset = std::move(*opened);
  return kExitOk;
}

int RunExport(const Options& options) {
  RuleLibrary rules;
  std::unique_ptr<Dataset> dataset;
  if (int code = OpenForReading(options, &rules, &dataset); code != kExitOk)
    return code;
  ExportOptions export_options;
  export_options.rules = &rules.sets();
  export_options.excel = options.excel;
  export_options.xlsx = options.xlsx;
  export_options.chinese_headers = options.export_labels == "zh";
  export_options.year = options.export_year;
  export_options.province = options.export_province;
  export_options.level = options.export_level;
  export_options.agency = options.export_agency;
  Status s = ExportDataset(*dataset, options.out_dir, export_options);
  if (!s.ok()) {
    std::cerr << "gongkai: " << s.message() << "\n";
    return kExitDataset;
  }
  std::cerr << "gongkai: exported " << options.db_path << " to "
            << options.out_dir << "/\n";
  return kExitOk;
}

int RunRulesCheck(const std::vector<std::string>& paths) {
  int errors = 0, files = 0;
  for (const std::string& path : paths) {
    std::vector<std::string> rule_files;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (const auto& e : fs::directory_iterator(path, ec)) {
        if (e.path().extension() == ".rules")
          rule_files.push_back(e.path().string());
      }
      std::sort(rule_files.begin(), rule_files.end());
    } else {
      rule_files.push_back(path);
    }
    for (const std::string& file : rule_files) {
      ++files;
      StatusOr<RuleSet> r = LoadRulesFile(file);
      if (!r.ok()) {
        std::cout << r.status().message() << "\n";
        ++errors;
        continue;
      }
      std::cout << file << ": ok: version " << r->version << ", "
                << r->tables.size() << " tables, " << r->AllFigureIds().size()
                << " figures, " << r->checks.size() << " checks\n";
    }
  }
  if (files == 0) {
    std::cout << "gongkai: no rules files found\n";
    return kExitFindings;
  }
  return errors ? kExitFindings : kExitOk;
}

}  // namespace gongkai::cli
