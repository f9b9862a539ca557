// Markdown reading; see markdown.h.
#include "extractors/text/markdown.h"

#include <sstream>
#include <vector>

#include "extractors/html/html_extractor.h"
#include "extractors/value_token.h"

namespace gongkai {
namespace {

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool IsPipeLine(const std::string& trimmed) {
  return trimmed.size() >= 2 && trimmed[0] == '|' &&
         trimmed.find('|', 1) != std::string::npos;
}

// Returns `s` with every <br>, <br/>, <br /> (any case) as a line break.
std::string LineBreaks(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '<' && i + 3 < s.size() &&
        (s[i + 1] == 'b' || s[i + 1] == 'B') &&
        (s[i + 2] == 'r' || s[i + 2] == 'R')) {
      size_t j = i + 3;
      while (j < s.size() && s[j] == ' ') ++j;
      if (j < s.size() && s[j] == '/') ++j;
      if (j < s.size() && s[j] == '>') {
        out += '\n';
        i = j + 1;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// Returns the cells of a pipe-table line: split at unescaped `|`, the
// outer pipes dropped, `\|` read as `|`, `<br>` as a line break.
std::vector<std::string> PipeCells(const std::string& trimmed) {
  std::vector<std::string> cells;
  std::string cell;
  for (size_t i = 1; i < trimmed.size(); ++i) {
    const char c = trimmed[i];
    if (c == '\\' && i + 1 < trimmed.size() && trimmed[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (c == '|') {
      cells.push_back(cell);
      cell.clear();
    } else {
      cell += c;
    }
  }
  if (!Trim(cell).empty()) cells.push_back(cell);  // no closing pipe
  for (std::string& s : cells) s = Trim(LineBreaks(s));
  return cells;
}

// A separator row: every cell dashes, with colons for alignment.
bool IsSeparator(const std::vector<std::string>& cells) {
  if (cells.empty()) return false;
  for (const std::string& c : cells) {
    if (c.empty() || c.find_first_not_of(":-") != std::string::npos ||
        c.find('-') == std::string::npos)
      return false;
  }
  return true;
}

// Returns `line` without Markdown emphasis and escapes (`**a**`, `\*`).
std::string Plain(const std::string& line) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size() &&
        std::string("\\`*_{}[]()#+-.!|").find(line[i + 1]) !=
            std::string::npos) {
      out += line[++i];
    } else if (line[i] == '*' || line[i] == '_' || line[i] == '`') {
      continue;
    } else {
      out += line[i];
    }
  }
  return out;
}

size_t HeadingLevel(const std::string& trimmed) {
  size_t n = 0;
  while (n < trimmed.size() && trimmed[n] == '#') ++n;
  return n >= 1 && n <= 6 && n < trimmed.size() && trimmed[n] == ' ' ? n : 0;
}

}  // namespace

bool LooksLikeMarkdown(const std::string& text) {
  std::istringstream in(text);
  int pipes = 0, separators = 0, headings = 0, html_tables = 0;
  for (std::string line; std::getline(in, line);) {
    const std::string t = Trim(line);
    if (IsPipeLine(t)) {
      ++pipes;
      separators += IsSeparator(PipeCells(t));
    }
    headings += HeadingLevel(t) > 0;
    html_tables += t.find("<table") != std::string::npos;
    if ((pipes >= 2 && separators >= 1) ||
        (headings >= 1 && pipes + html_tables >= 1) || html_tables >= 1)
      return true;
  }
  return false;
}

Status ReadMarkdown(const std::string& text, const Limits& limits,
                    const Lexicon& lexicon, DocumentBuilder& doc) {
  TableBuilder table;
  int table_rows = 0;  // rows of the pipe table being read
  std::string paragraph;
  auto flush_paragraph = [&] {
    if (!paragraph.empty()) doc.AddText(BlockKind::kParagraph, paragraph);
    paragraph.clear();
  };
  auto flush_table = [&] {
    if (!table.empty()) doc.AddTable(table.Finish());
    table_rows = 0;
  };
  std::istringstream in(text);
  std::string html;  // an HTML table being collected
  for (std::string line; std::getline(in, line);) {
    const std::string t = Trim(line);
    if (!html.empty() || t.find("<table") != std::string::npos) {
      html += line + "\n";
      if (t.find("</table>") == std::string::npos) continue;
      flush_paragraph();
      flush_table();
      StatusOr<Document> part = ExtractHtml(html, limits, lexicon);
      html.clear();
      if (!part.ok()) return part.status();
      for (Block& b : part->blocks) doc.AddBlock(std::move(b));
      continue;
    }
    if (IsPipeLine(t)) {
      flush_paragraph();
      std::vector<std::string> cells = PipeCells(t);
      // The delimiter row follows the header row; elsewhere a row of dashes
      // is a row of NA markers.
      if (table_rows == 1 && IsSeparator(cells)) continue;
      ++table_rows;
      table.BeginRow();
      for (std::string& c : cells) table.AddCell(Plain(c));
      continue;
    }
    flush_table();
    if (t.empty() || IsPageMarker(t, lexicon)) {
      flush_paragraph();
      continue;
    }
    if (const size_t level = HeadingLevel(t)) {
      flush_paragraph();
      std::string heading = Trim(t.substr(level));
      while (!heading.empty() && heading.back() == '#') heading.pop_back();
      doc.AddText(BlockKind::kHeading, Plain(Trim(heading)));
      continue;
    }
    paragraph += Plain(t);  // lines of one paragraph (CJK: no space)
  }
  if (!html.empty()) {  // a table never closed: read what there is
    StatusOr<Document> part = ExtractHtml(html, limits, lexicon);
    if (part.ok()) {
      for (Block& b : part->blocks) doc.AddBlock(std::move(b));
    }
  }
  flush_paragraph();
  flush_table();
  return Status::Ok();
}

}  // namespace gongkai
