// The shared view of a document; see view.h.
#include "src/normalize/view.h"

#include "src/model/utf8.h"
#include "src/normalize/labels.h"

namespace gongkai {

DocumentView BuildView(const Document& doc, const Lexicon& lexicon) {
  DocumentView view;
  view.doc = &doc;
  int physical_row = 0;
  int block_index = -1;
  int table_ordinal = -1;
  for (const Block& block : doc.blocks) {
    ++block_index;
    if (block.kind != BlockKind::kTable) {
      ViewItem item;
      item.paragraph = true;
      item.key = LabelKey(block.text, lexicon);
      item.text = &block.text;
      item.raw = &block.raw;
      item.page = block.page;
      item.block = block_index;
      view.items.push_back(std::move(item));
      if (!block.text.empty())
        view.text_blocks.push_back(
            {&block.text, WithoutSpaces(block.text), block.page});
      continue;
    }
    int last_row = -1;
    ++table_ordinal;
    for (const Cell& cell : block.table.cells) {
      if (cell.row != last_row) {
        ++physical_row;
        last_row = cell.row;
      }
      ViewItem item;
      item.value = ParseCellValue(cell.text, lexicon);
      if (item.value.kind == ValueKind::kText)
        item.key = LabelKey(cell.text, lexicon);
      item.text = &cell.text;
      item.raw = &cell.raw;
      item.page = cell.page ? cell.page : block.page;
      item.physical_row = physical_row;
      item.block = block_index;
      item.table = table_ordinal;
      item.cell = &cell;
      view.items.push_back(std::move(item));
    }
  }
  return view;
}

}  // namespace gongkai
