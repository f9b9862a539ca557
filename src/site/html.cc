// HTML and SVG writing; see html.h.
#include "src/site/html.h"

#include <algorithm>
#include <cmath>

#include "src/model/utf8.h"

namespace gongkai::site {

std::string Escape(std::string_view text) {
  const std::string shown = ShowBytes(text);  // valid UTF-8
  std::string out;
  out.reserve(shown.size());
  for (char c : shown) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t')
          out += c;
    }
  }
  return out;
}

std::string PageStart(const std::string& title, const std::string& root) {
  return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta "
         "charset=\"utf-8\">\n<meta name=\"viewport\" "
         "content=\"width=device-width, initial-scale=1\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
         "'self'; img-src 'self' data:; style-src 'self'; script-src "
         "'self'\">\n<title>" +
         Escape(title) + "</title>\n<link rel=\"stylesheet\" href=\"" + root +
         "style.css\">\n<script src=\"" + root +
         "site.js\" defer></script>\n</head>\n<body>\n<nav><a href=\"" + root +
         "index.html\">gongkai</a></nav>\n<main>\n<h1>" + Escape(title) +
         "</h1>\n";
}

std::string PageEnd() { return "</main>\n</body>\n</html>\n"; }

std::string BarChart(const std::string& title, const std::vector<Bar>& bars,
                     double scale_max) {
  constexpr int kLabelWidth = 130, kBarWidth = 240, kRow = 22, kNote = 120;
  double max = scale_max;
  for (const Bar& b : bars) max = std::max(max, b.value);
  if (max <= 0) max = 1;
  const int height = kRow * static_cast<int>(bars.size()) + 8;
  const int width = kLabelWidth + kBarWidth + kNote;
  std::string svg = "<figure class=\"chart\"><figcaption>" + Escape(title) +
                    "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                    "role=\"img\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) +
                    "\">\n";
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const int y = 4 + kRow * static_cast<int>(i);
    const int w = static_cast<int>(std::lround(kBarWidth * b.value / max));
    svg += "<text x=\"" + std::to_string(kLabelWidth - 6) + "\" y=\"" +
           std::to_string(y + 15) + "\" text-anchor=\"end\">" +
           Escape(b.label) + "</text><rect x=\"" + std::to_string(kLabelWidth) +
           "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
           std::to_string(std::max(w, 1)) +
           "\" height=\"15\" class=\"bar\"/><text x=\"" +
           std::to_string(kLabelWidth + std::max(w, 1) + 6) + "\" y=\"" +
           std::to_string(y + 15) + "\">" + Escape(b.note) + "</text>\n";
  }
  return svg + "</svg></figure>\n";
}

const char* const kStylesheet = R"css(
body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif;
       margin: 0; color: #1a1a1a; background: #fff; line-height: 1.45; }
nav { background: #233; padding: .5em 1em; }
nav a { color: #fff; text-decoration: none; font-weight: bold; }
main { padding: 0 1em 2em; max-width: 72em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .5em 0; font-size: .9em; }
th, td { border: 1px solid #999; padding: .2em .45em; vertical-align: top; }
th { background: #eef1f3; font-weight: normal; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; min-width: 2.2em; }
td[data-state="blank"] { background: #f0f0f0; color: #777; }
td[data-state="missing"] { background: repeating-linear-gradient(45deg, #ddd,
    #ddd 4px, #fff 4px, #fff 8px); color: #555; }
td[data-state="broken"] { background: #ffe2b8; }
td[data-state="misprint"] { background: #f8b4b4; font-weight: bold;
    outline: 2px solid #b00; }
.legend span { display: inline-block; padding: 0 .5em; margin: .15em;
    border: 1px solid #999; }
.legend-blank { background: #f0f0f0; } .legend-broken { background: #ffe2b8; }
.legend-misprint { background: #f8b4b4; } .legend-missing { background: #ddd; }
tr.group th { background: #f7f7f7; font-weight: bold; }
.fail { color: #a00; } .ok { color: #060; }
.chart { margin: 1em 0; } .chart svg { font-size: 12px; width: 100%;
    max-width: 490px; }
.chart .bar { fill: #4a7a96; }
figure.page img { max-width: 100%; border: 1px solid #999; }
input#filter { font-size: 1em; padding: .3em; width: 100%; max-width: 30em;
    box-sizing: border-box; }
@media (max-width: 40em) { body { font-size: 15px; } main { padding: 0 .5em; } }
@media print { nav, input#filter { display: none; } .scroll { overflow: visible; }
    td[data-state] { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
)css";

const char* const kScript = R"js(
// Filters the rows of every table marked data-filter by the text typed.
document.addEventListener('DOMContentLoaded', function () {
  var input = document.getElementById('filter');
  if (!input) return;
  input.addEventListener('input', function () {
    var want = input.value.trim().toLowerCase();
    document.querySelectorAll('table[data-filter] tbody tr').forEach(function (tr) {
      tr.hidden = want !== '' && tr.textContent.toLowerCase().indexOf(want) < 0;
    });
  });
});
)js";

}  // namespace gongkai::site
