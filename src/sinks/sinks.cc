// JSON and audit-line sinks; see sinks.h.
#include "src/sinks/sinks.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "src/model/number.h"
#include "src/model/utf8.h"
#include "src/reconcile/reconcile.h"

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

Json NumberJson(double v, bool integral) {
  if (std::optional<long long> whole = AsWholeNumber(v); integral && whole)
    return Json(*whole);
  return Json(v);
}

bool IsWhole(double v) { return AsWholeNumber(v).has_value(); }

Json DiagnosisJson(const Report& report);

Json DiagnosisJson(const Report& report) {
  Json out = Json::array();
  for (const Diagnosis& d : report.diagnosis) {
    Json j;
    j["checks"] = d.checks;
    j["verdict"] = VerdictName(d.verdict);
    if (d.basis != VerdictBasis::kNone) j["basis"] = VerdictBasisName(d.basis);
    j["found"] = d.candidates_found;
    Json candidates = Json::array();
    for (const Explanation& e : d.candidates) {
      Json cells = Json::array();
      for (const CorrectedCell& c : e.cells) {
        Json cell;
        cell["figure"] = c.figure;
        if (!c.label.empty()) cell["label"] = c.label;
        cell["printed"] = c.printed
                              ? NumberJson(*c.printed, IsWhole(*c.printed))
                              : Json(nullptr);
        if (!c.read) cell["read"] = false;
        cell["implied"] = NumberJson(c.implied, IsWhole(c.implied));
        cell["role"] = RoleName(c.role);
        cells.push_back(std::move(cell));
      }
      Json candidate;
      candidate["cells"] = std::move(cells);
      candidates.push_back(std::move(candidate));
    }
    j["candidates"] = std::move(candidates);
    out.push_back(std::move(j));
  }
  return out;
}

void AddReportFields(const Report& report, Json& out) {
  Json figures = Json::object();
  Json evidence = Json::object();
  for (const Figure& f : report.figures) {
    figures[f.id] = f.value ? NumberJson(*f.value, f.integral) : Json(nullptr);
    Json ev = Json::object();
    if (f.page > 0) ev["page"] = f.page;
    ev["text"] = f.raw;
    if (f.table >= 0) {
      ev["table"] = f.table;
      ev["row"] = f.row;
      ev["col"] = f.col;
    }
    if (f.box) {
      auto tenth = [](double v) { return std::round(v * 10) / 10; };
      ev["box"] = {tenth(f.box->x0), tenth(f.box->y0), tenth(f.box->x1),
                   tenth(f.box->y1)};
    }
    if (!f.unit.empty()) ev["unit"] = f.unit;
    if (!f.marker.empty()) ev["marker"] = f.marker;
    if (!f.settled.empty()) {
      Json ocr;
      if (f.confidence)
        ocr["confidence"] = std::round(*f.confidence * 100) / 100;
      ocr["readings"] = f.readings;
      ocr["settled"] = f.settled;
      ev["ocr"] = std::move(ocr);
    }
    evidence[f.id] = std::move(ev);
  }
  out["figures"] = std::move(figures);
  out["evidence"] = std::move(evidence);
  Json findings = Json::array();
  for (const Finding& f : report.findings) {
    Json j;
    j["check"] = f.check;
    j["severity"] = SeverityName(f.severity);
    j["result"] = ResultName(f.result);
    j["expected"] = f.expected ? NumberJson(*f.expected, IsWhole(*f.expected))
                               : Json(nullptr);
    j["actual"] =
        f.actual ? NumberJson(*f.actual, IsWhole(*f.actual)) : Json(nullptr);
    j["cells"] = f.cells;
    if (!f.label.empty()) j["label"] = f.label;
    j["message"] = f.message;
    findings.push_back(std::move(j));
  }
  out["findings"] = std::move(findings);
  if (!report.diagnosis.empty()) out["diagnosis"] = DiagnosisJson(report);
  Json diagnostics = Json::array();
  for (const Diagnostic& d : report.diagnostics) {
    Json j;
    j["code"] = d.code;
    j["message"] = d.message;
    if (d.page > 0) j["page"] = d.page;
    diagnostics.push_back(std::move(j));
  }
  out["diagnostics"] = std::move(diagnostics);
  const Coverage& c = report.coverage;
  Json coverage;
  coverage["expected"] = c.expected;
  coverage["read"] = c.read;
  coverage["complete"] = c.complete();
  Json tables = Json::object();
  for (const TableCoverage& t : c.tables) {
    Json table;
    table["expected"] = t.expected;
    table["read"] = t.read;
    table["missing"] = t.missing;
    tables[t.table] = std::move(table);
  }
  coverage["tables"] = std::move(tables);
  out["coverage"] = std::move(coverage);
}

Json OrNull(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

Json ReportJson(const Report& report, const Metadata& file) {
  const ReportMeta& m = report.meta;
  Json j;
  j["version"] = report.version;
  if (!report.table_versions.empty()) j["tables"] = report.table_versions;
  j["agency"] = OrNull(m.agency);
  j["agency_source"] = OrNull(m.agency_source);
  j["year"] = m.year ? Json(m.year) : Json(nullptr);
  j["published"] = OrNull(m.published);
  j["published_source"] = OrNull(m.published_source);
  j["level"] = OrNull(m.level);
  Json region;
  region["province"] = OrNull(m.province);
  region["city"] = OrNull(m.city);
  region["county"] = OrNull(m.county);
  region["code"] = OrNull(m.division_code);
  if (!m.region_note.empty()) region["note"] = m.region_note;
  j["region"] = std::move(region);
  if (!file.title.empty()) j["title"] = file.title;
  return j;
}

}  // namespace

Json PathJson(const std::string& path) {
  Json out = Json::object();
  if (IsValidUtf8(path)) {
    out["path"] = path;
  } else {
    out["path"] = ShowBytes(path);
    out["path_bytes"] = HexOf(path);
  }
  return out;
}

Json RecordToJson(const Record& record) {
  Json out;
  out["schema"] = kReportSchema;
  Json source = PathJson(record.source.path);
  source["sha256"] = record.source.sha256;
  source["format"] = record.source.format;
  source["bytes"] = record.source.bytes;
  if (record.pages > 0) source["pages"] = record.pages;
  if (record.ocr_pages > 0) source["ocr_pages"] = record.ocr_pages;
  if (!record.source.encoding.empty())
    source["encoding"] = record.source.encoding;
  out["source"] = std::move(source);
  if (record.report) {
    out["report"] = ReportJson(*record.report, record.metadata);
    AddReportFields(*record.report, out);
    return out;
  }
  Json error;
  error["stage"] = record.error.stage();
  error["code"] = record.error.code();
  error["message"] = record.error.message();
  out["error"] = std::move(error);
  if (record.partial) AddReportFields(*record.partial, out);
  return out;
}

namespace {

// An audit line lists at most this many candidates; the JSON has them all.
constexpr size_t kAuditCandidates = 3;

// Returns "LABEL printed P, implied V" for one corrected cell of a
// diagnosis (the figure id where the rules give no label).
template <typename J>
std::string CorrectionText(const J& cell) {
  const std::string label = cell.value("label", "");
  std::string printed = "printed blank";
  if (cell.contains("read") && cell["read"].is_boolean() &&
      !cell["read"].template get<bool>()) {
    printed = "not read";
  } else if (cell.contains("printed") && cell["printed"].is_number()) {
    printed = "printed " + FormatNumber(cell["printed"].template get<double>());
  }
  return (label.empty() ? cell.value("figure", "") : label) + " " + printed +
         ", implied " + FormatNumber(cell.value("implied", 0.0));
}

// Returns, per failing check a diagnosis explains, what it says:
// "likely misprint: 表四 行政复议 总计 printed 0, implied 11".
template <typename J>
std::map<std::string, std::string> DiagnosisTexts(const J& record) {
  std::map<std::string, std::string> out;
  if (!record.contains("diagnosis") || !record["diagnosis"].is_array())
    return out;
  for (const auto& d : record["diagnosis"]) {
    const std::string verdict = d.value("verdict", "");
    std::string text;
    if (verdict == "unexplained") {
      text = "no correction of few enough cells explains it";
    } else {
      const auto& candidates = d["candidates"];
      const size_t shown =
          verdict == "likely_misprint"
              ? 1
              : std::min<size_t>(candidates.size(), kAuditCandidates);
      text =
          verdict == "likely_misprint" ? "likely misprint: " : "candidates: ";
      for (size_t i = 0; i < shown && i < candidates.size(); ++i) {
        if (i > 0) text += "; or ";
        const auto& cells = candidates[i]["cells"];
        for (size_t k = 0; k < cells.size(); ++k) {
          if (k > 0) text += " and ";
          text += CorrectionText(cells[k]);
        }
      }
      const int more = d.value("found", 0) - static_cast<int>(shown);
      if (more > 0 && verdict == "likely_misprint") {
        text += " (a total not filled in, preferred over " +
                std::to_string(more) + " other explanation" +
                (more > 1 ? "s" : "") + ")";
      } else if (more > 0) {
        text += " (" + std::to_string(more) + " more)";
      }
    }
    for (const auto& check : d["checks"])
      out[check.template get<std::string>()] = text;
  }
  return out;
}

// Returns ":PAGE" of the first cell of finding `f` when its evidence has
// a page, else "".
template <typename J>
std::string PageOf(const J& record, const J& f) {
  if (!f.contains("cells") || !f["cells"].is_array() || f["cells"].empty() ||
      !f["cells"][0].is_string() || !record.contains("evidence"))
    return "";
  const auto& evidence = record["evidence"];
  const std::string id = f["cells"][0].template get<std::string>();
  if (!evidence.is_object() || !evidence.contains(id)) return "";
  const auto& e = evidence[id];
  if (!e.is_object() || !e.contains("page") || !e["page"].is_number_integer())
    return "";
  return ":" + std::to_string(e["page"].template get<int>());
}

template <typename J>
std::vector<std::string> AuditLinesOf(const J& record) {
  std::vector<std::string> lines;
  const std::string file = record["source"].value("path", "");
  if (!record.contains("report")) {
    const auto& e = record["error"];
    lines.push_back(file + ": error: " + e.value("stage", "") + ": " +
                    e.value("code", "") + ": " + e.value("message", ""));
    return lines;
  }
  auto number = [](const auto& v) {
    return v.is_number() ? FormatNumber(v.template get<double>())
                         : std::string();
  };
  const std::map<std::string, std::string> diagnosed = DiagnosisTexts(record);
  const auto& report = record["report"];
  std::string whose = report.is_object() ? report.value("agency", "") : "";
  if (report.is_object() && report.contains("year") &&
      report["year"].is_number_integer()) {
    whose += (whose.empty() ? "" : " ") +
             std::to_string(report["year"].template get<int>());
  }
  if (!whose.empty()) whose += ": ";
  for (const auto& f : record["findings"]) {
    std::string line =
        file + PageOf(record, f) + ": " + whose + f.value("check", "") + ": ";
    const std::string result = f.value("result", "");
    if (result == "domain" || result == "late" || result == "not_reported" ||
        result == "table_not_found") {
      line += f.value("message", "");
    } else {
      const std::string expected = number(f.value("expected", J())),
                        actual = number(f.value("actual", J()));
      line += "expected " + (expected.empty() ? "?" : expected) + ", printed " +
              (actual.empty() ? "blank" : actual);
      if (f.contains("cells") && !f["cells"].empty()) {
        const std::string label = f.value("label", "");
        line += " [" + f["cells"][0].template get<std::string>() +
                (label.empty() ? "" : " " + label) + "]";
      }
    }
    if (f.value("severity", "") != "error")
      line += " (" + f.value("severity", "") + ")";
    if (auto it = diagnosed.find(f.value("check", "")); it != diagnosed.end())
      line += " — " + it->second;
    lines.push_back(std::move(line));
  }
  // A report not read completely says how much was read.
  if (record.contains("coverage") && record["coverage"].is_object() &&
      !record["coverage"].value("complete", true)) {
    const auto& c = record["coverage"];
    std::string line =
        file + ": coverage: " + std::to_string(c.value("read", 0)) + " of " +
        std::to_string(c.value("expected", 0)) + " cells read; missing:";
    if (c.contains("tables") && c["tables"].is_object()) {
      for (auto it = c["tables"].begin(); it != c["tables"].end(); ++it) {
        const int missing =
            it.value().value("expected", 0) - it.value().value("read", 0);
        if (missing > 0) line += " " + it.key() + " " + std::to_string(missing);
      }
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

std::vector<std::string> AuditLines(const Record& record) {
  return AuditLinesOf(RecordToJson(record));
}
std::vector<std::string> AuditLines(const nlohmann::ordered_json& record) {
  return AuditLinesOf(record);
}
std::vector<std::string> AuditLines(const nlohmann::json& record) {
  return AuditLinesOf(record);
}

}  // namespace gongkai
