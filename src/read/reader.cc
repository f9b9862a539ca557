// The reader; see reader.h for the approach.
#include "src/read/reader.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "src/normalize/labels.h"
#include "src/normalize/values.h"
#include "src/read/regions.h"

namespace gongkai {
namespace {

using Item = ViewItem;

int BestScore(const std::string& key, const std::string& text,
              const std::vector<LabelAlternative>& labels,
              const Lexicon& lexicon) {
  int best = 0;
  for (const LabelAlternative& alt : labels) {
    if (alt.pattern) {
      if (RE2::PartialMatch(text, *alt.pattern))
        best =
            std::max(best, static_cast<int>(lexicon.numbers().score_pattern));
    } else {
      best = std::max(best, MatchScore(key, alt.key, lexicon));
    }
  }
  return best;
}

// A physical row whose trailing run of values is longer than the table's
// columns, and starts with blank cells, carries empty cells that are not
// data (a label column split by a stray ruling line). Returns the range
// [from, to) of those surplus blanks, empty when there are none.
std::pair<size_t, size_t> SurplusLeadingBlanks(const std::vector<Item>& items,
                                               size_t begin, size_t end,
                                               int columns) {
  size_t run = end;
  while (run > begin && !items[run - 1].paragraph &&
         IsValueLike(items[run - 1].value))
    --run;
  if (run == begin || static_cast<int>(end - run) <= columns) return {end, end};
  size_t surplus = end - run - columns, to = run;
  while (to < run + surplus && items[to].value.kind == ValueKind::kBlank) ++to;
  return {run, to};
}

// Returns the indexes of the columns of `table` printed in the region
// [begin, end) of `items`: every column, and an optional one when both its
// label is printed in the region (as a cell, or within a header line read
// as a paragraph, as in a PDF table without borders) and some table row of
// the region holds a value for every column, the optional ones included.
std::vector<size_t> PrintedColumns(const TableRule& table,
                                   const std::vector<Item>& items, size_t begin,
                                   size_t end) {
  size_t widest_row = 0, run = 0;
  for (size_t i = begin; i < end; ++i) {
    const bool same_row =
        i > begin && items[i].physical_row == items[i - 1].physical_row;
    if (!same_row) run = 0;
    if (!items[i].paragraph && IsValueLike(items[i].value)) {
      widest_row = std::max(widest_row, ++run);
    }
  }
  const bool room = widest_row >= table.columns.size();
  std::vector<size_t> printed;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    const std::string& key = table.optional_column_keys[c];
    bool present = key.empty();
    for (size_t i = begin; room && i < end && !present; ++i) {
      present = items[i].paragraph ? items[i].key.find(key) != std::string::npos
                                   : items[i].key == key;
    }
    if (present) printed.push_back(c);
  }
  return printed;
}

// Reads the logical rows of one table region into the report.
class TableReader {
 public:
  // `columns`: the indexes into rule.columns of the columns printed in this
  // report, in order.
  TableReader(const TableRule& rule, std::vector<size_t> columns,
              const Lexicon& lexicon, Report& report)
      : rule_(rule),
        lexicon_(lexicon),
        columns_(std::move(columns)),
        report_(report),
        filled_(rule.rows.size(), false) {}

  void Feed(const Item& item) {
    if (item.paragraph) {
      FinishRow();
      labels_.clear();
      return;
    }
    if (item.value.kind == ValueKind::kText) {
      FinishRow();
      labels_.push_back(&item);
      return;
    }
    // An open row holding only blanks from an earlier physical row (header
    // spacers) does not take the numbers of a new row: it is dropped.
    if (row_ && item.value.kind != ValueKind::kBlank &&
        item.physical_row != row_->values.back()->physical_row &&
        std::all_of(
            row_->values.begin(), row_->values.end(),
            [](const Item* v) { return v->value.kind == ValueKind::kBlank; })) {
      row_.reset();
    }
    if (row_) {  // an open row takes values until it is full
      row_->values.push_back(&item);
      if (static_cast<int>(row_->values.size()) == Columns()) FinishRow();
      return;
    }
    if (!labels_.empty()) {
      StartRow(item);
      return;
    }
    if (item.value.kind == ValueKind::kBlank) return;  // a span placeholder
    if (item.physical_row == last_full_physical_row_) {
      report_.diagnostics.push_back(
          {"extra_value",
           rule_.id + ": value '" + *item.raw + "' beyond the " +
               std::to_string(Columns()) + " columns of row '" + last_row_id_ +
               "' ignored",
           item.page});
      return;
    }
    StartRow(item);
  }

  void Finish() {
    FinishRow();
    for (size_t i = 0; i < rule_.rows.size(); ++i) {
      if (filled_[i] || rule_.rows[i].optional) continue;
      report_.diagnostics.push_back(
          {"row_not_found", rule_.id + ": row '" + RowName(i) + "' not found",
           0});
    }
  }

  bool AnyRowRead() const {
    return std::find(filled_.begin(), filled_.end(), true) != filled_.end();
  }
  bool AllRowsRead() const {
    for (size_t i = 0; i < filled_.size(); ++i) {
      if (!filled_[i] && !rule_.rows[i].optional) return false;
    }
    return true;
  }

 private:
  struct PendingRow {
    size_t index = 0;
    std::vector<const Item*> values;
    std::string label;
    bool by_position = false;
  };

  int Columns() const { return static_cast<int>(columns_.size()); }
  std::string RowName(size_t i) const {
    return rule_.rows[i].id.empty() ? "(values)" : rule_.rows[i].id;
  }

  // Updates the group context from every label but the last.
  void UpdateGroup() {
    for (size_t i = 0; i + 1 < labels_.size(); ++i) {
      int best = 0;
      for (const GroupRule& g : rule_.groups) {
        int s =
            BestScore(labels_[i]->key, *labels_[i]->text, g.labels, lexicon_);
        if (s > best) {
          best = s;
          group_ = g.id;
        }
      }
    }
  }

  std::optional<size_t> MatchRow(const Item& label) const {
    std::optional<size_t> best;
    int best_score = 0;
    for (size_t i = 0; i < rule_.rows.size(); ++i) {
      const RowRule& row = rule_.rows[i];
      if (filled_[i]) continue;
      if (!row.under.empty() && row.under != group_) continue;
      int s = row.any_label
                  ? 1
                  : BestScore(label.key, *label.text, row.labels, lexicon_);
      if (s == 0) continue;
      if (i == NextExpected())
        s += static_cast<int>(lexicon_.numbers().score_next_expected);
      if (s > best_score) {
        best_score = s;
        best = i;
      }
    }
    return best;
  }

  size_t NextExpected() const {
    size_t i = last_index_ ? *last_index_ + 1 : 0;
    while (i < filled_.size() && (filled_[i] || rule_.rows[i].optional)) ++i;
    return i;
  }

  void StartRow(const Item& first_value) {
    PendingRow row;
    std::optional<size_t> index;
    if (!labels_.empty()) {
      UpdateGroup();
      index = MatchRow(*labels_.back());
      row.label = *labels_.back()->text;
    }
    if (!index) {
      for (size_t i = 0; i < rule_.rows.size() && !index; ++i) {
        if (rule_.rows[i].any_label && !filled_[i]) index = i;
      }
    }
    if (!index) {
      size_t next = NextExpected();
      if (next >= rule_.rows.size()) {
        report_.diagnostics.push_back(
            {"extra_row",
             rule_.id + ": values after the last row ignored" +
                 (row.label.empty() ? "" : " (label '" + row.label + "')"),
             first_value.page});
        labels_.clear();
        return;
      }
      index = next;
      row.by_position = true;
    }
    labels_.clear();
    row.index = *index;
    row.values.push_back(&first_value);
    row_ = std::move(row);
    if (static_cast<int>(row_->values.size()) == Columns()) FinishRow();
  }

  void FinishRow() {
    if (!row_) return;
    PendingRow row = std::move(*row_);
    row_.reset();
    const bool full = static_cast<int>(row.values.size()) == Columns();
    const bool all_blank = std::all_of(
        row.values.begin(), row.values.end(),
        [](const Item* v) { return v->value.kind == ValueKind::kBlank; });
    if (!full && all_blank) return;  // header cells or span placeholders
    // An unlabelled (or unrecognized) row of blanks is the rest of a row cut
    // by a page break, or a spacer: it fills no row.
    if (row.by_position && all_blank) return;
    const RowRule& rule = rule_.rows[row.index];
    const int page = row.values.front()->page;
    if (row.by_position) {
      report_.diagnostics.push_back(
          {"label_by_position",
           rule_.id + ": row '" + RowName(row.index) + "' read by position" +
               (row.label.empty()
                    ? " (no label)"
                    : " (label '" + row.label + "' not recognized)"),
           page});
    }
    if (!full) {
      report_.diagnostics.push_back(
          {"short_row",
           rule_.id + ": row '" + RowName(row.index) + "' has " +
               std::to_string(row.values.size()) + " of " +
               std::to_string(Columns()) + " cells",
           page});
    }
    for (size_t c = 0; c < row.values.size(); ++c) {
      const Item& v = *row.values[c];
      Figure f;
      f.id = rule_.FigureId(rule, columns_[c]);
      f.raw = *v.raw;
      f.page = v.page;
      f.table = v.table;
      if (v.cell) {
        f.row = v.cell->row;
        f.col = v.cell->col;
        f.box = v.cell->box;
        f.confidence = v.cell->confidence;
        f.readings = v.cell->readings;
        if (v.cell->confidence)
          f.settled = v.cell->uncertain ? "unsettled" : "agreed";
      }
      f.unit = v.value.unit;
      if (f.settled == "unsettled") {
        // no value until the identities settle it (SettleUncertain)
      } else if (v.value.kind == ValueKind::kNumber) {
        f.value = v.value.number;
        f.integral = v.value.integral;
      } else if (v.value.kind == ValueKind::kNotApplicable) {
        f.marker = v.value.marker;
      }
      report_.figures.push_back(std::move(f));
    }
    filled_[row.index] = true;
    last_index_ = row.index;
    last_row_id_ = RowName(row.index);
    if (full) last_full_physical_row_ = row.values.back()->physical_row;
  }

  const TableRule& rule_;
  const Lexicon& lexicon_;
  const std::vector<size_t> columns_;
  Report& report_;
  std::vector<bool> filled_;
  std::vector<const Item*> labels_;
  std::optional<PendingRow> row_;
  std::optional<size_t> last_index_;
  std::string group_;
  std::string last_row_id_;
  int last_full_physical_row_ = -2;
};

// Returns the coverage of `report` by the tables of `rules`.
Coverage CoverageOf(const RuleSet& rules, const Report& report) {
  std::unordered_map<std::string, bool> read;
  for (const Figure& f : report.figures) read[f.id] = true;
  Coverage coverage;
  for (const TableRule& table : rules.tables) {
    TableCoverage t;
    t.table = table.id;
    for (const RowRule& row : table.rows) {
      if (row.optional) continue;
      for (size_t c = 0; c < table.columns.size(); ++c) {
        if (!table.optional_column_keys[c].empty()) continue;
        const std::string id = table.FigureId(row, c);
        ++t.expected;
        if (read.count(id)) {
          ++t.read;
        } else {
          t.missing.push_back(id);
        }
      }
    }
    coverage.expected += t.expected;
    coverage.read += t.read;
    coverage.tables.push_back(std::move(t));
  }
  return coverage;
}

}  // namespace

Report ReadReport(const DocumentView& view, const RuleSet& rules) {
  Report report;
  report.version = rules.version;
  const std::vector<Item>& items = view.items;
  const std::vector<TableRegion> regions = FindTableRegions(items, rules);
  for (size_t t = 0; t < rules.tables.size(); ++t) {
    const TableRule& table = rules.tables[t];
    const TableRegion& region = regions[t];
    if (!region.found()) {
      report.tables_missing.push_back(table.id);
      if (table.required) report.required_missing.push_back(table.id);
      report.diagnostics.push_back(
          {"table_not_found", table.id + ": anchor not found", 0});
      continue;
    }
    if (region.how != TableRegion::How::kHeading) {
      report.diagnostics.push_back(
          {"table_found_by_labels",
           table.id + ": heading not found; the table starts at " +
               (region.how == TableRegion::How::kLabels ? "its label '"
                                                        : "the heading '") +
               *region.found_text + "'",
           items[region.read_from < items.size() ? region.read_from : 0].page});
    }
    const size_t end = region.end;
    std::vector<size_t> printed =
        PrintedColumns(table, items, region.from, end);
    const int columns = static_cast<int>(printed.size());
    TableReader reader(table, std::move(printed), *rules.lexicon, report);
    for (size_t i = region.read_from; i < end;) {
      size_t row_end = i + 1;
      while (row_end < end && !items[i].paragraph &&
             items[row_end].physical_row == items[i].physical_row) {
        ++row_end;
      }
      const auto [skip_from, skip_to] =
          SurplusLeadingBlanks(items, i, row_end, columns);
      for (size_t k = i; k < row_end; ++k) {
        if (k < skip_from || k >= skip_to) reader.Feed(items[k]);
      }
      i = row_end;
    }
    reader.Finish();
    for (const VersionMark& mark : table.marks) {
      bool seen = false;
      if (!mark.row_id.empty()) {
        const std::string prefix = table.prefix + "." + mark.row_id + ".";
        for (const Figure& f : report.figures)
          seen = seen || f.id.rfind(prefix, 0) == 0;
      }
      for (size_t i = region.from; i < end && !seen; ++i) {
        for (const std::string& key : mark.label_keys) {
          seen = seen || (!items[i].key.empty() &&
                          items[i].key.find(key) != std::string::npos);
        }
      }
      if (seen) report.table_versions[table.id] = mark.version;
    }
    if (reader.AnyRowRead()) {
      report.tables_found.push_back(table.id);
    } else {
      report.tables_missing.push_back(table.id);
      if (table.required) report.required_missing.push_back(table.id);
    }
  }
  if (!report.table_versions.empty()) report.version = "mixed";
  report.coverage = CoverageOf(rules, report);
  // Figures in rules order, whatever the order of the document.
  const auto& rank = rules.figure_rank;
  auto rank_of = [&rank](const std::string& id) {
    auto it = rank.find(id);
    return it == rank.end() ? size_t{0} : it->second;
  };
  std::stable_sort(report.figures.begin(), report.figures.end(),
                   [&](const Figure& a, const Figure& b) {
                     return rank_of(a.id) < rank_of(b.id);
                   });
  return report;
}

}  // namespace gongkai
