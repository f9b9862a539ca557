// Report metadata; see metadata.h.
#include "src/read/metadata.h"

#include <cstdio>
#include <cstdlib>

#include "src/model/utf8.h"
#include "src/normalize/labels.h"

namespace gongkai {
namespace {

constexpr int kMaxTitleLine = 40;  // code points
constexpr int kMaxSignature = 40;
constexpr size_t kTitleBlocks = 3;
constexpr size_t kSignatureBlocks = 8;
constexpr size_t kYearBlocks = 12;

std::vector<const std::string*> TextBlocks(const Document& doc) {
  std::vector<const std::string*> out;
  for (const Block& b : doc.blocks) {
    if (b.kind != BlockKind::kTable && !b.text.empty()) out.push_back(&b.text);
  }
  return out;
}

bool MatchTitle(const RuleSet& rules, const std::string& text,
                ReportMeta* meta) {
  for (const auto& re : rules.meta.title) {
    const auto& groups = re->NamedCapturingGroups();
    const int n = re->NumberOfCapturingGroups();
    std::vector<std::string> values(n + 1);
    std::vector<RE2::Arg> args(n);
    std::vector<RE2::Arg*> arg_ptrs(n);
    for (int i = 0; i < n; ++i) {
      args[i] = &values[i + 1];
      arg_ptrs[i] = &args[i];
    }
    if (!RE2::PartialMatchN(text, *re, arg_ptrs.data(), n)) continue;
    auto agency = groups.find("agency");
    auto year = groups.find("year");
    if (agency != groups.end() && !values[agency->second].empty()) {
      meta->agency = values[agency->second];
      meta->agency_source = "title";
    }
    if (year != groups.end() && !values[year->second].empty()) {
      meta->year = std::atoi(values[year->second].c_str());
    }
    return !meta->agency.empty() || meta->year;
  }
  return false;
}

std::string IsoDate(int y, int m, int d) {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// PDF "D:20240226080023+08'00'" or ISO "2025-12-03T06:30:00Z".
std::string FileDate(const std::string& raw) {
  std::string s = raw.rfind("D:", 0) == 0 ? raw.substr(2) : raw;
  if (s.size() >= 8 && s.find('-') == std::string::npos) {
    return IsoDate(std::atoi(s.substr(0, 4).c_str()),
                   std::atoi(s.substr(4, 2).c_str()),
                   std::atoi(s.substr(6, 2).c_str()));
  }
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') {
    return IsoDate(std::atoi(s.substr(0, 4).c_str()),
                   std::atoi(s.substr(5, 2).c_str()),
                   std::atoi(s.substr(8, 2).c_str()));
  }
  return "";
}

void ReadSignature(const RuleSet& rules,
                   const std::vector<const std::string*>& blocks,
                   ReportMeta* meta, std::string* signer) {
  const size_t from =
      blocks.size() > kSignatureBlocks ? blocks.size() - kSignatureBlocks : 0;
  for (size_t i = blocks.size(); i-- > from;) {
    const std::string line = WithoutSpaces(*blocks[i]);
    if (CodePointCount(line) > kMaxSignature) continue;
    if (meta->published.empty()) {
      for (const auto& re : rules.meta.date) {
        int y = 0, m = 0, d = 0;
        if (RE2::FullMatch(line, *re, &y, &m, &d)) {
          meta->published = IsoDate(y, m, d);
          if (!meta->published.empty()) meta->published_source = "signature";
        }
      }
      if (!meta->published.empty()) continue;
    }
    for (const auto& re : rules.meta.signature) {
      if (signer->empty() && RE2::FullMatch(line, *re)) *signer = line;
    }
  }
}

void CheckDeadline(const RuleSet& rules, Report* report) {
  const ReportMeta& m = report->meta;
  if (m.year == 0 || m.published.empty() || m.agency.empty()) return;
  for (const auto& [ending, month_day] : rules.meta.deadlines) {
    const bool applies =
        ending == "*" || (m.agency.size() >= ending.size() &&
                          m.agency.compare(m.agency.size() - ending.size(),
                                           ending.size(), ending) == 0);
    if (!applies) continue;
    const std::string due = std::to_string(m.year + 1) + "-" + month_day;
    if (m.published > due) {
      Finding f;
      f.check = "deadline";
      f.severity = "warning";
      f.result = "late";
      f.message = "published " + m.published + " (" + m.published_source +
                  "), due by " + due;
      report->findings.push_back(std::move(f));
    }
    return;
  }
}

}  // namespace

void ReadMetadata(const Document& doc, const RuleSet& rules,
                  const Divisions* divisions, Report* report) {
  ReportMeta& meta = report->meta;
  const std::vector<const std::string*> blocks = TextBlocks(doc);
  // Title: one, two or three short leading lines, then the file's title.
  std::vector<std::string> candidates;
  std::string joined;
  for (size_t i = 0; i < blocks.size() && i < kTitleBlocks; ++i) {
    const std::string line = WithoutSpaces(*blocks[i]);
    if (CodePointCount(line) > kMaxTitleLine) break;
    joined += line;
    candidates.push_back(joined);
  }
  for (auto it = candidates.rbegin(); it != candidates.rend(); ++it) {
    if (MatchTitle(rules, *it, &meta)) break;
  }
  if (meta.agency.empty() && meta.year == 0 && !doc.metadata.title.empty()) {
    MatchTitle(rules, WithoutSpaces(doc.metadata.title), &meta);
  }
  for (size_t i = 0; meta.year == 0 && i < blocks.size() && i < kYearBlocks;
       ++i) {
    for (const auto& re : rules.meta.year) {
      int y = 0;
      if (RE2::PartialMatch(*blocks[i], *re, &y) && y > 1990 && y < 2100) {
        meta.year = y;
        break;
      }
    }
  }
  std::string signer;
  ReadSignature(rules, blocks, &meta, &signer);
  if (meta.agency.empty() && !signer.empty()) {
    meta.agency = signer;
    meta.agency_source = "signature";
  }
  if (meta.published.empty()) {
    meta.published = FileDate(doc.metadata.created);
    if (!meta.published.empty()) meta.published_source = "file metadata";
  }
  if (divisions && !meta.agency.empty()) {
    Region r = divisions->Resolve(meta.agency, rules.meta.township);
    meta.province = r.province;
    meta.city = r.city;
    meta.county = r.county;
    meta.division_code = r.code;
    meta.level = r.level;
    meta.region_note = r.note;
  }
  CheckDeadline(rules, report);
}

}  // namespace gongkai
