// Record shape checks; see record_check.h.
#include "src/dataset/record_check.h"

namespace gongkai {
namespace {

using Json = nlohmann::json;

bool NumberOrNull(const Json& j) { return j.is_number() || j.is_null(); }

std::string CheckFindings(const Json& findings) {
  if (!findings.is_array()) return "findings is not an array";
  for (const Json& f : findings) {
    if (!f.is_object()) return "a finding is not an object";
    for (const char* key : {"check", "severity", "result", "message"}) {
      if (f.contains(key) && !f[key].is_string())
        return std::string("finding.") + key + " is not a string";
    }
    for (const char* key : {"expected", "actual"}) {
      if (f.contains(key) && !NumberOrNull(f[key]))
        return std::string("finding.") + key + " is not a number";
    }
    if (f.contains("cells")) {
      if (!f["cells"].is_array()) return "finding.cells is not an array";
      for (const Json& c : f["cells"])
        if (!c.is_string()) return "finding.cells holds a non-string";
    }
  }
  return "";
}

std::string CheckDiagnosis(const Json& diagnosis) {
  if (!diagnosis.is_array()) return "diagnosis is not an array";
  for (const Json& d : diagnosis) {
    if (!d.is_object()) return "a diagnosis is not an object";
    for (const char* key : {"verdict", "basis"}) {
      if (d.contains(key) && !d[key].is_string())
        return std::string("diagnosis.") + key + " is not a string";
    }
    if (d.contains("found") && !d["found"].is_number_integer())
      return "diagnosis.found is not a whole number";
    if (d.contains("checks")) {
      if (!d["checks"].is_array()) return "diagnosis.checks is not an array";
      for (const Json& c : d["checks"])
        if (!c.is_string()) return "diagnosis.checks holds a non-string";
    }
    if (!d.contains("candidates")) continue;
    if (!d["candidates"].is_array())
      return "diagnosis.candidates is not an array";
    for (const Json& c : d["candidates"]) {
      if (!c.is_object() || !c.contains("cells") || !c["cells"].is_array())
        return "a diagnosis candidate has no cells array";
      for (const Json& cell : c["cells"]) {
        if (!cell.is_object()) return "a diagnosed cell is not an object";
        for (const char* key : {"figure", "label", "role"}) {
          if (cell.contains(key) && !cell[key].is_string())
            return std::string("diagnosed cell.") + key + " is not a string";
        }
        for (const char* key : {"printed", "implied"}) {
          if (cell.contains(key) && !NumberOrNull(cell[key]))
            return std::string("diagnosed cell.") + key + " is not a number";
        }
        if (cell.contains("read") && !cell["read"].is_boolean())
          return "diagnosed cell.read is not true or false";
      }
    }
  }
  return "";
}

std::string CheckReportFields(const Json& r) {
  if (r.contains("figures")) {
    if (!r["figures"].is_object()) return "figures is not an object";
    for (const auto& [id, v] : r["figures"].items())
      if (!NumberOrNull(v)) return "figure " + id + " is not a number";
  }
  if (r.contains("evidence")) {
    if (!r["evidence"].is_object()) return "evidence is not an object";
    for (const auto& [id, e] : r["evidence"].items()) {
      if (!e.is_object()) return "evidence " + id + " is not an object";
      for (const char* key : {"page", "table", "row", "col"}) {
        if (e.contains(key) && !e[key].is_number_integer())
          return "evidence " + id + "." + key + " is not a whole number";
      }
      if (e.contains("box")) {
        if (!e["box"].is_array() || e["box"].size() != 4)
          return "evidence " + id + ".box is not 4 numbers";
        for (const Json& v : e["box"])
          if (!v.is_number()) return "evidence " + id + ".box is not 4 numbers";
      }
      for (const char* key : {"text", "unit", "marker"}) {
        if (e.contains(key) && !e[key].is_string())
          return "evidence " + id + "." + key + " is not a string";
      }
    }
  }
  if (r.contains("findings")) {
    std::string why = CheckFindings(r["findings"]);
    if (!why.empty()) return why;
  }
  if (r.contains("diagnosis")) {
    std::string why = CheckDiagnosis(r["diagnosis"]);
    if (!why.empty()) return why;
  }
  if (r.contains("coverage")) {
    const Json& c = r["coverage"];
    if (!c.is_object()) return "coverage is not an object";
    for (const char* key : {"expected", "read"}) {
      if (c.contains(key) && !c[key].is_number_integer())
        return std::string("coverage.") + key + " is not a whole number";
    }
  }
  return "";
}

}  // namespace

std::string CheckRecord(const Json& record) {
  if (!record.is_object()) return "not a JSON object";
  if (!record.contains("schema") || !record["schema"].is_string() ||
      record["schema"].get<std::string>() != "gongkai.report/1")
    return "not a gongkai record (schema gongkai.report/1)";
  if (!record.contains("source") || !record["source"].is_object())
    return "source is not an object";
  const Json& s = record["source"];
  if (!s.contains("path") || !s["path"].is_string() ||
      s["path"].get<std::string>().empty())
    return "source.path is not a non-empty string";
  for (const char* key : {"sha256", "format", "encoding", "path_bytes"}) {
    if (s.contains(key) && !s[key].is_string())
      return std::string("source.") + key + " is not a string";
  }
  for (const char* key : {"bytes", "pages"}) {
    if (s.contains(key) && !s[key].is_number_integer())
      return std::string("source.") + key + " is not a whole number";
  }
  const bool report = record.contains("report");
  if (report == record.contains("error"))
    return "a record holds either report or error";
  if (report) {
    const Json& r = record["report"];
    if (!r.is_object()) return "report is not an object";
    for (const char* key :
         {"agency", "version", "published", "published_source"}) {
      if (r.contains(key) && !r[key].is_string() && !r[key].is_null())
        return std::string("report.") + key + " is not a string";
    }
    if (r.contains("year") && !r["year"].is_number_integer() &&
        !r["year"].is_null())
      return "report.year is not a whole number";
    if (r.contains("region") && !r["region"].is_object() &&
        !r["region"].is_null())
      return "report.region is not an object";
  } else {
    const Json& e = record["error"];
    if (!e.is_object()) return "error is not an object";
    for (const char* key : {"stage", "code", "message"}) {
      if (e.contains(key) && !e[key].is_string())
        return std::string("error.") + key + " is not a string";
    }
  }
  return CheckReportFields(record);
}

Json BadLineRecord(const std::string& file, long line, const std::string& why) {
  Json r;
  r["schema"] = "gongkai.report/1";
  r["source"] = {{"path", file + ":" + std::to_string(line)}, {"sha256", ""}};
  r["error"] = {{"stage", "ingest"},
                {"code", "bad_record"},
                {"message", file + " line " + std::to_string(line) +
                                " is not a valid record: " + why}};
  return r;
}

}  // namespace gongkai
