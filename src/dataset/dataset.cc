// The SQLite dataset; see dataset.h. Its schema and migrations are in
// dataset_schema.cc, copies in dataset_copies.cc, checks across years in
// dataset_checks.cc.
#include "src/dataset/dataset.h"

#include "src/dataset/dataset_schema.h"
#include "src/dataset/sqlite_util.h"
#include "src/model/sha256.h"

namespace gongkai {
namespace {

using Json = nlohmann::json;

// An agency's id is the first 13 hexadecimal digits (52 bits: exact in a
// double, as JavaScript and spreadsheets read numbers) of its key's
// SHA-256, plus 1.
constexpr size_t kAgencyIdHexDigits = 13;

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::optional<double> Num(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

void Strip(std::string& s, const std::string& part) {
  if (part.empty()) return;
  size_t pos = s.find(part);
  if (pos != std::string::npos) s.erase(pos, part.size());
}

// The identity of an agency across reports: its most specific division and
// its name without the division names, so that 洪泽区人民政府 and
// 淮安市洪泽区人民政府 are one agency.
std::string AgencyKey(const Json& report) {
  const std::string name = Str(report, "agency");
  const Json& region = report.value("region", Json::object());
  const std::string code = Str(region, "code");
  if (code.empty()) return name;
  std::string body = name;
  for (const char* part : {"province", "city", "county"})
    Strip(body, Str(region, part));
  return code + "|" + body;
}

}  // namespace

namespace {

// Returns an error unless PRAGMA quick_check says "ok".
Status QuickCheck(sqlite3* db, const std::string& path) {
  Stmt q(db, "PRAGMA quick_check");
  if (!q.ok()) return q.Error(path + ": cannot check the dataset");
  if (q.Step() != SQLITE_ROW)
    return q.Error(path + ": cannot check the dataset");
  std::string result = q.Text(0);
  if (result != "ok") {
    // The first problem SQLite names is enough to say it.
    for (int more = 0; q.Step() == SQLITE_ROW && more < 1; ++more)
      result += "; " + q.Text(0);
    if (result.size() > 200) result = result.substr(0, 200) + "...";
    return Status::Error("dataset", "corrupt",
                         path + ": the dataset is damaged (" + result +
                             "); restore it from a copy or ingest into a new "
                             "file");
  }
  return Status::Ok();
}

}  // namespace

StatusOr<std::unique_ptr<Dataset>> Dataset::Open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Error("dataset", "open", path + ": " + msg);
  }
  sqlite3_busy_timeout(db, 10000);
  std::unique_ptr<Dataset> ds(new Dataset(db));
  if (Status c = QuickCheck(db, path); !c.ok()) return c;
  // Tables, then any migration of an older schema, then the views over
  // them (dataset_schema.cc).
  Status s = ds->Exec(kSchemaSql);
  if (!s.ok()) return s;
  s = ds->Migrate(path);
  if (!s.ok()) return s;
  s = ds->Exec(kViewsSql);
  if (!s.ok()) return s;
  return ds;
}

StatusOr<std::unique_ptr<Dataset>> Dataset::OpenReadOnly(
    const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  if (rc == SQLITE_OK) {
    // A WAL dataset in a directory that cannot be written, without its
    // -shm file, opens but cannot be read: read it as immutable (no writer
    // can be at work where nothing can be written).
    rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr,
                      nullptr, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_close(db);
      db = nullptr;
      rc = sqlite3_open_v2(("file:" + path + "?immutable=1").c_str(), &db,
                           SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    }
  }
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Error("dataset", "open", path + ": " + msg);
  }
  sqlite3_busy_timeout(db, 10000);
  std::unique_ptr<Dataset> ds(new Dataset(db));
  if (Status c = QuickCheck(db, path); !c.ok()) return c;
  return ds;
}

Dataset::~Dataset() { sqlite3_close(db_); }

Status Dataset::Exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::Error("dataset", "sqlite", msg);
  }
  return Status::Ok();
}

bool Dataset::HasSha256(const std::string& sha256) {
  // A failure of the worker (a timeout, a crash, memory) is not the file's
  // for good: such a file is read again by the next run.
  Stmt q(db_,
         "SELECT 1 FROM reports WHERE sha256=?1 UNION ALL SELECT 1 FROM errors "
         "WHERE sha256=?1 AND stage != 'worker'");
  q.Bind(1, sha256);
  return q.Step() == SQLITE_ROW;
}

bool Dataset::HasPathError(const std::string& path) {
  Stmt q(db_, "SELECT 1 FROM errors WHERE key=?1");
  q.Bind(1, "path:" + path);
  return q.Step() == SQLITE_ROW;
}

long long Dataset::FreeAgencyId(const std::string& key) {
  long long id =
      std::stoll(Sha256Hex(key).substr(0, kAgencyIdHexDigits), nullptr, 16) + 1;
  Stmt taken(db_, "SELECT 1 FROM agencies WHERE id=?");
  for (;; ++id) {  // a collision of two keys takes the next free id
    taken.Reset();
    taken.Bind(1, id);
    if (taken.Step() != SQLITE_ROW) return id;
  }
}

Status Dataset::InsertDiagnosis(const std::string& sha, const Json& record) {
  Stmt ins(db_,
           "INSERT OR IGNORE INTO diagnoses(sha256, seq, checks, verdict, "
           "basis, found, candidate, figure, label, printed, read, implied, "
           "role) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
  long long seq = 0;
  for (const Json& d : record.value("diagnosis", Json::array())) {
    long long candidate = 0;
    const Json found = d.value("found", Json());
    for (const Json& c : d.value("candidates", Json::array())) {
      for (const Json& cell : c.value("cells", Json::array())) {
        ins.Reset();
        ins.Bind(1, sha)
            .Bind(2, seq)
            .Bind(3, d.value("checks", Json::array()).dump())
            .Bind(4, Str(d, "verdict"))
            .BindTextOrNull(5, Str(d, "basis"));
        if (found.is_number_integer())
          ins.Bind(6, found.get<long long>());
        else
          ins.BindNull(6);
        ins.Bind(7, candidate)
            .Bind(8, Str(cell, "figure"))
            .BindTextOrNull(9, Str(cell, "label"))
            .Bind(10, Num(cell, "printed"))
            .Bind(11, static_cast<long long>(cell.value("read", true) ? 1 : 0))
            .Bind(12, Num(cell, "implied"))
            .Bind(13, Str(cell, "role"));
        if (ins.Step() != SQLITE_DONE) return ins.Error("insert diagnosis");
      }
      ++candidate;
    }
    ++seq;
  }
  return Status::Ok();
}

Status Dataset::Insert(const Json& record) {
  const Json& source = record.value("source", Json::object());
  const std::string sha = Str(source, "sha256");
  Status s = Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  auto fail = [&](const Status& st) {
    Exec("ROLLBACK");
    return st;
  };
  if (!record.contains("report")) {
    const Json& err = record.value("error", Json::object());
    // The latest word on a file: a retried worker failure replaces the
    // one before it.
    Stmt ins(db_,
             "INSERT OR REPLACE INTO errors(key, sha256, path, stage, code, "
             "message, record) "
             "VALUES(?,?,?,?,?,?,?)");
    ins.Bind(1, sha.empty() ? "path:" + Str(source, "path") : sha)
        .BindTextOrNull(2, sha)
        .Bind(3, Str(source, "path"))
        .Bind(4, Str(err, "stage"))
        .Bind(5, Str(err, "code"))
        .Bind(6, Str(err, "message"))
        .Bind(7, record.dump());
    if (ins.Step() != SQLITE_DONE)
      return fail(ins.Error("insert error record"));
    return Exec("COMMIT");
  }
  // A file read at last leaves no error row behind (a worker failure
  // retried, or the same path unreadable before).
  {
    Stmt del(db_, "DELETE FROM errors WHERE key=?1 OR key=?2");
    del.Bind(1, sha).Bind(2, "path:" + Str(source, "path"));
    if (del.Step() != SQLITE_DONE)
      return fail(del.Error("delete error record"));
  }
  const Json& report = record["report"];
  const Json& region = report.value("region", Json::object());
  std::optional<long long> agency_id;
  if (!Str(report, "agency").empty()) {
    const std::string key = AgencyKey(report);
    Stmt known(db_, "SELECT id FROM agencies WHERE key=?");
    known.Bind(1, key);
    if (known.Step() != SQLITE_ROW) {
      Stmt ins(db_,
               "INSERT INTO agencies(id, key, name, province, city, "
               "county, division_code, level) "
               "VALUES(?,?,?,?,?,?,?,?)");
      ins.Bind(1, FreeAgencyId(key))
          .Bind(2, key)
          .Bind(3, Str(report, "agency"))
          .BindTextOrNull(4, Str(region, "province"))
          .BindTextOrNull(5, Str(region, "city"))
          .BindTextOrNull(6, Str(region, "county"))
          .BindTextOrNull(7, Str(region, "code"))
          .BindTextOrNull(8, Str(report, "level"));
      if (ins.Step() != SQLITE_DONE) return fail(ins.Error("insert agency"));
    }
    // One name per agency whatever the order of ingest: the longest name
    // seen (the most complete, 淮安市洪泽区人民政府 over 洪泽区人民政府),
    // ties broken by code point order.
    Stmt name(db_,
              "UPDATE agencies SET name=?1 WHERE key=?2 AND "
              "(length(?1) > length(name) OR (length(?1) = length(name) AND ?1 "
              "< name))");
    name.Bind(1, Str(report, "agency")).Bind(2, AgencyKey(report));
    if (name.Step() != SQLITE_DONE) return fail(name.Error("update agency"));
    Stmt q(db_, "SELECT id FROM agencies WHERE key=?");
    q.Bind(1, AgencyKey(report));
    if (q.Step() == SQLITE_ROW) agency_id = q.Int(0);
  }
  long long hard = 0;
  for (const Json& f : record.value("findings", Json::array())) {
    hard += Str(f, "severity") == "error";
  }
  Stmt rep(
      db_,
      "INSERT OR IGNORE INTO reports(sha256, path, format, bytes, pages, "
      "version, agency_id, "
      "agency_name, year, published, published_source, hard_failures, record, "
      "cells_expected, cells_read) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  rep.Bind(1, sha)
      .Bind(2, Str(source, "path"))
      .Bind(3, Str(source, "format"))
      .Bind(4, static_cast<long long>(source.value("bytes", 0LL)))
      .Bind(5, static_cast<long long>(source.value("pages", 0LL)))
      .Bind(6, Str(report, "version"));
  if (agency_id)
    rep.Bind(7, *agency_id);
  else
    rep.BindNull(7);
  rep.BindTextOrNull(8, Str(report, "agency"));
  if (report.contains("year") && report["year"].is_number()) {
    rep.Bind(9, report["year"].get<long long>());
  } else {
    rep.BindNull(9);
  }
  rep.BindTextOrNull(10, Str(report, "published"))
      .BindTextOrNull(11, Str(report, "published_source"))
      .Bind(12, hard)
      .Bind(13, record.dump());
  const Json& coverage = record.value("coverage", Json::object());
  for (const auto& [column, key] : {std::pair{14, "expected"}, {15, "read"}}) {
    const Json& v = coverage.is_object() ? coverage.value(key, Json()) : Json();
    if (v.is_number_integer()) {
      rep.Bind(column, v.get<long long>());
    } else {
      rep.BindNull(column);
    }
  }
  if (rep.Step() != SQLITE_DONE) return fail(rep.Error("insert report"));
  if (sqlite3_changes(db_) == 0) return Exec("ROLLBACK");  // stored before
  Stmt fig(db_, "INSERT INTO figures(sha256, figure, value) VALUES(?,?,?)");
  Stmt ev(db_,
          "INSERT INTO evidence(sha256, figure, page, text, unit, marker) "
          "VALUES(?,?,?,?,?,?)");
  const Json& evidence = record.value("evidence", Json::object());
  for (auto it = record["figures"].begin(); it != record["figures"].end();
       ++it) {
    fig.Reset();
    fig.Bind(1, sha).Bind(2, it.key());
    fig.Bind(3, it.value().is_number()
                    ? std::optional<double>(it.value().get<double>())
                    : std::nullopt);
    if (fig.Step() != SQLITE_DONE) return fail(fig.Error("insert figure"));
    const Json& e = evidence.value(it.key(), Json::object());
    ev.Reset();
    ev.Bind(1, sha).Bind(2, it.key());
    if (e.contains("page"))
      ev.Bind(3, e["page"].get<long long>());
    else
      ev.BindNull(3);
    ev.Bind(4, Str(e, "text"))
        .BindTextOrNull(5, Str(e, "unit"))
        .BindTextOrNull(6, Str(e, "marker"));
    if (ev.Step() != SQLITE_DONE) return fail(ev.Error("insert evidence"));
  }
  Stmt fin(db_,
           "INSERT INTO findings(sha256, seq, check_id, severity, result, "
           "expected, actual, cells, message) "
           "VALUES(?,?,?,?,?,?,?,?,?)");
  long long seq = 0;
  for (const Json& f : record.value("findings", Json::array())) {
    fin.Reset();
    fin.Bind(1, sha)
        .Bind(2, seq++)
        .Bind(3, Str(f, "check"))
        .Bind(4, Str(f, "severity"))
        .Bind(5, Str(f, "result"))
        .Bind(6, Num(f, "expected"))
        .Bind(7, Num(f, "actual"))
        .Bind(8, f.value("cells", Json::array()).dump())
        .Bind(9, Str(f, "message"));
    if (fin.Step() != SQLITE_DONE) return fail(fin.Error("insert finding"));
  }
  Status diagnosis = InsertDiagnosis(sha, record);
  if (!diagnosis.ok()) return fail(diagnosis);
  return Exec("COMMIT");
}

StatusOr<DatasetSummary> Dataset::Summary() {
  DatasetSummary s;
  struct {
    const char* sql;
    long* out;
  } queries[] = {
      {"SELECT count(*) FROM reports", &s.files},
      {"SELECT (SELECT count(*) FROM reports) - (SELECT count(*) FROM "
       "report_copies WHERE canonical = 0)",
       &s.reports},
      {"SELECT count(*) FROM (SELECT DISTINCT agency_id, year FROM "
       "report_copies WHERE versions > 1)",
       &s.conflicting},
      {"SELECT count(*) FROM agencies", &s.agencies},
      {"SELECT count(*) FROM reports r LEFT JOIN report_copies c "
       "USING(sha256) WHERE r.hard_failures > 0 AND coalesce(c.canonical, 1) "
       "= 1",
       &s.failing_reports},
      {"SELECT count(*) FROM errors", &s.errors},
      {"SELECT count(*) FROM dataset_findings WHERE result='mismatch'",
       &s.dataset_findings}};
  for (auto& q : queries) {
    Stmt st(db_, q.sql);
    if (st.Step() != SQLITE_ROW) return st.Error(q.sql);
    *q.out = st.Int(0);
  }
  return s;
}

}  // namespace gongkai
