// The report page of the audit site: each table of the report's rules drawn
// in its printed layout (column labels split into header rows by their
// first word, as 行政复议 over 结果维持 ... 总计; groups as rows of their own
// above their rows), every cell marked with its figure id and state; then
// the findings, the diagnosis and the evidence of every flagged cell.
#include <algorithm>

#include "src/reconcile/evaluate.h"
#include "src/site/html.h"
#include "src/site/pages.h"

namespace gongkai::site {
namespace {

using Json = nlohmann::json;

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// Splits a column label "行政复议 结果维持" into its group and its own
// label; a label of one word has no group.
std::pair<std::string, std::string> SplitLabel(const std::string& label) {
  const size_t space = label.find(' ');
  if (space == std::string::npos) return {"", label};
  return {label.substr(0, space), label.substr(space + 1)};
}

std::string HeaderRows(const TableRule& t) {
  std::vector<std::pair<std::string, std::string>> parts;
  bool grouped = false;
  for (const std::string& label : t.column_labels) {
    parts.push_back(SplitLabel(label));
    grouped = grouped || !parts.back().first.empty();
  }
  const bool labelled_rows =
      std::any_of(t.rows.begin(), t.rows.end(),
                  [](const RowRule& r) { return !r.id.empty(); });
  std::string html = "<thead>";
  if (grouped) {
    html += "<tr>";
    if (labelled_rows) html += "<th rowspan=\"2\"></th>";
    for (size_t i = 0; i < parts.size();) {
      size_t j = i;
      while (j < parts.size() && parts[j].first == parts[i].first) ++j;
      html += "<th colspan=\"" + std::to_string(j - i) + "\">" +
              Escape(parts[i].first) + "</th>";
      i = j;
    }
    html += "</tr>";
  }
  html += "<tr>";
  if (labelled_rows && !grouped) html += "<th></th>";
  for (const auto& part : parts) html += "<th>" + Escape(part.second) + "</th>";
  return html + "</tr></thead>";
}

std::string CellHtml(const std::string& id, const Json& figures,
                     const Json& evidence,
                     const std::map<std::string, CellState>& flagged) {
  CellState state = CellState::kMissing;
  std::string shown = "—";
  if (figures.contains(id)) {
    const Json& v = figures[id];
    state = v.is_number() ? CellState::kRead : CellState::kBlank;
    shown = v.is_number() ? FormatNumber(v.get<double>())
                          : Str(evidence.value(id, Json::object()), "text");
  }
  if (auto it = flagged.find(id); it != flagged.end() && figures.contains(id))
    state = it->second;
  std::string title = id;
  const Json& e = evidence.value(id, Json::object());
  if (e.is_object() && e.contains("page") && e["page"].is_number_integer())
    title += ", page " + std::to_string(e["page"].get<int>());
  return "<td class=\"num\" data-figure=\"" + Escape(id) + "\" data-state=\"" +
         StateName(state) + "\" title=\"" + Escape(title) + "\">" +
         Escape(shown) + "</td>";
}

std::string TableHtml(const TableRule& t, const Json& record,
                      const std::map<std::string, CellState>& flagged) {
  const Json& figures = record.value("figures", Json::object());
  const Json& evidence = record.value("evidence", Json::object());
  // Optional columns (a 小计 some reports add) only when the report has one.
  std::vector<size_t> columns;
  for (size_t c = 0; c < t.columns.size(); ++c) {
    bool present = t.optional_column_keys[c].empty();
    for (const RowRule& r : t.rows)
      present = present || figures.contains(t.FigureId(r, c));
    if (present) columns.push_back(c);
  }
  TableRule shown = t;
  shown.column_labels.clear();
  for (size_t c : columns) shown.column_labels.push_back(t.column_labels[c]);
  std::string html = "<h2>" + Escape(t.caption.empty() ? t.id : t.caption) +
                     "</h2>\n<div class=\"scroll\"><table data-table=\"" +
                     Escape(t.id) + "\">" + HeaderRows(shown) + "<tbody>";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const RowRule& row = t.rows[r];
    bool any = !row.optional;
    for (size_t c : columns) any = any || figures.contains(t.FigureId(row, c));
    if (!any) continue;  // an optional row the report does not print
    for (const GroupRule& g : t.groups) {
      if (g.first_row == r)
        html += "<tr class=\"group\"><th colspan=\"" +
                std::to_string(columns.size() + 1) + "\">" + Escape(g.display) +
                "</th></tr>";
    }
    html += "<tr>";
    if (!row.id.empty()) html += "<th>" + Escape(row.display) + "</th>";
    for (size_t c : columns)
      html += CellHtml(t.FigureId(row, c), figures, evidence, flagged);
    html += "</tr>\n";
  }
  return html + "</tbody></table></div>\n";
}

std::string FindingsHtml(const Json& record) {
  std::string html = "<h2>Findings</h2>\n";
  const Json& findings = record.value("findings", Json::array());
  if (findings.empty())
    return html + "<p class=\"ok\">Every check holds.</p>\n";
  html += "<ul>";
  for (const Json& f : findings) {
    const std::string severity = Str(f, "severity");
    html += "<li class=\"" + std::string(severity == "error" ? "fail" : "") +
            "\" data-check=\"" + Escape(Str(f, "check")) + "\"><b>" +
            Escape(Str(f, "check")) + "</b> (" + Escape(severity) + ", " +
            Escape(Str(f, "result")) + "): " + Escape(Str(f, "message")) +
            "</li>";
  }
  return html + "</ul>\n";
}

std::string DiagnosisHtml(const Json& record) {
  const Json& diagnosis = record.value("diagnosis", Json::array());
  if (!diagnosis.is_array() || diagnosis.empty()) return "";
  std::string html = "<h2>Diagnosis</h2>\n<ul>";
  for (const Json& d : diagnosis) {
    std::string checks;
    for (const Json& c : d.value("checks", Json::array()))
      checks += (checks.empty() ? "" : ", ") + c.get<std::string>();
    const std::string verdict = Str(d, "verdict");
    html += "<li data-verdict=\"" + Escape(verdict) + "\">" + Escape(checks) +
            ": <b>" +
            Escape(verdict == "likely_misprint" ? "likely misprint"
                   : verdict == "candidates"    ? "candidates"
                                                : "unexplained") +
            "</b>";
    html += "<ol>";
    for (const Json& cand : d.value("candidates", Json::array())) {
      html += "<li>";
      bool first = true;
      for (const Json& c : cand.value("cells", Json::array())) {
        const Json& printed = c.value("printed", Json());
        html += std::string(first ? "" : "; ") +
                Escape(Str(c, "label").empty() ? Str(c, "figure")
                                               : Str(c, "label")) +
                " <code>" + Escape(Str(c, "figure")) + "</code> printed " +
                (printed.is_number() ? FormatNumber(printed.get<double>())
                                     : "blank") +
                ", implied " + FormatNumber(c.value("implied", 0.0)) + " (" +
                Escape(Str(c, "role")) + ")";
        first = false;
      }
      html += "</li>";
    }
    html += "</ol></li>";
  }
  return html + "</ul>\n";
}

std::string EvidenceHtml(const Json& record,
                         const std::map<std::string, CellState>& flagged) {
  if (flagged.empty()) return "";
  const Json& evidence = record.value("evidence", Json::object());
  std::string html =
      "<h2>Evidence</h2>\n<div class=\"scroll\"><table><thead><tr><th>figure"
      "</th><th>state</th><th>printed</th><th>page</th><th>table, row, "
      "column</th><th>box (pt)</th></tr></thead><tbody>";
  for (const auto& [id, state] : flagged) {
    const Json& e = evidence.value(id, Json::object());
    auto integer = [&](const char* key) {
      return e.contains(key) && e[key].is_number_integer()
                 ? std::to_string(e[key].get<long long>())
                 : std::string();
    };
    std::string box;
    if (e.contains("box") && e["box"].is_array()) {
      for (const Json& v : e["box"])
        if (v.is_number())
          box += (box.empty() ? "" : ", ") + FormatNumber(v.get<double>());
    }
    html += "<tr><td><code>" + Escape(id) + "</code></td><td>" +
            StateName(state) + "</td><td>" + Escape(Str(e, "text")) +
            "</td><td>" + integer("page") + "</td><td>" + integer("table") +
            (e.contains("row") ? ", " + integer("row") + ", " + integer("col")
                               : "") +
            "</td><td>" + box + "</td></tr>";
  }
  return html + "</tbody></table></div>\n";
}

}  // namespace

const char* StateName(CellState s) {
  switch (s) {
    case CellState::kRead:
      return "read";
    case CellState::kBlank:
      return "blank";
    case CellState::kBroken:
      return "broken";
    case CellState::kMisprint:
      return "misprint";
    case CellState::kMissing:
      return "missing";
  }
  return "read";
}

std::map<std::string, CellState> FlaggedCells(const Json& record) {
  std::map<std::string, CellState> out;
  for (const Json& f : record.value("findings", Json::array())) {
    const std::string result = Str(f, "result");
    const bool broken = (Str(f, "severity") == "error" &&
                         (result == "mismatch" || result == "domain")) ||
                        result == "missing_total";
    if (!broken || !f.contains("cells") || !f["cells"].is_array()) continue;
    for (const Json& c : f["cells"])
      if (c.is_string()) out[c.get<std::string>()] = CellState::kBroken;
  }
  for (const Json& d : record.value("diagnosis", Json::array())) {
    if (Str(d, "verdict") != "likely_misprint") continue;
    const Json& candidates = d.value("candidates", Json::array());
    if (!candidates.is_array() || candidates.empty()) continue;
    for (const Json& c : candidates[0].value("cells", Json::array())) {
      const std::string id = Str(c, "figure");
      if (!id.empty()) out[id] = CellState::kMisprint;
    }
  }
  return out;
}

const RuleSet* RulesOf(const Json& record, const std::vector<RuleSet>& sets) {
  const std::string version =
      Str(record.value("report", Json::object()), "version");
  for (const RuleSet& set : sets) {
    if (set.version == version) return &set;
  }
  const Json& figures = record.value("figures", Json::object());
  const RuleSet* best = nullptr;
  size_t best_count = 0;
  for (const RuleSet& set : sets) {
    size_t count = 0;
    for (const auto& [id, rank] : set.figure_rank)
      count += figures.contains(id);
    if (count > best_count) {
      best = &set;
      best_count = count;
    }
  }
  return best;
}

std::string ReportFile(const SiteReport& report) {
  return report.sha256 + ".html";
}

std::string ReportPage(const SiteReport& report, const RuleSet* rules,
                       const std::map<std::string, CellState>& flagged,
                       const std::map<int, std::string>& images) {
  std::string title = report.agency.empty() ? report.path : report.agency;
  if (report.year) title += " " + std::to_string(*report.year);
  std::string html = PageStart(title, "../");
  html +=
      "<p>File <code>" + Escape(report.path) + "</code> (" +
      Escape(report.format) + "), rules " + Escape(report.version) +
      (report.published.empty() ? ""
                                : ", published " + Escape(report.published)) +
      (report.agency_id
           ? ", <a href=\"../agencies/" + std::to_string(*report.agency_id) +
                 ".html\">agency page</a>"
           : "") +
      ".</p>\n";
  if (report.cells_expected && report.cells_read)
    html += "<p>" + std::to_string(*report.cells_read) + " of " +
            std::to_string(*report.cells_expected) + " table cells read.</p>\n";
  html +=
      "<p class=\"legend\">Cells: <span class=\"legend-read\">read</span>"
      "<span class=\"legend-blank\">printed blank</span>"
      "<span class=\"legend-broken\">in a broken check</span>"
      "<span class=\"legend-misprint\">likely misprint</span>"
      "<span class=\"legend-missing\">not found</span></p>\n";
  html += FindingsHtml(report.record);
  html += DiagnosisHtml(report.record);
  if (rules) {
    for (const TableRule& t : rules->tables)
      html += TableHtml(t, report.record, flagged);
  }
  html += EvidenceHtml(report.record, flagged);
  for (const auto& [page, file] : images) {
    html += "<figure class=\"page\"><img src=\"" + Escape(file) +
            "\" alt=\"page " + std::to_string(page) +
            " with the flagged cells outlined\"><figcaption>Page " +
            std::to_string(page) +
            ", flagged cells outlined</figcaption></figure>\n";
  }
  return html + PageEnd();
}

}  // namespace gongkai::site
