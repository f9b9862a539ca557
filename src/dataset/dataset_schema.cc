// The dataset's schema (tables, then views) and the migrations from older
// schemas; see dataset_schema.h and dataset.h.
#include "src/dataset/dataset_schema.h"

#include "src/dataset/dataset.h"
#include "src/dataset/sqlite_util.h"

namespace gongkai {

const char* const kSchemaSql = R"sql(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
CREATE TABLE IF NOT EXISTS agencies(
  id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL, name TEXT NOT NULL,
  province TEXT, city TEXT, county TEXT, division_code TEXT, level TEXT);
CREATE TABLE IF NOT EXISTS reports(
  sha256 TEXT PRIMARY KEY, path TEXT, format TEXT, bytes INTEGER, pages INTEGER,
  version TEXT, agency_id INTEGER REFERENCES agencies(id), agency_name TEXT,
  year INTEGER, published TEXT, published_source TEXT,
  hard_failures INTEGER NOT NULL, record TEXT NOT NULL,
  cells_expected INTEGER, cells_read INTEGER);
CREATE TABLE IF NOT EXISTS figures(
  sha256 TEXT NOT NULL REFERENCES reports(sha256), figure TEXT NOT NULL,
  value NUMERIC, PRIMARY KEY(sha256, figure));
CREATE TABLE IF NOT EXISTS evidence(
  sha256 TEXT NOT NULL REFERENCES reports(sha256), figure TEXT NOT NULL,
  page INTEGER, text TEXT, unit TEXT, marker TEXT, PRIMARY KEY(sha256, figure));
CREATE TABLE IF NOT EXISTS findings(
  sha256 TEXT NOT NULL REFERENCES reports(sha256), seq INTEGER NOT NULL,
  check_id TEXT, severity TEXT, result TEXT, expected REAL, actual REAL,
  cells TEXT, message TEXT, PRIMARY KEY(sha256, seq));
CREATE TABLE IF NOT EXISTS diagnoses(
  sha256 TEXT NOT NULL REFERENCES reports(sha256), seq INTEGER NOT NULL,
  checks TEXT, verdict TEXT, basis TEXT, found INTEGER,
  candidate INTEGER NOT NULL, figure TEXT NOT NULL, label TEXT,
  printed REAL, read INTEGER, implied REAL, role TEXT,
  PRIMARY KEY(sha256, seq, candidate, figure));
CREATE TABLE IF NOT EXISTS errors(
  key TEXT PRIMARY KEY, sha256 TEXT, path TEXT, stage TEXT, code TEXT,
  message TEXT, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dataset_findings(
  check_id TEXT NOT NULL, agency_id INTEGER, year INTEGER, previous_year INTEGER,
  sha256 TEXT, previous_sha256 TEXT, severity TEXT, result TEXT,
  expected REAL, actual REAL, cells TEXT, message TEXT);
CREATE TABLE IF NOT EXISTS report_copies(
  sha256 TEXT PRIMARY KEY REFERENCES reports(sha256), agency_id INTEGER,
  year INTEGER, version INTEGER NOT NULL, canonical INTEGER NOT NULL,
  copies INTEGER NOT NULL, versions INTEGER NOT NULL,
  differing INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS reports_agency_year ON reports(agency_id, year);
)sql";

// Views over the tables, made after any migration of them (a table
// rebuilt under a view cannot be renamed into place).
const char* const kViewsSql = R"sql(
-- What users ask first. One row per agency and year: its canonical report's
-- key totals and hard failures.
CREATE VIEW IF NOT EXISTS agency_years AS
  SELECT a.id AS agency_id, a.name AS agency, a.division_code, a.level,
         r.year, r.sha256, r.path, r.hard_failures,
         (SELECT value FROM figures f WHERE f.sha256 = r.sha256 AND
            f.figure = 'applications.new.total') AS applications_new,
         (SELECT value FROM figures f WHERE f.sha256 = r.sha256 AND
            f.figure = 'applications.total.total') AS applications_handled,
         (SELECT value FROM figures f WHERE f.sha256 = r.sha256 AND
            f.figure = 'applications.carry_next.total') AS carried_forward,
         (SELECT value FROM figures f WHERE f.sha256 = r.sha256 AND
            f.figure = 'appeals.review.total') AS reviews
  FROM reports r JOIN agencies a ON a.id = r.agency_id
  LEFT JOIN report_copies c ON c.sha256 = r.sha256
  WHERE r.year IS NOT NULL AND coalesce(c.canonical, 1) = 1;
-- The reports failing a hard identity, with their failing checks.
CREATE VIEW IF NOT EXISTS failing_reports AS
  SELECT r.sha256, r.path, r.agency_id, r.agency_name, r.year,
         r.hard_failures, group_concat(f.check_id, ' ') AS checks
  FROM reports r JOIN findings f ON f.sha256 = r.sha256 AND
       f.severity = 'error'
  WHERE r.hard_failures > 0 GROUP BY r.sha256;
-- The carry-over chain (S1) per agency: this year's 上年结转 against the
-- year before's 结转下年度, per column.
CREATE VIEW IF NOT EXISTS carry_over_chain AS
  SELECT d.agency_id, a.name AS agency, d.year, d.previous_year, d.check_id,
         d.result, d.actual AS carried_over, d.expected AS previous_carry_next
  FROM dataset_findings d LEFT JOIN agencies a ON a.id = d.agency_id
  WHERE d.check_id LIKE 'S1.%';
)sql";

Status Dataset::Migrate(const std::string& path) {
  long long version = 0;
  {
    Stmt q(db_, "PRAGMA user_version");
    if (q.Step() == SQLITE_ROW) version = q.Int(0);
  }
  if (version > kSchemaVersion) {
    return Status::Error("dataset", "newer_schema",
                         path + " was made by a newer gongkai (schema " +
                             std::to_string(version) +
                             "); this one reads schema " +
                             std::to_string(kSchemaVersion) + " and older");
  }
  if (version == kSchemaVersion) return Status::Ok();
  // Schema 1 (no user_version) kept figure values as REAL, so that a count
  // read back as 195.0: rebuilt as NUMERIC, whole values as integers.
  bool real_values = false;
  {
    Stmt q(db_,
           "SELECT 1 FROM pragma_table_info('figures') WHERE name = 'value' "
           "AND type = 'REAL'");
    real_values = q.Step() == SQLITE_ROW;
  }
  // Schema 1 made before reports carried their coverage lacks its columns
  // (NULL for the reports stored then).
  bool has_coverage = false;
  {
    Stmt q(db_,
           "SELECT 1 FROM pragma_table_info('reports') WHERE name = "
           "'cells_expected'");
    has_coverage = q.Step() == SQLITE_ROW;
  }
  Status s = Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  if (!has_coverage) {
    s = Exec(
        "ALTER TABLE reports ADD COLUMN cells_expected INTEGER; "
        "ALTER TABLE reports ADD COLUMN cells_read INTEGER;");
  }
  if (s.ok() && real_values) {
    s = Exec(
        "DROP VIEW IF EXISTS agency_years; DROP VIEW IF EXISTS "
        "failing_reports; DROP VIEW IF EXISTS carry_over_chain;");
  }
  if (s.ok() && real_values) {
    s = Exec(
        "CREATE TABLE figures_numeric(sha256 TEXT NOT NULL REFERENCES "
        "reports(sha256), figure TEXT NOT NULL, value NUMERIC, PRIMARY "
        "KEY(sha256, figure)); "
        "INSERT INTO figures_numeric SELECT sha256, figure, value FROM "
        "figures ORDER BY rowid; "
        "DROP TABLE figures; "
        "ALTER TABLE figures_numeric RENAME TO figures;");
  }
  if (s.ok())
    s = Exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  if (!s.ok()) {
    Exec("ROLLBACK");
    return s;
  }
  return Exec("COMMIT");
}

}  // namespace gongkai
