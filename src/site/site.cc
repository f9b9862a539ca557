// The audit site: the overview, the agency pages, and writing every page;
// see site.h. Report pages are drawn in report_page.cc.
#include "src/site/site.h"

#include <algorithm>
#include <map>

#include "src/dataset/sqlite_util.h"
#include "src/io/output_dir.h"
#include "src/reconcile/evaluate.h"
#include "src/site/html.h"
#include "src/site/pages.h"

namespace gongkai {
namespace site {
namespace {

using Json = nlohmann::json;

std::optional<long long> IntOrNull(Stmt& q, int col) {
  if (q.IsNull(col)) return std::nullopt;
  return q.Int(col);
}

bool IsSha256(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::vector<SiteReport> LoadReports(sqlite3* db) {
  std::vector<SiteReport> out;
  Stmt q(db,
         "SELECT r.sha256, r.path, r.format, r.version, r.agency_id, "
         "coalesce(a.name, r.agency_name), r.year, r.published, "
         "r.hard_failures, r.cells_expected, r.cells_read, a.province, "
         "a.level, r.record FROM reports r LEFT JOIN agencies a ON a.id = "
         "r.agency_id ORDER BY a.key, r.year, r.path, r.sha256");
  while (q.Step() == SQLITE_ROW) {
    SiteReport r;
    r.sha256 = q.Text(0);
    if (!IsSha256(r.sha256)) continue;  // not a name to write a file by
    r.path = q.Text(1);
    r.format = q.Text(2);
    r.version = q.Text(3);
    r.agency_id = IntOrNull(q, 4);
    r.agency = q.IsNull(5) ? "" : q.Text(5);
    r.year = IntOrNull(q, 6);
    r.published = q.IsNull(7) ? "" : q.Text(7);
    r.hard_failures = q.Int(8);
    r.cells_expected = IntOrNull(q, 9);
    r.cells_read = IntOrNull(q, 10);
    r.province = q.IsNull(11) ? "" : q.Text(11);
    r.level = q.IsNull(12) ? "" : q.Text(12);
    r.record = Json::parse(q.Text(13), nullptr, false);
    if (!r.record.is_object()) r.record = Json::object();
    out.push_back(std::move(r));
  }
  return out;
}

std::string Pct(long num, long den) {
  return den == 0 ? "—" : std::to_string((num * 100 + den / 2) / den) + "%";
}

// Returns a chart of the failing share of reports grouped by `key`.
std::string FailingChart(const std::string& title,
                         const std::vector<SiteReport>& reports,
                         std::string (*key)(const SiteReport&)) {
  std::map<std::string, std::pair<long, long>> groups;  // failing, all
  for (const SiteReport& r : reports) {
    auto& g = groups[key(r)];
    g.first += r.hard_failures > 0;
    ++g.second;
  }
  std::vector<Bar> bars;
  for (const auto& [label, g] : groups) {
    bars.push_back({label, 100.0 * g.first / g.second,
                    std::to_string(g.first) + " of " +
                        std::to_string(g.second) + " (" +
                        Pct(g.first, g.second) + ")"});
  }
  return BarChart(title, bars, 100);
}

std::string ReportRowHtml(const SiteReport& r, const std::string& root) {
  std::string agency = Escape(r.agency.empty() ? "?" : r.agency);
  if (r.agency_id)
    agency = "<a href=\"" + root + "agencies/" + std::to_string(*r.agency_id) +
             ".html\">" + agency + "</a>";
  std::string misprints;
  for (const Json& d : r.record.value("diagnosis", Json::array())) {
    if (d.value("verdict", "") == "likely_misprint") misprints += "●";
  }
  return "<tr data-sha256=\"" + r.sha256 + "\"><td>" + agency + "</td><td>" +
         (r.year ? std::to_string(*r.year) : "") + "</td><td><a href=\"" +
         root + "reports/" + ReportFile(r) + "\">" + Escape(r.path) +
         "</a></td><td>" + Escape(r.version) + "</td><td class=\"" +
         (r.hard_failures ? "fail" : "ok") + "\">" +
         std::to_string(r.hard_failures) + "</td><td>" +
         (r.cells_expected && r.cells_read
              ? std::to_string(*r.cells_read) + "/" +
                    std::to_string(*r.cells_expected)
              : "") +
         "</td><td>" + misprints + "</td></tr>\n";
}

const char* kReportHeader =
    "<thead><tr><th>agency</th><th>year</th><th>file</th><th>rules</th>"
    "<th>hard failures</th><th>cells read</th><th>likely misprints</th>"
    "</tr></thead>";

std::string Overview(const std::vector<SiteReport>& reports, sqlite3* db) {
  long agencies = 0, errors = 0, failing = 0;
  {
    Stmt q(db,
           "SELECT (SELECT count(*) FROM agencies), (SELECT count(*) "
           "FROM errors)");
    if (q.Step() == SQLITE_ROW) {
      agencies = static_cast<long>(q.Int(0));
      errors = static_cast<long>(q.Int(1));
    }
  }
  for (const SiteReport& r : reports) failing += r.hard_failures > 0;
  const long n = static_cast<long>(reports.size());
  std::string html = PageStart("Annual reports audited", "");
  html += "<p><b>" + std::to_string(n) + "</b> reports of <b>" +
          std::to_string(agencies) + "</b> agencies; <b class=\"fail\">" +
          std::to_string(failing) + "</b> (" + Pct(failing, n) +
          ") fail a hard identity; " + std::to_string(errors) +
          " files could not be read.</p>\n";
  html += FailingChart(
      "Failing share by province", reports, [](const SiteReport& r) {
        return r.province.empty() ? std::string("?") : r.province;
      });
  html +=
      FailingChart("Failing share by level", reports, [](const SiteReport& r) {
        return r.level.empty() ? std::string("?") : r.level;
      });
  html +=
      FailingChart("Failing share by year", reports, [](const SiteReport& r) {
        return r.year ? std::to_string(*r.year) : std::string("?");
      });
  html +=
      "<h2>Reports</h2>\n<input id=\"filter\" type=\"search\" "
      "placeholder=\"filter: agency, year, file\" aria-label=\"filter\">\n"
      "<div class=\"scroll\"><table data-filter>" +
      std::string(kReportHeader) + "<tbody>\n";
  for (const SiteReport& r : reports) html += ReportRowHtml(r, "");
  html += "</tbody></table></div>\n";
  Stmt q(db, "SELECT path, stage, code, message FROM errors ORDER BY path");
  std::string rows;
  while (q.Step() == SQLITE_ROW) {
    rows += "<tr><td>" + Escape(q.Text(0)) + "</td><td>" + Escape(q.Text(1)) +
            "</td><td>" + Escape(q.Text(2)) + "</td><td>" + Escape(q.Text(3)) +
            "</td></tr>\n";
  }
  if (!rows.empty()) {
    html +=
        "<h2>Files not read</h2>\n<div class=\"scroll\"><table><thead><tr>"
        "<th>file</th><th>stage</th><th>code</th><th>why</th></tr></thead>"
        "<tbody>" +
        rows + "</tbody></table></div>\n";
  }
  return html + PageEnd();
}

std::string AgencyPage(long long id, const std::vector<SiteReport>& reports,
                       sqlite3* db) {
  Stmt a(db, "SELECT name, division_code, level FROM agencies WHERE id=?");
  a.Bind(1, id);
  std::string name = "?", code, level;
  if (a.Step() == SQLITE_ROW) {
    name = a.Text(0);
    code = a.IsNull(1) ? "" : a.Text(1);
    level = a.IsNull(2) ? "" : a.Text(2);
  }
  std::string html = PageStart(name, "../");
  html += "<p>Division " + Escape(code.empty() ? "?" : code) + ", level " +
          Escape(level.empty() ? "?" : level) +
          ".</p>\n<h2>Reports</h2>\n"
          "<div class=\"scroll\"><table>" +
          kReportHeader + "<tbody>";
  for (const SiteReport& r : reports) {
    if (r.agency_id && *r.agency_id == id) html += ReportRowHtml(r, "../");
  }
  html +=
      "</tbody></table></div>\n<h2>Carry-over chain (S1)</h2>\n"
      "<p>Each year's 上年结转 against the year before's 结转下年度, per "
      "column.</p>\n<div class=\"scroll\"><table><thead><tr><th>year"
      "</th><th>year before</th><th>check</th><th>result</th><th>this "
      "year</th><th>year before</th></tr></thead><tbody>";
  Stmt s1(db,
          "SELECT year, previous_year, check_id, result, actual, expected "
          "FROM dataset_findings WHERE agency_id=? AND check_id LIKE 'S1.%' "
          "ORDER BY year, check_id");
  s1.Bind(1, id);
  while (s1.Step() == SQLITE_ROW) {
    const std::string result = s1.Text(3);
    html += "<tr data-check=\"" + Escape(s1.Text(2)) + "\"><td>" + s1.Text(0) +
            "</td><td>" + s1.Text(1) + "</td><td>" + Escape(s1.Text(2)) +
            "</td><td class=\"" +
            (result == "mismatch" ? "fail"
             : result == "ok"     ? "ok"
                                  : "") +
            "\">" + Escape(result) + "</td><td>" +
            (s1.IsNull(4) ? "" : FormatNumber(*s1.Double(4))) + "</td><td>" +
            (s1.IsNull(5) ? "" : FormatNumber(*s1.Double(5))) + "</td></tr>\n";
  }
  return html + "</tbody></table></div>\n" + PageEnd();
}

// Returns, per page, the boxes of a report's flagged cells.
std::map<int, std::vector<Box>> FlaggedBoxes(
    const SiteReport& r, const std::map<std::string, CellState>& flagged) {
  std::map<int, std::vector<Box>> out;
  const Json& evidence = r.record.value("evidence", Json::object());
  for (const auto& [id, state] : flagged) {
    const Json& e = evidence.value(id, Json::object());
    if (!e.is_object() || !e.contains("box") || !e["box"].is_array() ||
        e["box"].size() != 4 || !e.contains("page") ||
        !e["page"].is_number_integer())
      continue;
    const Json& b = e["box"];
    if (!b[0].is_number() || !b[1].is_number() || !b[2].is_number() ||
        !b[3].is_number())
      continue;
    out[e["page"].get<int>()].push_back({b[0].get<double>(), b[1].get<double>(),
                                         b[2].get<double>(),
                                         b[3].get<double>()});
  }
  return out;
}

}  // namespace
}  // namespace site

Status WriteSite(Dataset& dataset, const RuleLibrary& rules,
                 const std::string& dir, const PageRenderer& render, Env* env) {
  using namespace site;
  StatusOr<std::unique_ptr<OutputDir>> out = OutputDir::Open(dir, "site", env);
  if (!out.ok()) return out.status();
  sqlite3* db = dataset.db();
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);  // one snapshot
  const std::vector<SiteReport> reports = LoadReports(db);
  auto write = [&](const std::string& name, const std::string& text) {
    if (OutputFile* f = (*out)->Create(name)) f->Write(text);
  };
  write("style.css", kStylesheet);
  write("site.js", kScript);
  write("index.html", Overview(reports, db));
  std::vector<long long> agencies;
  for (const SiteReport& r : reports) {
    if (r.agency_id) agencies.push_back(*r.agency_id);
  }
  std::sort(agencies.begin(), agencies.end());
  agencies.erase(std::unique(agencies.begin(), agencies.end()), agencies.end());
  for (long long id : agencies)
    write("agencies/" + std::to_string(id) + ".html",
          AgencyPage(id, reports, db));
  for (const SiteReport& r : reports) {
    const std::map<std::string, CellState> flagged = FlaggedCells(r.record);
    std::map<int, std::string> images;
    if (render && r.format == "pdf") {
      for (const auto& [page, boxes] : FlaggedBoxes(r, flagged)) {
        const std::string png = render({r.path, r.sha256, page, boxes});
        if (png.empty()) continue;
        const std::string name =
            r.sha256 + "-p" + std::to_string(page) + ".png";
        write("reports/" + name, png);
        images[page] = name;
      }
    }
    write("reports/" + ReportFile(r),
          ReportPage(r, RulesOf(r.record, rules.sets()), flagged, images));
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return (*out)->Commit();
}

}  // namespace gongkai
