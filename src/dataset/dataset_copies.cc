// Copies and versions of one report (issue #13, 4): the same report as PDF,
// HTML and text, or posted twice, is several files of one agency and year.
// Files whose table figures agree exactly (every figure id and value; the
// prose, which some copies lack, is left out) are copies of one version;
// an agency-year with more than one version has conflicting versions (a
// correction republished, or a misread). Each agency-year names one
// canonical report: from the version with the fewest hard failures, then
// the most cells read, then the most copies; within it the file with the
// most cells read, then the first path. See dataset.h.
#include <algorithm>
#include <map>
#include <tuple>

#include "src/dataset/dataset.h"
#include "src/dataset/sqlite_util.h"

namespace gongkai {
namespace {

struct File {
  std::string sha256, path, fingerprint;
  long long hard_failures = 0, cells_read = 0;
  std::map<std::string, std::optional<double>> figures;
};

// Returns how many figures differ between two files (present in one only,
// or with other values).
long long Differing(const File& a, const File& b) {
  long long n = 0;
  for (const auto& [id, v] : a.figures) {
    auto it = b.figures.find(id);
    n += it == b.figures.end() || it->second != v;
  }
  for (const auto& [id, v] : b.figures) n += !a.figures.count(id);
  return n;
}

}  // namespace

Status Dataset::FindCopies() {
  Status s = Exec("DELETE FROM report_copies");
  if (!s.ok()) return s;
  std::map<std::pair<long long, long long>, std::vector<File>> by_year;
  {
    Stmt q(db_,
           "SELECT r.agency_id, r.year, r.sha256, r.path, r.hard_failures, "
           "coalesce(r.cells_read, 0), f.figure, f.value FROM reports r "
           "LEFT JOIN figures f ON f.sha256 = r.sha256 AND f.figure NOT LIKE "
           "'prose.%' WHERE r.agency_id IS NOT NULL AND r.year IS NOT NULL "
           "ORDER BY r.agency_id, r.year, r.sha256, f.figure");
    if (!q.ok()) return q.Error("read copies");
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      std::vector<File>& files = by_year[{q.Int(0), q.Int(1)}];
      if (files.empty() || files.back().sha256 != q.Text(2)) {
        files.push_back({q.Text(2), q.Text(3), "", q.Int(4), q.Int(5), {}});
      }
      if (!q.IsNull(6)) {
        const std::optional<double> v = q.Double(7);
        files.back().figures[q.Text(6)] = v;
        files.back().fingerprint +=
            q.Text(6) + "=" + (v ? std::to_string(*v) : "null") + ";";
      }
    }
    if (rc != SQLITE_DONE) return q.Error("read copies");
  }
  Stmt ins(db_,
           "INSERT INTO report_copies(sha256, agency_id, year, version, "
           "canonical, copies, versions, differing) VALUES(?,?,?,?,?,?,?,?)");
  for (auto& [key, files] : by_year) {
    // Versions: files of one fingerprint, numbered by their first path.
    std::map<std::string, std::vector<const File*>> versions;
    for (const File& f : files) versions[f.fingerprint].push_back(&f);
    auto better_file = [](const File* a, const File* b) {
      return std::tie(b->cells_read, a->path) <
             std::tie(a->cells_read, b->path);
    };
    std::vector<std::vector<const File*>> ordered;
    for (auto& [fp, members] : versions) {
      std::sort(members.begin(), members.end(), better_file);
      ordered.push_back(members);
    }
    std::sort(ordered.begin(), ordered.end(),
              [](const std::vector<const File*>& a,
                 const std::vector<const File*>& b) {
                const File& x = *a.front();
                const File& y = *b.front();
                const long long ax = a.size(), by = b.size();
                return std::tie(x.hard_failures, y.cells_read, by, x.path) <
                       std::tie(y.hard_failures, x.cells_read, ax, y.path);
              });
    const File& canonical = *ordered.front().front();
    for (size_t v = 0; v < ordered.size(); ++v) {
      for (const File* f : ordered[v]) {
        ins.Reset();
        ins.Bind(1, f->sha256)
            .Bind(2, key.first)
            .Bind(3, key.second)
            .Bind(4, static_cast<long long>(v + 1))
            .Bind(5, static_cast<long long>(f == &canonical))
            .Bind(6, static_cast<long long>(ordered[v].size()))
            .Bind(7, static_cast<long long>(ordered.size()))
            .Bind(8, Differing(*f, canonical));
        if (ins.Step() != SQLITE_DONE) return ins.Error("insert copies");
      }
    }
  }
  return Status::Ok();
}

}  // namespace gongkai
