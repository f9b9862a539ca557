// The DOCX extractor: body walk of word/document.xml; see docx_extractor.h.
#include "extractors/docx/docx_extractor.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <vector>

#include "extractors/docx/docx_zip.h"
#include "extractors/xml_errors.h"

namespace gongkai {
namespace {

using XmlDoc = std::unique_ptr<xmlDoc, void (*)(xmlDoc*)>;

bool Is(const xmlNode* n, const char* local_name) {
  return n && n->type == XML_ELEMENT_NODE && n->name &&
         std::strcmp(reinterpret_cast<const char*>(n->name), local_name) == 0;
}

const xmlNode* Child(const xmlNode* n, const char* local_name) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
    if (Is(c, local_name)) return c;
  }
  return nullptr;
}

// Returns the w:val attribute (any namespace), or "" if absent.
std::string Val(const xmlNode* n) {
  for (const xmlAttr* a = n ? n->properties : nullptr; a; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), "val") == 0 &&
        a->children && a->children->content) {
      return reinterpret_cast<const char*>(a->children->content);
    }
  }
  return "";
}

StatusOr<XmlDoc> ParseXml(const std::string& xml, const char* name) {
  // No XML_PARSE_NOENT (no entity substitution), no XML_PARSE_DTDLOAD, no
  // network; libxml2's own guard stops entity expansion bombs.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR |
                      XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
  XmlDoc doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), name,
                           nullptr, options),
             xmlFreeDoc);
  if (!doc)
    return Status::Error("extract", "bad_xml",
                         std::string(name) + " is not well-formed XML");
  return doc;
}

struct RawCell {
  int row, col, col_span;
  bool continues;  // w:vMerge without "restart": part of the cell above
  std::string text;
  int row_span = 1;
};

class BodyWalker {
 public:
  BodyWalker(DocumentBuilder& doc, const Limits& limits)
      : doc_(doc), limits_(limits) {}

  Status Walk(const xmlNode* parent, int depth) {
    if (depth > limits_.max_nesting) return DepthError();
    for (const xmlNode* n = parent->children; n; n = n->next) {
      Status s;
      if (Is(n, "p")) {
        std::string text;
        s = Text(n, text, depth + 1);
        if (!text.empty()) {
          Block b;
          b.raw = std::move(text);
          doc_.AddBlock(std::move(b));
        }
      } else if (Is(n, "tbl")) {
        s = IsLayoutTable(n, depth) ? WalkCells(n, depth + 1)
                                    : AddTable(n, depth + 1);
      } else if (Is(n, "sdt")) {
        if (const xmlNode* content = Child(n, "sdtContent"))
          s = Walk(content, depth + 1);
      } else if (Is(n, "customXml")) {
        s = Walk(n, depth + 1);
      }
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

 private:
  // Returns the cells (w:tc) of the rows of `tbl`, content controls
  // around rows or cells looked through (one level).
  static std::vector<const xmlNode*> Cells(const xmlNode* tbl) {
    std::vector<const xmlNode*> cells;
    auto add = [&](const xmlNode* first) {
      for (const xmlNode* c = first; c; c = c->next) {
        if (Is(c, "tc")) cells.push_back(c);
        if (Is(c, "sdt") && Child(c, "sdtContent"))
          for (const xmlNode* in = Child(c, "sdtContent")->children; in;
               in = in->next)
            if (Is(in, "tc")) cells.push_back(in);
      }
    };
    for (const xmlNode* tr = tbl->children; tr; tr = tr->next) {
      if (Is(tr, "tr")) add(tr->children);
    }
    return cells;
  }

  // Returns true iff `tbl` lays out the page rather than holding data: it
  // has a single cell (a frame around the text), or the tables nested in
  // its cells have more cells than it has (a data table with a small table
  // in a cell stays a table).
  bool IsLayoutTable(const xmlNode* tbl, int depth) const {
    const std::vector<const xmlNode*> cells = Cells(tbl);
    long nested_cells = 0;
    for (const xmlNode* tc : cells)
      nested_cells += CellsBelow(tc->children, depth + 1, false);
    return cells.size() == 1 || nested_cells > static_cast<long>(cells.size());
  }

  // Returns the number of w:tc inside tables below `node` (within the
  // nesting limit); `in_table` when `node` is inside one.
  long CellsBelow(const xmlNode* node, int depth, bool in_table) const {
    if (depth > limits_.max_nesting) return 0;
    long count = 0;
    for (const xmlNode* n = node; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      if (in_table && Is(n, "tc")) ++count;
      count += CellsBelow(n->children, depth + 1, in_table || Is(n, "tbl"));
    }
    return count;
  }
  // Reads the cells of a layout table as the flow of the document.
  Status WalkCells(const xmlNode* tbl, int depth) {
    for (const xmlNode* tc : Cells(tbl)) {
      Status s = Walk(tc, depth + 1);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Status DepthError() const {
    return Status::LimitExceeded(
        "extract", "nesting",
        "elements nested deeper than " + std::to_string(limits_.max_nesting));
  }

  // Appends the text of runs below `n`: w:t, w:tab as a space, w:br and
  // w:cr as line breaks; deleted text, text moved away (w:moveFrom; it
  // stands again at its w:moveTo) and field codes are skipped, and of a
  // text box given twice (mc:AlternateContent) only the first form.
  Status Text(const xmlNode* n, std::string& out, int depth) {
    if (depth > limits_.max_nesting) return DepthError();
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (Is(c, "t")) {
        for (const xmlNode* t = c->children; t; t = t->next) {
          if (t->content) out += reinterpret_cast<const char*>(t->content);
        }
      } else if (Is(c, "tab")) {
        out += ' ';
      } else if (Is(c, "br") || Is(c, "cr")) {
        out += '\n';
      } else if (Is(c, "tbl")) {
        Status s = TableText(c, out, depth + 1);
        if (!s.ok()) return s;
      } else if (!Is(c, "delText") && !Is(c, "instrText") && !Is(c, "rPr") &&
                 !Is(c, "pPr") && !Is(c, "moveFrom") && !Is(c, "Fallback")) {
        const bool paragraph = Is(c, "p");
        if (paragraph && !out.empty() && out.back() != '\n') out += '\n';
        Status s = Text(c, out, depth + 1);
        if (!s.ok()) return s;
      }
    }
    return Status::Ok();
  }

  // A table nested in a cell: its text, one row per line.
  Status TableText(const xmlNode* tbl, std::string& out, int depth) {
    for (const xmlNode* tr = tbl->children; tr; tr = tr->next) {
      if (!Is(tr, "tr")) continue;
      if (!out.empty() && out.back() != '\n') out += '\n';
      Status s = Text(tr, out, depth + 1);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Status CollectRow(const xmlNode* tr, int row, std::vector<RawCell>& cells,
                    int depth) {
    if (depth > limits_.max_nesting) return DepthError();
    int col = 0;
    for (const xmlNode* tc = tr->children; tc; tc = tc->next) {
      if (Is(tc, "sdt")) {  // a content control around cells
        const xmlNode* content = Child(tc, "sdtContent");
        if (content) {
          Status s = CollectRow(content, row, cells, depth + 1);
          if (!s.ok()) return s;
        }
        continue;
      }
      if (!Is(tc, "tc")) continue;
      const xmlNode* props = Child(tc, "tcPr");
      int span = 1;
      if (const xmlNode* g = Child(props, "gridSpan"))
        span = std::atoi(Val(g).c_str());
      span = std::clamp(span, 1, TableBuilder::kMaxSpan);
      const xmlNode* vmerge = Child(props, "vMerge");
      RawCell cell{row, col, span, vmerge && Val(vmerge) != "restart", "", 1};
      for (const xmlNode* c = tc->children; c; c = c->next) {
        if (!Is(c, "p") && !Is(c, "tbl") && !Is(c, "sdt")) continue;
        if (!cell.text.empty()) cell.text += '\n';
        Status s = Is(c, "tbl") ? TableText(c, cell.text, depth + 1)
                                : Text(c, cell.text, depth + 1);
        if (!s.ok()) return s;
      }
      cells.push_back(std::move(cell));
      col += span;
    }
    return Status::Ok();
  }

  Status AddTable(const xmlNode* tbl, int depth) {
    std::vector<RawCell> cells;
    int rows = 0;
    for (const xmlNode* tr = tbl->children; tr; tr = tr->next) {
      if (!Is(tr, "tr")) continue;
      Status s = CollectRow(tr, rows++, cells, depth + 1);
      if (!s.ok()) return s;
    }
    // A continuing w:vMerge cell lengthens the cell above it: the cell that
    // last started in its grid column (one pass; a scan back from each
    // continuing cell was quadratic).
    std::unordered_map<int, size_t> started_at_column;
    for (size_t i = 0; i < cells.size(); ++i) {
      RawCell& cell = cells[i];
      if (!cell.continues) {
        started_at_column[cell.col] = i;
        continue;
      }
      auto it = started_at_column.find(cell.col);
      if (it == started_at_column.end()) continue;
      RawCell& origin = cells[it->second];
      if (origin.row + origin.row_span == cell.row) ++origin.row_span;
    }
    TableBuilder builder(limits_.max_table_cells);
    int row = -1;
    for (const RawCell& c : cells) {
      while (row < c.row) {
        builder.BeginRow();
        ++row;
      }
      if (!c.continues) builder.AddCell(c.text, c.row_span, c.col_span);
    }
    if (builder.exceeded()) return TableCellsError(builder);
    if (builder.empty()) return Status::Ok();
    Block b;
    b.kind = BlockKind::kTable;
    b.table = builder.Finish();
    doc_.AddBlock(std::move(b));
    return Status::Ok();
  }

  DocumentBuilder& doc_;
  const Limits& limits_;
};

std::string ElementText(const xmlNode* root, const char* local_name) {
  for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
    if (Is(n, local_name) && n->children && n->children->content) {
      return reinterpret_cast<const char*>(n->children->content);
    }
  }
  return "";
}

}  // namespace

StatusOr<Document> ExtractDocx(std::string_view bytes, const Limits& limits,
                               const Lexicon& /*lexicon*/) {
  DocumentBuilder doc;
  XmlErrorsTo errors(&doc, XML_ERR_WARNING);
  StatusOr<std::unique_ptr<ZipReader>> zip = ZipReader::Open(bytes, limits);
  if (!zip.ok()) return zip.status();
  if (!(*zip)->Has("word/document.xml")) {
    return Status::Error("extract", "not_docx",
                         "a zip archive without word/document.xml");
  }
  StatusOr<std::string> xml = (*zip)->Read("word/document.xml");
  if (!xml.ok()) return xml.status();
  StatusOr<XmlDoc> tree = ParseXml(*xml, "word/document.xml");
  if (!tree.ok()) return tree.status();
  const xmlNode* root = xmlDocGetRootElement(tree->get());
  const xmlNode* body = Child(root, "body");
  if (!body)
    return Status::Error("extract", "not_docx",
                         "word/document.xml has no w:body");
  BodyWalker walker(doc, limits);
  Status s = walker.Walk(body, 0);
  if (!s.ok()) return s;
  if ((*zip)->Has("docProps/core.xml")) {
    StatusOr<std::string> core = (*zip)->Read("docProps/core.xml");
    StatusOr<XmlDoc> props =
        core.ok() ? ParseXml(*core, "docProps/core.xml") : core.status();
    if (!props.ok()) {
      doc.AddDiagnostic("docx_metadata",
                        "docProps/core.xml not read (title, author and dates "
                        "unknown): " +
                            props.status().message());
    }
    {
      if (props.ok()) {
        const xmlNode* r = xmlDocGetRootElement(props->get());
        doc.metadata().title = ElementText(r, "title");
        doc.metadata().author = ElementText(r, "creator");
        doc.metadata().created = ElementText(r, "created");
        doc.metadata().modified = ElementText(r, "modified");
      }
    }
  }
  return doc.Finish();
}

bool SniffZip(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

bool SniffDocx(std::string_view bytes) {
  return SniffZip(bytes) &&
         bytes.find("word/document.xml") != std::string_view::npos;
}

}  // namespace gongkai
