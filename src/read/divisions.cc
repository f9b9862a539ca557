// Division tables and name resolution; see divisions.h.
#include "src/read/divisions.h"

#include <fstream>
#include <iterator>
#include <string_view>

namespace gongkai {
namespace {

// Reads a CSV file of `code,"name",parent...` lines (no comma inside a
// field) and calls on_row(fields) for each line after the header, with
// quotes removed; the views point into *text, which receives the file.
template <typename OnRow>
Status ReadCsv(const std::string& path, std::string* text, OnRow on_row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("data", path + ": cannot open");
  text->assign(std::istreambuf_iterator<char>(in),
               std::istreambuf_iterator<char>());
  std::vector<std::string_view> fields;
  size_t pos = text->find('\n');  // skip the header
  while (pos != std::string::npos && pos + 1 < text->size()) {
    const size_t start = pos + 1;
    pos = text->find('\n', start);
    std::string_view line(
        text->data() + start,
        (pos == std::string::npos ? text->size() : pos) - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fields.clear();
    size_t from = 0;
    while (from <= line.size()) {
      size_t comma = line.find(',', from);
      if (comma == std::string_view::npos) comma = line.size();
      std::string_view field = line.substr(from, comma - from);
      if (field.size() >= 2 && field.front() == '"' && field.back() == '"') {
        field = field.substr(1, field.size() - 2);
      }
      fields.push_back(field);
      from = comma + 1;
    }
    if (fields.size() >= 2) on_row(fields);
  }
  return Status::Ok();
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

StatusOr<Divisions> Divisions::Load(const std::string& dir,
                                    const Lexicon& lexicon) {
  Divisions d;
  const char* files[] = {"provinces.csv", "cities.csv", "areas.csv"};
  std::vector<Division>* tables[] = {&d.provinces_, &d.cities_, &d.areas_};
  for (int i = 0; i < 3; ++i) {
    auto text = std::make_shared<std::string>();
    std::vector<Division>* table = tables[i];
    Status s =
        ReadCsv(dir + "/" + files[i], text.get(),
                [table, &lexicon](const std::vector<std::string_view>& r) {
                  if (lexicon.IsDivisionPlaceholder(r[1])) return;
                  table->push_back({r[0], r[1], r.size() > 2 ? r[2] : ""});
                });
    if (!s.ok()) return s;
    d.texts_.push_back(std::move(text));
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
