// Page layout: tables from ruling lines (pdf_tables.cc), text lines and
// paragraphs from the remaining glyphs; see pdf_layout.h.
#include "extractors/pdf/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string_view>

#include "extractors/pdf/pdf_aligned.h"
#include "extractors/pdf/pdf_tables.h"
#include "extractors/value_token.h"
#include "src/model/utf8.h"

namespace gongkai {
namespace {

double CenterY(const PdfGlyph* g) { return (g->box.y0 + g->box.y1) / 2; }
double Height(const PdfGlyph* g) {
  return std::max(1.0, g->box.y1 - g->box.y0);
}

bool IsAsciiAlnum(const std::string& s) {
  return !s.empty() && static_cast<unsigned char>(s[0]) < 0x80 &&
         std::isalnum(static_cast<unsigned char>(s[0]));
}

struct Placed {
  double top;
  Block block;
};

Table MakeTable(const RuledTable& t,
                const std::vector<std::vector<const PdfGlyph*>>& by_region,
                int page) {
  TableBuilder builder;
  int row = -1;
  for (size_t i = 0; i < t.regions.size(); ++i) {
    const RuledTable::Region& g = t.regions[i];
    while (row < g.row0) {
      builder.BeginRow();
      ++row;
    }
    std::string text;
    for (const PdfLine& line : GroupLines(by_region[i])) {
      if (!text.empty()) text += '\n';
      text += line.Text();
    }
    builder.AddCell(
        text, g.row1 - g.row0 + 1, g.col1 - g.col0 + 1, page,
        Box{t.xs[g.col0], t.ys[g.row0], t.xs[g.col1 + 1], t.ys[g.row1 + 1]});
  }
  return builder.Finish();
}

// Glyphs further apart than this many font sizes are in different columns
// (the gaps of prose, even justified, stay below half a character).
// Between a number and a word the gap may be smaller (cell padding only).
constexpr double kColumnGap = 0.8;
constexpr double kNumberWordGap = 0.5;
// Digits of one number touch; two numbers in neighbouring columns of a
// tight table may be only a few points apart.
constexpr double kNumberNumberGap = 0.25;

bool IsDigitGlyph(const PdfGlyph* g) {
  return g->text.size() == 1 &&
         ((g->text[0] >= '0' && g->text[0] <= '9') || g->text[0] == '.');
}

// Splits a line where glyphs are further apart than a column gap.
std::vector<Chunk> Chunks(const PdfLine& line) {
  std::vector<Chunk> chunks;
  PdfLine part;
  auto flush = [&] {
    if (part.glyphs.empty()) return;
    Chunk chunk{part.Text(), part.glyphs.front()->box.x0,
                part.glyphs.back()->box.x1, false};
    size_t digits = 0;  // trailing digit glyphs, one byte each
    while (digits < part.glyphs.size() &&
           IsDigitGlyph(part.glyphs[part.glyphs.size() - 1 - digits]))
      ++digits;
    if (digits > 0 && digits < part.glyphs.size()) {
      chunk.tail_digits = digits;
      chunk.tail_x0 = part.glyphs[part.glyphs.size() - digits]->box.x0;
    }
    chunks.push_back(std::move(chunk));
    part.glyphs.clear();
  };
  const PdfGlyph* last = nullptr;
  for (const PdfGlyph* g : line.glyphs) {
    double gap = kColumnGap;
    if (last && IsDigitGlyph(g) && IsDigitGlyph(last)) {
      gap = kNumberNumberGap;
    } else if (last && IsDigitGlyph(g) != IsDigitGlyph(last)) {
      gap = kNumberWordGap;
    }
    if (last && g->box.x0 - last->box.x1 > gap * std::max(1.0, last->font_size))
      flush();
    part.glyphs.push_back(g);
    last = g;
  }
  flush();
  return chunks;
}

// A line this short between two rows of a borderless table is the rest of
// a wrapped label, not a paragraph.
constexpr int kMaxWrappedLabel = 15;

// Returns true iff a line's chunks make a row of a table without borders:
// two chunks or more, one of them a number.
bool IsRow(const std::vector<Chunk>& chunks) {
  return chunks.size() >= 2 &&
         std::any_of(chunks.begin(), chunks.end(),
                     [](const Chunk& c) { return c.numeric; });
}

// Lines of text outside ruled tables, top to bottom, become paragraphs; a
// line split into columns by wide gaps, one of them a number, is a row of a
// table without borders, and consecutive such rows make one table. A line
// joins the paragraph above when it has the same size, follows closely, is
// not indented, and the line above ran to the right edge of the text.
std::vector<Placed> Paragraphs(const std::vector<PdfLine>& lines,
                               const PdfPage& page, const Lexicon& lexicon) {
  double right = 0, left = page.width;
  for (const PdfLine& l : lines) {
    right = std::max(right, l.box.x1);
    left = std::min(left, l.box.x0);
  }
  std::vector<Placed> out;
  const PdfLine* prev = nullptr;  // the last line added to a paragraph
  auto add_line = [&](const PdfLine& line) {
    const double size = std::max(1.0, line.font_size);
    const bool joins =
        prev && std::fabs(prev->font_size - line.font_size) < 0.6 &&
        line.box.y0 - prev->box.y1 < size * 0.9 &&
        prev->box.x1 > right - size * 2 && line.box.x0 < left + size * 1.5;
    if (joins && !out.empty()) {
      out.back().block.raw += line.Text();
    } else {
      Placed p;
      p.top = line.box.y0;
      p.block.kind = BlockKind::kParagraph;
      p.block.raw = line.Text();
      p.block.page = page.number;
      out.push_back(std::move(p));
    }
    prev = &line;
  };
  std::vector<std::vector<Chunk>> rows;
  std::vector<const PdfLine*>
      pending_labels;  // short lines inside a run of rows
  double rows_top = 0;
  auto flush_rows = [&] {
    if (!rows.empty()) {
      Placed p;
      p.top = rows_top;
      p.block.kind = BlockKind::kTable;
      p.block.page = page.number;
      p.block.table = AlignedTable(rows, page.number);
      out.push_back(std::move(p));
      rows.clear();
    }
    for (const PdfLine* l : pending_labels) add_line(*l);
    pending_labels.clear();
  };
  // Each line's chunks; the lines that are rows (two chunks or more, one a
  // number) have number tails split off their labels first.
  std::vector<std::vector<Chunk>> line_chunks;
  std::vector<size_t> row_lines;
  for (const PdfLine& line : lines) {
    line_chunks.push_back(Chunks(line));
    for (Chunk& c : line_chunks.back())
      c.numeric = IsNumberToken(c.text, lexicon) || IsNaMarker(c.text, lexicon);
    if (IsRow(line_chunks.back())) row_lines.push_back(line_chunks.size() - 1);
  }
  std::vector<std::vector<Chunk>> page_rows;
  for (size_t l : row_lines) page_rows.push_back(std::move(line_chunks[l]));
  SplitNumberTails(page_rows);
  for (size_t k = 0; k < row_lines.size(); ++k)
    line_chunks[row_lines[k]] = std::move(page_rows[k]);
  for (size_t l = 0; l < lines.size(); ++l) {
    const PdfLine& line = lines[l];
    const bool margin =
        line.box.y1 > page.height * 0.88 || line.box.y0 < page.height * 0.08;
    if (margin && IsPageMarker(line.Text(), lexicon)) continue;
    std::vector<Chunk>& chunks = line_chunks[l];
    if (IsRow(chunks)) {
      if (rows.empty()) rows_top = line.box.y0;
      // Short lines between two rows (a label wrapped onto the next line)
      // stay in the table as label-only rows.
      for (const PdfLine* l : pending_labels) {
        rows.push_back({Chunk{l->Text(), l->box.x0, l->box.x1, false}});
      }
      pending_labels.clear();
      rows.push_back(std::move(chunks));
      prev = nullptr;
      continue;
    }
    if (!rows.empty() && chunks.size() == 1 &&
        CountCodePoints(chunks[0].text) <= kMaxWrappedLabel) {
      pending_labels.push_back(&line);
      continue;
    }
    flush_rows();
    add_line(line);
  }
  flush_rows();
  return out;
}

}  // namespace

std::string PdfLine::Text() const {
  std::string out;
  const PdfGlyph* last = nullptr;
  for (const PdfGlyph* g : glyphs) {
    if (last &&
        g->box.x0 - last->box.x1 > 0.6 * std::max(1.0, last->font_size) &&
        IsAsciiAlnum(g->text) && IsAsciiAlnum(last->text)) {
      out += ' ';
    }
    out += g->text;
    last = g;
  }
  return out;
}

std::vector<PdfLine> GroupLines(const std::vector<const PdfGlyph*>& glyphs) {
  std::vector<const PdfGlyph*> sorted = glyphs;
  std::sort(sorted.begin(), sorted.end(),
            [](const PdfGlyph* a, const PdfGlyph* b) {
              return CenterY(a) < CenterY(b);
            });
  std::vector<PdfLine> lines;
  double line_center = 0;
  for (const PdfGlyph* g : sorted) {
    if (lines.empty() || CenterY(g) - line_center > 0.5 * Height(g)) {
      lines.emplace_back();
      lines.back().box = g->box;
      line_center = CenterY(g);
    }
    PdfLine& line = lines.back();
    line.glyphs.push_back(g);
    line.box.x0 = std::min(line.box.x0, g->box.x0);
    line.box.y0 = std::min(line.box.y0, g->box.y0);
    line.box.x1 = std::max(line.box.x1, g->box.x1);
    line.box.y1 = std::max(line.box.y1, g->box.y1);
    line.font_size = std::max(line.font_size, g->font_size);
  }
  for (PdfLine& line : lines) {
    std::stable_sort(line.glyphs.begin(), line.glyphs.end(),
                     [](const PdfGlyph* a, const PdfGlyph* b) {
                       return a->box.x0 < b->box.x0;
                     });
  }
  return lines;
}

std::vector<const PdfGlyph*> DistinctGlyphs(
    const std::vector<PdfGlyph>& glyphs) {
  constexpr double kAlong = 0.1, kAcross = 0.2;  // of the font size
  // Kept glyphs by the cell of their centre in a grid of a fifth of their
  // size: an open-addressing table of (hash of text, size and cell; glyph)
  // with twice as many slots as glyphs, so that no allocation is made per
  // glyph. A duplicate lies in the cell of the glyph it repeats or in one
  // of the eight around it.
  struct Slot {
    uint64_t key = 0;
    const PdfGlyph* glyph = nullptr;
  };
  size_t slots = 16;
  while (slots < 2 * glyphs.size()) slots *= 2;
  std::vector<Slot> table(slots);
  auto key_of = [](const PdfGlyph& g, long long size, long long x,
                   long long y) {
    uint64_t h = std::hash<std::string_view>()(g.text);
    for (long long v : {size, x, y})
      h = (h ^ static_cast<uint64_t>(v)) * 0x100000001b3ull;
    return h | 1;  // 0 marks an empty slot
  };
  std::vector<const PdfGlyph*> out;
  out.reserve(glyphs.size());
  for (const PdfGlyph& g : glyphs) {
    const double size = std::max(g.font_size, 0.5);
    const double step = kAcross * size;
    const double cx = (g.box.x0 + g.box.x1) / 2, cy = (g.box.y0 + g.box.y1) / 2;
    if (!std::isfinite(cx) || !std::isfinite(cy) ||
        std::fabs(cx / step) > 1e15 || std::fabs(cy / step) > 1e15) {
      out.push_back(&g);
      continue;
    }
    const long long q = std::llround(size * 100),
                    x = static_cast<long long>(std::floor(cx / step)),
                    y = static_cast<long long>(std::floor(cy / step));
    bool duplicate = false;
    for (long long dx = -1; dx <= 1 && !duplicate; ++dx) {
      for (long long dy = -1; dy <= 1 && !duplicate; ++dy) {
        const uint64_t key = key_of(g, q, x + dx, y + dy);
        for (size_t i = key & (slots - 1); table[i].key != 0;
             i = (i + 1) & (slots - 1)) {
          const PdfGlyph* k = table[i].glyph;
          if (table[i].key != key || k->text != g.text) continue;
          if (std::fabs((k->box.x0 + k->box.x1) / 2 - cx) < kAlong * size &&
              std::fabs((k->box.y0 + k->box.y1) / 2 - cy) < kAcross * size &&
              std::llround(std::max(k->font_size, 0.5) * 100) == q) {
            duplicate = true;
            break;
          }
        }
      }
    }
    if (duplicate) continue;
    const uint64_t key = key_of(g, q, x, y);
    size_t i = key & (slots - 1);
    while (table[i].key != 0) i = (i + 1) & (slots - 1);
    table[i] = {key, &g};
    out.push_back(&g);
  }
  return out;
}

void LayoutPage(const PdfPage& page, const Lexicon& lexicon,
                std::vector<Block>* out, size_t max_segments) {
  const std::vector<RuledTable> tables =
      FindRuledTables(page.segments, max_segments);
  std::vector<std::vector<std::vector<const PdfGlyph*>>> by_region(
      tables.size());
  for (size_t t = 0; t < tables.size(); ++t)
    by_region[t].resize(tables[t].regions.size());
  std::vector<const PdfGlyph*> free_glyphs;
  for (const PdfGlyph* g : DistinctGlyphs(page.glyphs)) {
    const double cx = (g->box.x0 + g->box.x1) / 2,
                 cy = (g->box.y0 + g->box.y1) / 2;
    bool placed = false;
    for (size_t t = 0; t < tables.size() && !placed; ++t) {
      const int region = tables[t].RegionAt(cx, cy);
      if (region >= 0) {
        by_region[t][region].push_back(g);
        placed = true;
      }
    }
    if (!placed) free_glyphs.push_back(g);
  }
  std::vector<Placed> placed =
      Paragraphs(GroupLines(free_glyphs), page, lexicon);
  for (size_t t = 0; t < tables.size(); ++t) {
    Placed p;
    p.top = tables[t].box.y0;
    p.block.kind = BlockKind::kTable;
    p.block.page = page.number;
    p.block.table = MakeTable(tables[t], by_region[t], page.number);
    placed.push_back(std::move(p));
  }
  std::stable_sort(
      placed.begin(), placed.end(),
      [](const Placed& a, const Placed& b) { return a.top < b.top; });
  for (Placed& p : placed) out->push_back(std::move(p.block));
}

}  // namespace gongkai
