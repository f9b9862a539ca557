// Division tables and name resolution; see divisions.h.
#include "src/divisions.h"

#include <fstream>
#include <sstream>

namespace gongkai {
namespace {

// Parses `code,"name",parent...` lines; returns rows of fields.
StatusOr<std::vector<std::vector<std::string>>> ReadCsv(
    const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::Error("data", "not_found", path + ": cannot open");
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.push_back(field);
        field.clear();
      } else {
        field += c;
      }
    }
    fields.push_back(field);
    if (fields.size() >= 2) rows.push_back(std::move(fields));
  }
  return rows;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

StatusOr<Divisions> Divisions::Load(const std::string& dir) {
  Divisions d;
  const char* files[] = {"provinces.csv", "cities.csv", "areas.csv"};
  std::vector<Division>* tables[] = {&d.provinces_, &d.cities_, &d.areas_};
  for (int i = 0; i < 3; ++i) {
    StatusOr<std::vector<std::vector<std::string>>> rows =
        ReadCsv(dir + "/" + files[i]);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      if (r[1] == "市辖区" || r[1] == "县" || r[1] == "省直辖县级行政区划")
        continue;
      tables[i]->push_back({r[0], r[1], r.size() > 2 ? r[2] : ""});
    }
  }
  return d;
}

Region Divisions::Resolve(
    const std::string& agency,
    const std::vector<std::string>& township_endings) const {
  Region region;
  const Division* province = nullptr;
  const Division* city = nullptr;
  for (const Division& p : provinces_) {
    if (agency.find(p.name) != std::string::npos) province = &p;
  }
  for (const Division& c : cities_) {
    if (agency.find(c.name) == std::string::npos) continue;
    if (province && c.parent_code != province->code) continue;
    city = &c;
  }
  std::vector<const Division*> counties;
  for (const Division& a : areas_) {
    if (agency.find(a.name) == std::string::npos) continue;
    if (city && a.parent_code != city->code) continue;
    if (province && a.code.compare(0, 2, province->code) != 0) continue;
    counties.push_back(&a);
  }
  if (counties.size() > 1) {
    region.note = "county name shared by " + std::to_string(counties.size()) +
                  " divisions";
    counties.clear();
  }
  const Division* county = counties.empty() ? nullptr : counties.front();
  if (county && !city) {
    for (const Division& c : cities_) {
      if (c.code == county->parent_code) city = &c;
    }
  }
  if (city && !province) {
    for (const Division& p : provinces_) {
      if (p.code == city->parent_code) province = &p;
    }
  }
  if (county && !province) {
    for (const Division& p : provinces_) {
      if (county->code.compare(0, 2, p.code) == 0) province = &p;
    }
  }
  if (province)
    region.province = province->name, region.code = province->code,
    region.level = "province";
  if (city)
    region.city = city->name, region.code = city->code, region.level = "city";
  if (county)
    region.county = county->name, region.code = county->code,
    region.level = "county";
  for (const std::string& ending : township_endings) {
    if (EndsWith(agency, ending)) region.level = "township";
  }
  if (region.level.empty() && region.note.empty())
    region.note = "no division named in the agency";
  return region;
}

}  // namespace gongkai
