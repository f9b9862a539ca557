// CSV and JSON Lines export; see export.h.
#include "src/dataset/export.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "src/dataset/export_xlsx.h"
#include "src/dataset/sqlite_util.h"
#include "src/io/output_dir.h"
#include "src/model/number.h"

namespace gongkai {
namespace {

std::string Csv(const std::string& field) {
  if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Number(std::optional<double> v) {
  if (!v) return "";
  if (std::optional<long long> whole = AsWholeNumber(*v);
      whole && std::abs(*v) < 1e15) {
    return std::to_string(*whole);
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", *v);
  return buf;
}

// Where CSV files go: the output directory, and whether they are for
// Excel (ExportOptions::excel).
struct CsvSink {
  OutputDir& dir;
  bool excel = false;
};

// One CSV file being written.
class CsvFile {
 public:
  // Starts `name` in `sink`; ok() is false when it could not be created.
  CsvFile(const CsvSink& sink, const std::string& name)
      : file_(sink.dir.Create(name)), excel_(sink.excel) {
    if (file_ && excel_) file_->Write("\xEF\xBB\xBF");  // UTF-8 BOM
  }
  bool ok() const { return file_ != nullptr; }
  void Row(const std::vector<std::string>& fields) {
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i)
      line +=
          (i ? "," : "") + Csv(excel_ ? GuardFormula(fields[i]) : fields[i]);
    line += excel_ ? "\r\n" : "\n";
    file_->Write(line);
  }

 private:
  OutputFile* file_;
  bool excel_;
};

// Runs `sql` and writes one CSV row per result row, all columns as text
// (NULL as empty, REAL through Number()).
Status QueryToCsv(sqlite3* db, const std::string& sql,
                  const std::vector<std::string>& header, const CsvSink& sink,
                  const std::string& name) {
  CsvFile out(sink, name);
  if (!out.ok()) return sink.dir.Commit();  // the creation error
  out.Row(header);
  Stmt q(db, sql);
  if (!q.ok()) return q.Error("export query");
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    std::vector<std::string> fields;
    for (size_t i = 0; i < header.size(); ++i) {
      const int col = static_cast<int>(i);
      fields.push_back(q.IsNull(col) ? "" : q.Text(col));
    }
    out.Row(fields);
  }
  return rc == SQLITE_DONE ? Status::Ok() : q.Error("export query");
}

// Returns every figure id of the rule sets, in rules order, each once.
std::vector<std::string> FigureOrder(const std::vector<RuleSet>* rules) {
  std::vector<std::string> order;
  std::set<std::string> seen;
  if (!rules) return order;
  for (const RuleSet& r : *rules) {
    for (const std::string& id : r.AllFigureIds())
      if (seen.insert(id).second) order.push_back(id);
  }
  return order;
}

// codebook.csv: every figure id of every rule set with its labels.
Status WriteCodebook(const std::vector<RuleSet>& rules, const CsvSink& sink) {
  CsvFile out(sink, "codebook.csv");
  if (!out.ok()) return sink.dir.Commit();
  out.Row({"figure", "rules", "table", "caption", "row", "column", "label",
           "type"});
  for (const RuleSet& set : rules) {
    std::set<std::string> prose;  // several patterns may give one figure
    for (const ProseRule& p : set.prose) {
      if (!prose.insert(p.name).second) continue;
      out.Row({"prose." + p.name, set.version, "prose", "", "", "", "",
               p.unit.empty() ? "count" : p.unit});
    }
    for (const TableRule& t : set.tables) {
      const char* type = t.type == ValueType::kCount         ? "count"
                         : t.type == ValueType::kSignedCount ? "signed"
                                                             : "amount";
      for (const RowRule& r : t.rows) {
        for (size_t c = 0; c < t.columns.size(); ++c) {
          const std::string id = t.FigureId(r, c);
          out.Row({id, set.version, t.id, t.caption,
                   r.id.empty() ? "" : r.display, t.column_labels[c],
                   set.FigureLabel(id), type});
        }
      }
    }
  }
  return Status::Ok();
}

// Returns the label of figure `id` in the first rule set that has one, or
// the id itself (a prose figure, or one no rules know).
std::string LabelOf(const std::vector<RuleSet>* rules, const std::string& id) {
  if (rules) {
    for (const RuleSet& set : *rules) {
      const std::string label = set.FigureLabel(id);
      if (!label.empty()) return label;
    }
  }
  return id;
}

// Every export names the agency the same way: its id in agencies.csv, its
// one name there (the fullest spelling seen) and its division code.
const std::string kAgencyColumns = "r.agency_id, a.name, a.division_code";
const std::string kAgencyJoin = "LEFT JOIN agencies a ON a.id = r.agency_id ";

std::vector<std::string> WithAgency(std::vector<std::string> before,
                                    const std::vector<std::string>& after) {
  for (const char* c : {"agency_id", "agency", "division_code"})
    before.push_back(c);
  before.insert(before.end(), after.begin(), after.end());
  return before;
}

// Returns SQL giving the items of the JSON array in `column` separated by
// spaces (figure ids and check ids hold none), not JSON inside a CSV cell.
std::string JsonListAsWords(const std::string& column) {
  return "(SELECT group_concat(value, ' ') FROM json_each(" + column + "))";
}

bool HasTable(sqlite3* db, const std::string& table) {
  Stmt q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  q.Bind(1, table);
  return q.Step() == SQLITE_ROW;
}

// Narrows what every query sees to the reports `options` selects: temporary
// tables of the same names shadow the dataset's (SQLite resolves an
// unqualified name in temp first), so every export query is the same with
// or without a filter.
Status SelectReports(sqlite3* db, const ExportOptions& options) {
  Stmt select(db,
              "CREATE TEMP TABLE reports AS SELECT r.* FROM main.reports r "
              "LEFT JOIN main.agencies a ON a.id = r.agency_id WHERE "
              "(?1 = 0 OR r.year = ?1) AND (?2 = '' OR a.province = ?2) AND "
              "(?3 = '' OR a.level = ?3) AND (?4 = '' OR a.name = ?4 OR "
              "r.agency_name = ?4 OR CAST(r.agency_id AS TEXT) = ?4)");
  select.Bind(1, static_cast<long long>(options.year))
      .Bind(2, options.province)
      .Bind(3, options.level)
      .Bind(4, options.agency);
  if (select.Step() != SQLITE_DONE) return select.Error("export filter");
  constexpr const char* kShadows[] = {
      "CREATE TEMP TABLE figures AS SELECT * FROM main.figures WHERE sha256 "
      "IN (SELECT sha256 FROM temp.reports)",
      "CREATE TEMP TABLE evidence AS SELECT * FROM main.evidence WHERE sha256 "
      "IN (SELECT sha256 FROM temp.reports)",
      "CREATE TEMP TABLE findings AS SELECT * FROM main.findings WHERE sha256 "
      "IN (SELECT sha256 FROM temp.reports)",
      "CREATE TEMP TABLE diagnoses AS SELECT * FROM main.diagnoses WHERE "
      "sha256 IN (SELECT sha256 FROM temp.reports)",
      "CREATE TEMP TABLE dataset_findings AS SELECT * FROM "
      "main.dataset_findings WHERE sha256 IN (SELECT sha256 FROM "
      "temp.reports)",
      "CREATE TEMP TABLE agencies AS SELECT * FROM main.agencies WHERE id IN "
      "(SELECT agency_id FROM temp.reports)",
      "CREATE TEMP TABLE errors AS SELECT * FROM main.errors WHERE 0",
  };
  for (const char* sql : kShadows) {
    Stmt q(db, sql);
    if (q.Step() != SQLITE_DONE) return q.Error("export filter");
  }
  if (HasTable(db, "report_copies")) {
    Stmt q(db,
           "CREATE TEMP TABLE report_copies AS SELECT * FROM "
           "main.report_copies WHERE sha256 IN (SELECT sha256 FROM "
           "temp.reports)");
    if (q.Step() != SQLITE_DONE) return q.Error("export filter");
  }
  return Status::Ok();
}

// Returns SQL giving the number in `column` as the CSV shows numbers (up
// to 15 significant digits, "195" whether stored as 195 or 195.0), NULL
// kept NULL (printf would make it 0).
std::string Shown(const std::string& column) {
  return "CASE WHEN " + column + " IS NULL THEN NULL ELSE printf('%.15g', " +
         column + ") END";
}

// Writes every file into `out` from one read transaction of `db`.
Status WriteFiles(sqlite3* db, OutputDir& out, const ExportOptions& options) {
  const CsvSink sink{out, options.excel};
  Status s = QueryToCsv(
      db,
      "SELECT r.sha256, r.path, " + kAgencyColumns +
          ", r.year, r.version, f.figure, " + Shown("f.value") +
          ", e.text, e.page, e.unit, e.marker FROM figures f JOIN reports r "
          "USING(sha256) " +
          kAgencyJoin +
          "LEFT JOIN evidence e ON e.sha256 = f.sha256 AND e.figure = f.figure "
          "ORDER BY r.path, r.sha256, f.rowid",
      WithAgency({"sha256", "path"}, {"year", "version", "figure", "value",
                                      "text", "page", "unit", "marker"}),
      sink, "figures.csv");
  if (!s.ok()) return s;
  s = QueryToCsv(db,
                 "SELECT r.sha256, r.path, " + kAgencyColumns +
                     ", r.year, f.check_id, f.severity, f.result, " +
                     Shown("f.expected") + ", " + Shown("f.actual") + ", " +
                     JsonListAsWords("f.cells") +
                     ", f.message FROM findings f JOIN reports r "
                     "USING(sha256) " +
                     kAgencyJoin + "ORDER BY r.path, r.sha256, f.seq",
                 WithAgency({"sha256", "path"},
                            {"year", "check", "severity", "result", "expected",
                             "actual", "cells", "message"}),
                 sink, "findings.csv");
  if (!s.ok()) return s;
  s = QueryToCsv(
      db,
      "SELECT r.sha256, r.path, " + kAgencyColumns + ", r.year, d.seq, " +
          JsonListAsWords("d.checks") +
          ", d.verdict, d.basis, d.found, d.candidate, d.figure, d.label, " +
          Shown("d.printed") + ", d.read, " + Shown("d.implied") +
          ", d.role FROM diagnoses d JOIN reports r USING(sha256) " +
          kAgencyJoin +
          "ORDER BY r.path, r.sha256, d.seq, d.candidate, d.rowid",
      WithAgency(
          {"sha256", "path"},
          {"year", "group", "checks", "verdict", "basis", "found", "candidate",
           "figure", "label", "printed", "read", "implied", "role"}),
      sink, "diagnoses.csv");
  if (!s.ok()) return s;
  s = QueryToCsv(db,
                 "SELECT d.check_id, d.agency_id, a.name, a.division_code, "
                 "d.year, d.previous_year, d.result, d.severity, " +
                     Shown("d.expected") + ", " + Shown("d.actual") +
                     ", d.sha256, d.previous_sha256, d.message FROM "
                     "dataset_findings d "
                     "LEFT JOIN agencies a ON a.id = d.agency_id "
                     "ORDER BY a.key, d.year, d.check_id, d.rowid",
                 {"check", "agency_id", "agency", "division_code", "year",
                  "previous_year", "result", "severity", "expected", "actual",
                  "sha256", "previous_sha256", "message"},
                 sink, "dataset_findings.csv");
  if (!s.ok()) return s;
  s = QueryToCsv(db,
                 "SELECT a.id, a.name, a.division_code, a.province, a.city, "
                 "a.county, a.level, count(r.sha256), min(r.year), "
                 "max(r.year) FROM agencies a LEFT JOIN reports r ON "
                 "r.agency_id = a.id GROUP BY a.id ORDER BY a.id",
                 {"agency_id", "agency", "division_code", "province", "city",
                  "county", "level", "files", "first_year", "last_year"},
                 sink, "agencies.csv");
  if (!s.ok()) return s;
  if (HasTable(db, "report_copies")) {
    s = QueryToCsv(
        db,
        "SELECT c.agency_id, a.name, a.division_code, c.year, c.version, "
        "c.canonical, c.copies, c.differing, r.sha256, r.path FROM "
        "report_copies c JOIN reports r USING(sha256) LEFT JOIN agencies a ON "
        "a.id = c.agency_id WHERE c.versions > 1 ORDER BY a.key, c.year, "
        "c.version, r.path",
        {"agency_id", "agency", "division_code", "year", "version", "canonical",
         "copies", "figures_differing", "sha256", "path"},
        sink, "conflicts.csv");
    if (!s.ok()) return s;
  }
  s = QueryToCsv(db,
                 "SELECT path, sha256, stage, code, message FROM errors ORDER "
                 "BY path, key",
                 {"path", "sha256", "stage", "code", "message"}, sink,
                 "errors.csv");
  if (!s.ok()) return s;

  if (options.rules) {
    s = WriteCodebook(*options.rules, sink);
    if (!s.ok()) return s;
  }

  // Wide form: one row per report, one column per figure.
  std::vector<std::string> columns = FigureOrder(options.rules);
  {
    std::set<std::string> known(columns.begin(), columns.end()), extra;
    Stmt q(db, "SELECT DISTINCT figure FROM figures");
    while (q.Step() == SQLITE_ROW) {
      if (!known.count(q.Text(0))) extra.insert(q.Text(0));
    }
    columns.insert(columns.end(), extra.begin(), extra.end());
  }
  CsvFile wide(sink, "reports.csv");
  if (!wide.ok()) return out.Commit();
  std::vector<std::string> header = {"sha256",         "path",
                                     "format",         "agency_id",
                                     "agency",         "agency_printed",
                                     "division_code",  "province",
                                     "city",           "county",
                                     "level",          "year",
                                     "published",      "published_source",
                                     "version",        "hard_failures",
                                     "cells_expected", "cells_read",
                                     "canonical",      "copies",
                                     "versions"};
  for (const std::string& id : columns)
    header.push_back(options.chinese_headers ? LabelOf(options.rules, id) : id);
  wide.Row(header);
  std::map<std::string, size_t> column_of;
  for (size_t i = 0; i < columns.size(); ++i) column_of[columns[i]] = i;
  // A dataset made before reports carried their coverage, exported without
  // being migrated (export opens read-only), has NULL coverage.
  const bool has_coverage =
      Stmt(db,
           "SELECT 1 FROM pragma_table_info('reports') WHERE name = "
           "'cells_expected'")
          .Step() == SQLITE_ROW;
  // Likewise a dataset made before copies were found: every file its own
  // report.
  const bool has_copies = HasTable(db, "report_copies");
  Stmt reports(
      db,
      std::string("SELECT r.sha256, r.path, r.format, r.agency_id, "
                  "a.name, r.agency_name, a.division_code, "
                  "a.province, a.city, a.county, a.level, r.year, "
                  "r.published, r.published_source, r.version, "
                  "r.hard_failures, ") +
          (has_coverage ? "r.cells_expected, r.cells_read, " : "NULL, NULL, ") +
          (has_copies ? "coalesce(c.canonical, 1), coalesce(c.copies, 1), "
                        "coalesce(c.versions, 1) "
                      : "1, 1, 1 ") +
          "FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id " +
          (has_copies ? "LEFT JOIN report_copies c USING(sha256) " : "") +
          "ORDER BY r.path, r.sha256");
  Stmt figures(db, "SELECT figure, value FROM figures WHERE sha256=?");
  while (reports.Step() == SQLITE_ROW) {
    std::vector<std::string> fields;
    for (int i = 0; i < 21; ++i)
      fields.push_back(reports.IsNull(i) ? "" : reports.Text(i));
    std::vector<std::string> values(columns.size());
    figures.Reset();
    figures.Bind(1, reports.Text(0));
    while (figures.Step() == SQLITE_ROW)
      values[column_of[figures.Text(0)]] = Number(figures.Double(1));
    fields.insert(fields.end(), values.begin(), values.end());
    wide.Row(fields);
  }
  if (options.xlsx && options.rules) {
    StatusOr<std::string> workbook = WorkbookBytes(db, *options.rules);
    if (!workbook.ok()) return workbook.status();
    OutputFile* xlsx = out.Create("reports.xlsx");
    if (!xlsx) return out.Commit();
    xlsx->Write(*workbook);
  }
  // JSON Lines: every stored record.
  OutputFile* jsonl = out.Create("reports.jsonl");
  if (!jsonl) return out.Commit();
  Stmt records(
      db,
      "SELECT record FROM (SELECT path, sha256 AS k, record FROM reports "
      "UNION ALL SELECT path, key AS k, record FROM errors) ORDER BY path, k");
  int rc;
  while ((rc = records.Step()) == SQLITE_ROW) *jsonl << records.Text(0) << "\n";
  return rc == SQLITE_DONE ? Status::Ok() : records.Error("export query");
}

}  // namespace

Status ExportDataset(Dataset& dataset, const std::string& dir,
                     const ExportOptions& options, Env* env) {
  StatusOr<std::unique_ptr<OutputDir>> out =
      OutputDir::Open(dir, "export", env);
  if (!out.ok()) return out.status();
  sqlite3* db = dataset.db();
  // One read transaction: every file shows the same dataset, even while an
  // ingest writes (WAL readers see the snapshot of their first read).
  char* message = nullptr;
  if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, &message) != SQLITE_OK) {
    Status s = Status::Error("export", "sqlite",
                             std::string("BEGIN: ") + (message ? message : ""));
    sqlite3_free(message);
    return s;
  }
  Status s = options.filtered() ? SelectReports(db, options) : Status::Ok();
  if (s.ok()) s = WriteFiles(db, **out, options);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  if (!s.ok()) return s;  // the temporaries are removed with *out
  return (*out)->Commit();
}

std::string GuardFormula(const std::string& field) {
  if (field.empty()) return field;
  const char first = field[0];
  if (first != '=' && first != '+' && first != '-' && first != '@' &&
      first != '\t' && first != '\r')
    return field;
  // A number ("-3", "+1.5") is a number, not a formula.
  char* end = nullptr;
  std::strtod(field.c_str(), &end);
  if (first != '=' && first != '@' && end && *end == '\0' &&
      end != field.c_str() && field.find_first_of("\t\r") == std::string::npos)
    return field;
  return "'" + field;
}

}  // namespace gongkai
