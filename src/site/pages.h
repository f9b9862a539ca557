// Internal to the audit site (site.cc, report_page.cc): what a page is
// drawn from, and the pages. Use site.h.
#ifndef GONGKAI_SRC_SITE_PAGES_H_
#define GONGKAI_SRC_SITE_PAGES_H_

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "src/rules/rules.h"

namespace gongkai::site {

// One stored report, with its agency's division.
struct SiteReport {
  std::string sha256, path, format, version, agency, published;
  std::optional<long long> agency_id, year, cells_expected, cells_read;
  long long hard_failures = 0;
  std::string province, level;
  nlohmann::json record;  // as `extract` wrote it
};

// A cell's state on a report page.
enum class CellState { kRead, kBlank, kBroken, kMisprint, kMissing };
// Returns "read", "blank", "broken", "misprint", "missing".
const char* StateName(CellState s);

// Returns the state of every figure a report's findings and diagnosis
// name (figures not listed are read, blank or missing by their value).
std::map<std::string, CellState> FlaggedCells(const nlohmann::json& record);

// Returns the rule set that best fits `record` (its version, else the set
// with most of its figure ids), or nullptr.
const RuleSet* RulesOf(const nlohmann::json& record,
                       const std::vector<RuleSet>& sets);

// Returns the report page; `flagged` is FlaggedCells(report.record),
// `images` the file names (beside the page) of its rendered PDF pages, by
// page number.
std::string ReportPage(const SiteReport& report, const RuleSet* rules,
                       const std::map<std::string, CellState>& flagged,
                       const std::map<int, std::string>& images);

// Returns the report page's file name under reports/ ("SHA.html").
std::string ReportFile(const SiteReport& report);

}  // namespace gongkai::site

#endif  // GONGKAI_SRC_SITE_PAGES_H_
