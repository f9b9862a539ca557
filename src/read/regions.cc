// Finding the region of each table; see regions.h.
#include "src/read/regions.h"

#include <algorithm>

#include "src/model/utf8.h"
#include "src/normalize/labels.h"

namespace gongkai {
namespace {

// Returns true iff `item` looks like a heading carrying an anchor: its key
// contains the anchor and is not much longer.
bool IsAnchor(const ViewItem& item, const std::vector<std::string>& anchors,
              const Lexicon& lexicon) {
  if (item.key.empty()) return false;
  const int len = CountCodePoints(item.key);
  for (const std::string& anchor : anchors) {
    if (item.key.find(anchor) != std::string::npos &&
        len <= CountCodePoints(anchor) +
                   static_cast<int>(lexicon.numbers().anchor_extra_chars)) {
      return true;
    }
  }
  return false;
}

// Returns true iff `key` is `label` with at most one character in eight
// wrong, missing or added; labels shorter than eight must be equal.
bool NearlyEqual(const std::string& key, const std::string& label,
                 const Lexicon& lexicon) {
  if (key == label) return true;
  const int len = CountCodePoints(label);
  const int per = static_cast<int>(lexicon.numbers().typo_chars_per_edit);
  if (per <= 0 || len < per) return false;
  const int allowed = len / per;
  if (std::abs(CountCodePoints(key) - len) > allowed) return false;
  return EditDistance(key, label) <= allowed;
}

// Returns true iff `item` is a heading printed with a typo in an anchor:
// its key (enumerator such as "四、" already dropped) is nearly an anchor.
bool IsMisprintedAnchor(const ViewItem& item,
                        const std::vector<std::string>& anchors,
                        const Lexicon& lexicon) {
  if (item.key.empty()) return false;
  for (const std::string& anchor : anchors) {
    if (NearlyEqual(item.key, anchor, lexicon)) return true;
  }
  return false;
}

bool IsEvidence(const ViewItem& item, const std::vector<std::string>& labels,
                const Lexicon& lexicon) {
  if (item.paragraph || item.key.empty() || item.value.kind != ValueKind::kText)
    return false;
  for (const std::string& label : labels) {
    if (NearlyEqual(item.key, label, lexicon)) return true;
  }
  return false;
}

}  // namespace

std::vector<TableRegion> FindTableRegions(const std::vector<ViewItem>& items,
                                          const RuleSet& rules) {
  const Lexicon& lexicon = *rules.lexicon;
  std::vector<TableRegion> regions(rules.tables.size());
  size_t from = 0;
  for (size_t t = 0; t < rules.tables.size(); ++t) {
    for (size_t i = from; i < items.size(); ++i) {
      if (IsAnchor(items[i], rules.tables[t].anchors, lexicon)) {
        regions[t] = {TableRegion::How::kHeading, i, i + 1, 0, items[i].text};
        from = i + 1;
        break;
      }
    }
  }
  auto claimed = [&](size_t i) {
    for (const TableRegion& r : regions) {
      if (r.found() && r.from == i) return true;
    }
    return false;
  };
  for (size_t t = 0; t < rules.tables.size(); ++t) {
    if (regions[t].found()) continue;
    const TableRule& table = rules.tables[t];
    for (size_t i = 0; i < items.size() && !regions[t].found(); ++i) {
      if (!claimed(i) && IsMisprintedAnchor(items[i], table.anchors, lexicon))
        regions[t] = {TableRegion::How::kMisprintedHeading, i, i + 1, 0,
                      items[i].text};
    }
    for (size_t i = 0; i < items.size() && !regions[t].found(); ++i) {
      if (claimed(i) || !IsEvidence(items[i], table.evidence, lexicon))
        continue;
      // The header cells of the same table just before the label.
      size_t begin = i;
      while (begin > 0 && !items[begin - 1].paragraph &&
             items[begin - 1].block == items[i].block &&
             items[begin - 1].value.kind == ValueKind::kText &&
             !claimed(begin - 1))
        --begin;
      regions[t] = {TableRegion::How::kLabels, begin, begin, 0, items[i].text};
    }
  }
  // Each region ends where the next one in the document starts.
  for (TableRegion& r : regions) {
    if (!r.found()) continue;
    r.end = items.size();
    for (const TableRegion& other : regions) {
      if (other.found() && other.from > r.from)
        r.end = std::min(r.end, other.from);
    }
    // A table found by its labels inside another's region cuts it short;
    // one found at the same item as another reads nothing.
    if (r.read_from > r.end) r.read_from = r.end;
  }
  return regions;
}

}  // namespace gongkai
