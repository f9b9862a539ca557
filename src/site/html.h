// HTML and SVG writing for the audit site: escaping (every text from a
// document or a file name is hostile), the page frame every page shares
// (one stylesheet and one script of the site's own, nothing fetched from
// elsewhere), and bar charts drawn as SVG by gongkai itself.
#ifndef GONGKAI_SRC_SITE_HTML_H_
#define GONGKAI_SRC_SITE_HTML_H_

#include <string>
#include <string_view>
#include <vector>

namespace gongkai::site {

// Returns `text` with & < > " ' escaped, invalid UTF-8 shown as \xHH and
// control characters dropped: safe as element text and as an attribute
// value in double quotes.
std::string Escape(std::string_view text);

// Returns the start of a page titled `title` (escaped here), with the
// site's stylesheet and script at `root` ("" or "../") and a navigation
// link back to the overview.
std::string PageStart(const std::string& title, const std::string& root);
// Returns the end of a page.
std::string PageEnd();

// One bar of a chart: a label, the bar's value and the text beside it.
struct Bar {
  std::string label;
  double value = 0;
  std::string note;
};

// Returns an SVG horizontal bar chart (bars scaled to the largest value,
// or to `scale_max` when it is above 0), titled `title`.
std::string BarChart(const std::string& title, const std::vector<Bar>& bars,
                     double scale_max = 0);

// The site's stylesheet and script, written as style.css and site.js.
extern const char* const kStylesheet;
extern const char* const kScript;

}  // namespace gongkai::site

#endif  // GONGKAI_SRC_SITE_HTML_H_
