// The workbook export; see export_xlsx.h.
#include "src/dataset/export_xlsx.h"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "src/dataset/sqlite_util.h"
#include "src/dataset/xlsxwriter_loader.h"
#include "src/model/utf8.h"

namespace gongkai {
namespace {

// The columns of one table's sheet, across every rule set that has it.
struct Sheet {
  std::string name;
  std::vector<std::string> ids, labels;
};

// Returns `name` as a sheet may be named: at most 31 characters, none of
// : \ / ? * [ ].
std::string SheetName(const std::string& name) {
  std::u32string cps = DecodeUtf8(RepairUtf8(name));
  std::u32string out;
  for (char32_t c : cps) {
    if (std::u32string_view(U":\\/?*[]").find(c) != std::u32string_view::npos)
      c = U'_';
    if (out.size() < 31) out += c;
  }
  std::string encoded;
  for (char32_t c : out) encoded += EncodeUtf8(c);
  return encoded;
}

std::vector<Sheet> Sheets(const std::vector<RuleSet>& rules) {
  std::vector<Sheet> sheets;
  std::map<std::string, size_t> by_table;
  std::set<std::string> names;
  for (const RuleSet& set : rules) {
    for (const TableRule& t : set.tables) {
      auto [it, added] = by_table.emplace(t.id, sheets.size());
      if (added) {
        std::string name = SheetName(t.caption.empty() ? t.id : t.caption);
        if (!names.insert(name).second) name = SheetName(t.id);
        names.insert(name);
        sheets.push_back({name, {}, {}});
      }
      Sheet& sheet = sheets[it->second];
      for (const RowRule& r : t.rows) {
        for (size_t c = 0; c < t.columns.size(); ++c) {
          const std::string id = t.FigureId(r, c);
          if (std::find(sheet.ids.begin(), sheet.ids.end(), id) !=
              sheet.ids.end())
            continue;
          sheet.ids.push_back(id);
          sheet.labels.push_back((r.id.empty() ? "" : r.display + " / ") +
                                 t.column_labels[c]);
        }
      }
    }
  }
  return sheets;
}

constexpr const char* kReportColumns[] = {
    "sha256", "path",    "agency_id",     "agency",    "division_code",
    "year",   "version", "hard_failures", "cells_read"};

}  // namespace

StatusOr<std::string> WorkbookBytes(sqlite3* db,
                                    const std::vector<RuleSet>& rules) {
  namespace fs = std::filesystem;
  std::string load_error;
  const LibXlsxWriter* x = LoadLibXlsxWriter(&load_error);
  if (!x)
    return Status::Error("export", "write", "reports.xlsx: " + load_error);
  std::string dir =
      (fs::temp_directory_path() / "gongkai-xlsx-XXXXXX").string();
  if (!mkdtemp(dir.data()))
    return Status::Error("export", "write", "no temporary directory");
  const std::string path = dir + "/reports.xlsx";
  auto fail = [&](const std::string& why) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    return Status::Error("export", "write", "reports.xlsx: " + why);
  };
  lxw_workbook* wb = x->new_workbook(path.c_str());
  if (!wb) return fail("libxlsxwriter could not start the workbook");
  lxw_format* bold = x->add_format(wb);
  x->set_bold(bold);
  // The reports.
  lxw_worksheet* reports = x->add_worksheet(wb, "reports");
  for (size_t c = 0; c < std::size(kReportColumns); ++c)
    x->write_string(reports, 0, c, kReportColumns[c], bold);
  Stmt q(db,
         "SELECT r.sha256, r.path, r.agency_id, a.name, a.division_code, "
         "r.year, r.version, r.hard_failures, r.cells_read FROM reports r "
         "LEFT JOIN agencies a ON a.id = r.agency_id ORDER BY r.path, "
         "r.sha256");
  std::vector<std::string> shas;
  lxw_row_t row = 1;
  while (q.Step() == SQLITE_ROW) {
    shas.push_back(q.Text(0));
    for (int c = 0; c < static_cast<int>(std::size(kReportColumns)); ++c) {
      if (q.IsNull(c)) continue;
      if (c == 2 || c == 5 || c == 7 || c == 8) {
        x->write_number(reports, row, c, *q.Double(c), nullptr);
      } else {
        x->write_string(reports, row, c, RepairUtf8(q.Text(c)).c_str(),
                        nullptr);
      }
    }
    ++row;
  }
  // One sheet per table: a row per report, a column per figure.
  Stmt figures(db, "SELECT figure, value FROM figures WHERE sha256=?");
  std::vector<std::map<std::string, double>> values(shas.size());
  for (size_t i = 0; i < shas.size(); ++i) {
    figures.Reset();
    figures.Bind(1, shas[i]);
    while (figures.Step() == SQLITE_ROW) {
      if (std::optional<double> v = figures.Double(1))
        values[i][figures.Text(0)] = *v;
    }
  }
  for (const Sheet& sheet : Sheets(rules)) {
    lxw_worksheet* ws = x->add_worksheet(wb, sheet.name.c_str());
    if (!ws) return fail("sheet '" + sheet.name + "' could not be added");
    x->write_string(ws, 0, 0, "sha256", bold);
    x->write_string(ws, 1, 0, "sha256", nullptr);
    for (size_t c = 0; c < sheet.ids.size(); ++c) {
      x->write_string(ws, 0, c + 1, sheet.labels[c].c_str(), bold);
      x->write_string(ws, 1, c + 1, sheet.ids[c].c_str(), nullptr);
    }
    for (size_t i = 0; i < shas.size(); ++i) {
      x->write_string(ws, i + 2, 0, shas[i].c_str(), nullptr);
      for (size_t c = 0; c < sheet.ids.size(); ++c) {
        auto it = values[i].find(sheet.ids[c]);
        if (it != values[i].end())
          x->write_number(ws, i + 2, c + 1, it->second, nullptr);
      }
    }
  }
  const lxw_error error = x->close(wb);
  if (error != LXW_NO_ERROR) return fail(x->strerror(error));
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (bytes.empty())
    return Status::Error("export", "write", "reports.xlsx is empty");
  return bytes;
}

}  // namespace gongkai
