// The dataset: reports, agencies, figures, evidence, findings and errors in
// one SQLite file (WAL), keyed by each input file's sha256 so that ingesting
// again adds nothing twice. Every record goes in within one transaction;
// a process killed in the middle leaves every earlier record whole and
// nothing of the interrupted one, so a re-run finishes the job.
//
// Records come in as the JSON of `gongkai extract` (schema gongkai.report/1):
// the same path for a direct ingest and for JSON Lines made elsewhere.
// The schema is documented in README.md ("Dataset").
#ifndef GONGKAI_SRC_DATASET_DATASET_H_
#define GONGKAI_SRC_DATASET_DATASET_H_

#include <sqlite3.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "src/model/status.h"
#include "src/rules/rules.h"

namespace gongkai {

// The dataset's schema, kept in PRAGMA user_version: 2 stores figure
// values as NUMERIC (counts as integers); 1 (user_version 0) as REAL.
inline constexpr long long kSchemaVersion = 2;

struct DatasetSummary {
  long files = 0;        // stored reports, one per file
  long reports = 0;      // reports, the copies of one report counted once
  long conflicting = 0;  // agency-years with versions whose figures differ
  long agencies = 0, failing_reports = 0, errors = 0;
  long dataset_findings = 0;
};

class Dataset {
 public:
  // Opens or creates the dataset at `path` and its schema. A dataset that
  // fails SQLite's quick_check (damaged in its middle) is refused
  // ("corrupt"), so that nothing is written on top of the damage.
  static StatusOr<std::unique_ptr<Dataset>> Open(const std::string& path);

  // Opens the dataset at `path` for reading only (export): the file is not
  // created, its schema and journal mode are not touched, and a dataset in
  // a read-only place can be read. Checked as Open() does.
  static StatusOr<std::unique_ptr<Dataset>> OpenReadOnly(
      const std::string& path);
  ~Dataset();

  // Returns true iff a report or an error record with this sha256 is stored.
  bool HasSha256(const std::string& sha256);
  // Returns true iff an error record for this path (no sha256: the file
  // could not be read) is stored.
  bool HasPathError(const std::string& path);

  // Stores one record (a report or an error), in one transaction; a record
  // already stored is left as it is.
  Status Insert(const nlohmann::json& record);

  // Recomputes which files are copies of one report (the canonical one of
  // each agency and year) and the checks across reports (rules `check`
  // lines that name a
  // `prev:` figure: last year's report of the same agency) for every agency
  // and year; a missing year gives "incomplete", never a failure.
  Status RunDatasetChecks(const std::vector<RuleSet>& rules);

  StatusOr<DatasetSummary> Summary();

  sqlite3* db() { return db_; }

 private:
  explicit Dataset(sqlite3* db) : db_(db) {}
  Status Exec(const std::string& sql);
  // Recomputes report_copies: the copies and versions of each agency's
  // report of a year, and the canonical one (dataset_copies.cc). Inside
  // RunDatasetChecks' transaction.
  Status FindCopies();
  // Brings a dataset of an older schema (PRAGMA user_version) to
  // kSchemaVersion in one transaction; refuses one of a newer schema
  // ("newer_schema"). Called by Open().
  Status Migrate(const std::string& path);
  // Returns the id for a new agency of `key`: from the key's SHA-256, so
  // that datasets of the same inputs number agencies alike whatever the
  // order of ingest; the next free one after a collision.
  long long FreeAgencyId(const std::string& key);
  // Inserts the rows of a report's "diagnosis" (inside Insert's
  // transaction); returns the first failure.
  Status InsertDiagnosis(const std::string& sha, const nlohmann::json& record);
  sqlite3* db_;
};

}  // namespace gongkai

#endif  // GONGKAI_SRC_DATASET_DATASET_H_
