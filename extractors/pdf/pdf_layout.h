// Page layout for PDF: from the glyphs and ruling lines of one page to the
// blocks of the document model, with no Poppler in sight (the collector in
// pdf_extractor.cc fills a PdfPage; this file's functions are pure geometry,
// tested on pages built in code).
//
// Ruled tables: the ruling lines are grouped into connected sets; each set
// with two or more horizontal and vertical lines is a table. Its distinct x
// and y positions make a grid; two neighbouring grid cells are one merged
// cell when no line separates them. Every glyph whose centre falls in a cell
// belongs to it, so labels wrapped over several lines, labels printed one
// character per line and numbers wrapped in narrow cells all come out as the
// text of their cell, whatever the order of the content stream.
//
// Text outside tables becomes paragraphs: glyphs grouped into lines by their
// vertical centre, lines into paragraphs by indentation and spacing. A line
// holding only a page number (`-3-`, `3`) in the top or bottom margin is
// dropped: it is not content.
#ifndef GONGKAI_EXTRACTORS_PDF_PDF_LAYOUT_H_
#define GONGKAI_EXTRACTORS_PDF_PDF_LAYOUT_H_

#include <string>
#include <vector>

#include "src/model/document.h"
#include "src/model/lexicon.h"

namespace gongkai {

struct PdfGlyph {
  Box box;           // top-left origin, points
  std::string text;  // UTF-8, usually one character
  double font_size = 0;
};

struct PdfSegment {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // top-left origin, points
};

struct PdfPage {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  std::vector<PdfGlyph> glyphs;
  std::vector<PdfSegment> segments;  // stroked lines and thin filled boxes
};

// A line of text: glyphs sorted left to right, with its box.
struct PdfLine {
  std::vector<const PdfGlyph*> glyphs;
  Box box;
  double font_size = 0;
  // Returns the text, with a space where glyphs are far apart.
  std::string Text() const;
};

// Groups glyphs into lines by vertical centre, top to bottom; within a line,
// left to right.
std::vector<PdfLine> GroupLines(const std::vector<const PdfGlyph*>& glyphs);

// Returns the glyphs of `glyphs` in their order, less those drawn a second
// time over one already kept: the same text, at most 0.1 of its size away
// along the line and 0.2 across it, as fake bold and drop shadows are
// drawn (Poppler's own measures of duplicated text). Linear time: glyphs
// are looked up in a grid of their size.
std::vector<const PdfGlyph*> DistinctGlyphs(
    const std::vector<PdfGlyph>& glyphs);

// Appends the blocks of `page` (tables and paragraphs, top to bottom) to
// `out`. At most `max_segments` ruling lines are considered (bounds work on
// hostile vector drawings).
// Text drawn twice is read once (DistinctGlyphs). The lexicon tells
// numbers from labels and page numbers from text.
void LayoutPage(const PdfPage& page, const Lexicon& lexicon,
                std::vector<Block>* out, size_t max_segments = 4000);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_PDF_PDF_LAYOUT_H_
