// The audit site: `gongkai site --db DB --out DIR` writes a static site
// that opens from the file system, with no server and no network.
//
//   index.html              the overview: reports, agencies, failing share
//                           by province, level and year (SVG charts drawn
//                           here), every report in a filterable table, and
//                           the files that could not be read
//   agencies/ID.html        one agency: its reports year by year and the
//                           carry-over chain between them (S1)
//   reports/SHA256.html     one report: tables 2, 3 and 4 drawn from the
//                           rules in the official layout, every cell with
//                           data-figure="<figure id>" and data-state (read,
//                           blank, broken, misprint, missing); findings,
//                           diagnosis and evidence beside them; for a PDF
//                           still at its path, the page of each broken cell
//                           rendered with the cell outlined (PNG)
//   style.css, site.js      the site's own stylesheet and filter script
//
// Every page is written through an OutputDir (src/io/output_dir.h): the
// site lands whole or not at all.
#ifndef GONGKAI_SRC_SITE_SITE_H_
#define GONGKAI_SRC_SITE_SITE_H_

#include <functional>
#include <string>

#include "src/dataset/dataset.h"
#include "src/io/env.h"
#include "src/model/status.h"
#include "src/rules/rule_library.h"

namespace gongkai {

// Renders the page region `box` (points, top-left origin; the whole page
// when empty) of page `page` of the PDF at `path`, with `outlines` drawn
// around, as PNG bytes; returns "" when it cannot. Given by the program,
// which renders in a child process.
struct PageImageRequest {
  std::string path, sha256;
  int page = 0;
  std::vector<Box> outlines;
};
using PageRenderer = std::function<std::string(const PageImageRequest&)>;

// Writes the site of `dataset` into `dir`, drawing tables with the rule
// sets of `rules`. `render` may be empty (no page images).
Status WriteSite(Dataset& dataset, const RuleLibrary& rules,
                 const std::string& dir, const PageRenderer& render,
                 Env* env = Env::Default());

}  // namespace gongkai

#endif  // GONGKAI_SRC_SITE_SITE_H_
