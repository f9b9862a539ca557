// Report metadata; see metadata.h.
#include "src/read/metadata.h"

#include <cstdio>
#include <cstdlib>

#include "src/model/utf8.h"

namespace gongkai {
namespace {

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

void ReadSignature(const RuleSet& rules, const std::vector<TextBlock>& blocks,
                   ReportMeta* meta, std::string* signer) {
  const size_t last_blocks =
      static_cast<size_t>(rules.lexicon->numbers().signature_blocks);
  const size_t from =
      blocks.size() > last_blocks ? blocks.size() - last_blocks : 0;
  for (size_t i = blocks.size(); i-- > from;) {
    const std::string& line = blocks[i].compact;
    if (CountCodePoints(line) > rules.lexicon->numbers().signature_max_chars)
      continue;
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
  if (!meta->published.empty()) return;
  // A web page saved whole puts its chrome after the signature (attachment
  // links, "print", related articles, the site's footer): further back, a
  // date line right after a signature line is the signature.
  const size_t window =
      static_cast<size_t>(rules.lexicon->numbers().signature_window);
  const size_t wide_from = blocks.size() > window ? blocks.size() - window : 0;
  const int max_chars = rules.lexicon->numbers().signature_max_chars;
  for (size_t i = blocks.size(); i-- > wide_from + 1;) {
    const std::string& line = blocks[i].compact;
    const std::string& before = blocks[i - 1].compact;
    if (CountCodePoints(line) > max_chars ||
        CountCodePoints(before) > max_chars)
      continue;
    bool signed_before = false;
    for (const auto& re : rules.meta.signature)
      signed_before = signed_before || RE2::FullMatch(before, *re);
    if (!signed_before) continue;
    for (const auto& re : rules.meta.date) {
      int y = 0, m = 0, d = 0;
      if (!RE2::FullMatch(line, *re, &y, &m, &d)) continue;
      meta->published = IsoDate(y, m, d);
      if (meta->published.empty()) continue;
      meta->published_source = "signature";
      if (signer->empty()) *signer = before;
      return;
    }
  }
}

}  // namespace

void ReadMetadata(const DocumentView& view, const RuleSet& rules,
                  const Divisions* divisions, Report* report) {
  ReportMeta& meta = report->meta;
  const Document& doc = *view.doc;
  const Lexicon& lexicon = *rules.lexicon;
  const std::vector<TextBlock>& blocks = view.text_blocks;
  const size_t title_blocks =
      static_cast<size_t>(lexicon.numbers().title_blocks);
  const size_t year_blocks = static_cast<size_t>(lexicon.numbers().year_blocks);
  // Title: one, two or three short leading lines, then the file's title.
  std::vector<std::string> candidates;
  std::string joined;
  for (size_t i = 0; i < blocks.size() && i < title_blocks; ++i) {
    const std::string& line = blocks[i].compact;
    if (CountCodePoints(line) > lexicon.numbers().title_max_chars) break;
    joined += line;
    candidates.push_back(joined);
  }
  for (auto it = candidates.rbegin(); it != candidates.rend(); ++it) {
    if (MatchTitle(rules, *it, &meta)) break;
  }
  if (meta.agency.empty() && meta.year == 0 && !doc.metadata.title.empty()) {
    MatchTitle(rules, WithoutSpaces(doc.metadata.title), &meta);
  }
  for (size_t i = 0; meta.year == 0 && i < blocks.size() && i < year_blocks;
       ++i) {
    for (const auto& re : rules.meta.year) {
      int y = 0;
      if (RE2::PartialMatch(*blocks[i].text, *re, &y) && y > 1990 && y < 2100) {
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
}

}  // namespace gongkai
