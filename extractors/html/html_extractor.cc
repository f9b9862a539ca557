// The HTML extractor: libxml2's HTML parser, then a walk over the tree that
// emits paragraphs and tables through the document model's builders.
#include "extractors/html/html_extractor.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include "extractors/charset.h"
#include "extractors/xml_errors.h"

namespace gongkai {
namespace {

bool NameIs(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && n->name &&
         xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

bool IsBlockElement(const xmlNode* n) {
  static const char* kBlocks[] = {
      "p",          "div", "h1", "h2",     "h3",      "h4",      "h5",
      "h6",         "li",  "ul", "ol",     "section", "article", "center",
      "blockquote", "pre", "dd", "dt",     "form",    "header",  "footer",
      "main",       "nav", "hr", "address"};
  for (const char* b : kBlocks) {
    if (NameIs(n, b)) return true;
  }
  return false;
}

bool IsHeading(const xmlNode* n) {
  return NameIs(n, "h1") || NameIs(n, "h2") || NameIs(n, "h3") ||
         NameIs(n, "h4") || NameIs(n, "h5") || NameIs(n, "h6");
}

int SpanAttribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return 1;
  long span = std::strtol(reinterpret_cast<const char*>(v), nullptr, 10);
  xmlFree(v);
  return span < 1
             ? 1
             : static_cast<int>(std::min<long>(span, TableBuilder::kMaxSpan));
}

// Appends text with HTML whitespace collapsed to single spaces.
void AppendCollapsed(std::string& out, const char* text) {
  for (const char* p = text; *p; ++p) {
    const bool space =
        *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
    } else {
      out += *p;
    }
  }
}

class Walker {
 public:
  Walker(DocumentBuilder& doc, const Limits& limits)
      : doc_(doc), limits_(limits) {}

  Status Walk(const xmlNode* node, int depth) {
    if (depth > limits_.max_nesting) {
      return Status::LimitExceeded(
          "extract", "nesting",
          "elements nested deeper than " + std::to_string(limits_.max_nesting));
    }
    for (const xmlNode* n = node; n; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
          AppendCollapsed(paragraph_,
                          reinterpret_cast<const char*>(n->content));
        continue;
      }
      if (n->type != XML_ELEMENT_NODE) continue;
      if (NameIs(n, "script") || NameIs(n, "style") || NameIs(n, "noscript"))
        continue;
      if (NameIs(n, "title")) {
        std::string title;
        CellText(n->children, title, depth + 1);
        doc_.metadata().title = title;
        continue;
      }
      if (NameIs(n, "br")) {
        paragraph_ += '\n';
        continue;
      }
      if (NameIs(n, "table")) {
        Flush(BlockKind::kParagraph);
        Status s = IsLayoutTable(n, depth + 1)
                       ? LayoutCells(n->children, depth + 1)
                       : Table(n, depth + 1);
        if (!s.ok()) return s;
        continue;
      }
      const bool block = IsBlockElement(n);
      if (block) Flush(BlockKind::kParagraph);
      Status s = Walk(n->children, depth + 1);
      if (!s.ok()) return s;
      if (block)
        Flush(IsHeading(n) ? BlockKind::kHeading : BlockKind::kParagraph);
    }
    return Status::Ok();
  }

  void Flush(BlockKind kind) {
    size_t b = paragraph_.find_first_not_of(" \n");
    if (b == std::string::npos) {
      paragraph_.clear();
      return;
    }
    size_t e = paragraph_.find_last_not_of(" \n");
    Block block;
    block.kind = kind;
    block.raw = paragraph_.substr(b, e - b + 1);
    doc_.AddBlock(std::move(block));
    paragraph_.clear();
  }

 private:
  // Returns true iff `table` lays out a page rather than holding data: it
  // has a single cell, or the tables nested in its cells have more cells
  // than it has (many government sites set the whole report inside such a
  // table; a data table with a small table in a cell stays a table).
  bool IsLayoutTable(const xmlNode* table, int depth) const {
    int cells = 0;
    long nested_cells = 0;
    ForEachCell(table->children, depth, [&](const xmlNode* cell) {
      ++cells;
      nested_cells += CellsBelow(cell->children, depth + 1, false);
    });
    return cells == 1 || nested_cells > cells;
  }

  // Returns the number of td/th elements inside tables below `node`
  // (within the nesting limit); `in_table` when `node` is inside one.
  long CellsBelow(const xmlNode* node, int depth, bool in_table) const {
    if (depth > limits_.max_nesting) return 0;
    long count = 0;
    for (const xmlNode* n = node; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      if (in_table && (NameIs(n, "td") || NameIs(n, "th"))) ++count;
      count +=
          CellsBelow(n->children, depth + 1, in_table || NameIs(n, "table"));
    }
    return count;
  }

  // Calls f(cell) for each td/th of the rows below `node` (in thead, tbody,
  // tfoot), not those of nested tables.
  template <typename F>
  void ForEachCell(const xmlNode* node, int depth, F f) const {
    if (depth > limits_.max_nesting) return;
    for (const xmlNode* n = node; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE || NameIs(n, "table")) continue;
      if (NameIs(n, "tr")) {
        for (const xmlNode* c = n->children; c; c = c->next) {
          if (NameIs(c, "td") || NameIs(c, "th")) f(c);
        }
      } else {
        ForEachCell(n->children, depth + 1, f);
      }
    }
  }

  // Reads the cells of a layout table as the flow of the page: each cell's
  // content in order, its paragraphs and tables as blocks of their own.
  Status LayoutCells(const xmlNode* node, int depth) {
    Status status = Status::Ok();
    ForEachCell(node, depth, [&](const xmlNode* cell) {
      if (!status.ok()) return;
      status = Walk(cell->children, depth + 1);
      Flush(BlockKind::kParagraph);
    });
    return status;
  }

  // Adds the rows of `table` (not those of tables nested in its cells).
  Status Rows(const xmlNode* node, TableBuilder& builder, int depth) {
    if (depth > limits_.max_nesting) {
      return Status::LimitExceeded(
          "extract", "nesting",
          "elements nested deeper than " + std::to_string(limits_.max_nesting));
    }
    for (const xmlNode* n = node; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE || NameIs(n, "table")) continue;
      if (NameIs(n, "tr")) {
        builder.BeginRow();
        for (const xmlNode* c = n->children; c; c = c->next) {
          if (!NameIs(c, "td") && !NameIs(c, "th")) continue;
          std::string text;
          CellText(c->children, text, depth + 1);
          builder.AddCell(text, SpanAttribute(c, "rowspan"),
                          SpanAttribute(c, "colspan"));
        }
        continue;
      }
      Status s = Rows(n->children, builder, depth + 1);  // thead, tbody, tfoot
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Status Table(const xmlNode* table, int depth) {
    TableBuilder builder(limits_.max_table_cells);
    Status s = Rows(table->children, builder, depth);
    if (!s.ok()) return s;
    if (builder.exceeded()) return TableCellsError(builder);
    if (builder.empty()) return Status::Ok();
    Block block;
    block.kind = BlockKind::kTable;
    block.table = builder.Finish();
    doc_.AddBlock(std::move(block));
    return Status::Ok();
  }

  // The text of a cell: line breaks for <br> and block elements.
  void CellText(const xmlNode* node, std::string& out, int depth) {
    if (depth > limits_.max_nesting) return;
    for (const xmlNode* n = node; n; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
          AppendCollapsed(out, reinterpret_cast<const char*>(n->content));
      } else if (n->type == XML_ELEMENT_NODE) {
        if (NameIs(n, "script") || NameIs(n, "style")) continue;
        if (NameIs(n, "br")) {
          out += '\n';
          continue;
        }
        const bool block =
            IsBlockElement(n) || NameIs(n, "tr") || NameIs(n, "table");
        if (block && !out.empty() && out.back() != '\n') out += '\n';
        CellText(n->children, out, depth + 1);
        if (block && !out.empty() && out.back() != '\n') out += '\n';
      }
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
      out.pop_back();
  }

  DocumentBuilder& doc_;
  const Limits& limits_;
  std::string paragraph_;
};

}  // namespace

StatusOr<Document> ExtractHtml(std::string_view bytes, const Limits& limits,
                               const Lexicon& /*lexicon*/) {
  StatusOr<DecodedText> decoded =
      DecodeToUtf8(bytes, DeclaredHtmlCharset(bytes));
  if (!decoded.ok()) return decoded.status();
  const std::string& utf8 = decoded->text;
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) {
    return Status::LimitExceeded("extract", "file_size", "page too large");
  }
  DocumentBuilder doc;
  doc.SetEncoding(decoded->encoding);
  NoteReplacedBytes(*decoded, doc);
  XmlErrorsTo errors(&doc, XML_ERR_FATAL);
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                      HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> tree(
      htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr,
                     "UTF-8", options),
      xmlFreeDoc);
  if (!tree)
    return Status::Error("extract", "bad_html",
                         "libxml2 could not parse the page");
  const xmlNode* root = xmlDocGetRootElement(tree.get());
  if (!root)
    return Status::Error("extract", "bad_html", "the page has no elements");
  Walker walker(doc, limits);
  Status s = walker.Walk(root, 0);
  if (!s.ok()) return s;
  walker.Flush(BlockKind::kParagraph);
  return doc.Finish();
}

}  // namespace gongkai
