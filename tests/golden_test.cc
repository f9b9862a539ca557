// Golden corpus test: every `*.expected.json` under corpus/real and
// corpus/handmade names a document and the figures written by reading it
// (never copied from gongkai's output). The document must yield exactly
// those figures (same ids, same values, null for printed blanks) and
// exactly the listed error findings.
//
// Expected file: {"source": FILE, "also": [FILE...], "version": V,
//                 "report": {agency, year, published, ..., region} (optional),
//                 "figures": {id: value|null}, "error_findings": [check ids],
//                 "likely_misprints": [{figure, printed, implied}] (optional)}
// Every file of "source" and "also" (the same report in other formats, as
// in corpus/synthetic) must match: a differential test across formats.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "extractors/html/html_extractor.h"
#include "extractors/registry.h"
#include "src/model/utf8.h"
#include "src/pipeline.h"
#include "src/sinks/sinks.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::string> ExpectedFiles() {
  std::vector<std::string> out;
  for (const char* dir :
       {"corpus/real", "corpus/handmade", "corpus/synthetic"}) {
    for (const auto& e : fs::directory_iterator(testing::SourcePath(dir))) {
      const std::string name = e.path().filename().string();
      if (name.size() > 14 &&
          name.substr(name.size() - 14) == ".expected.json") {
        out.push_back(e.path().string());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

class Golden : public ::testing::TestWithParam<std::string> {};

void CheckSource(const std::string& source, const json& expected,
                 const std::string& expected_name) {
  Record record = ProcessFile(source, DefaultRegistry(), testing::Rules(),
                              Limits(), &testing::TestDivisions());
  ASSERT_TRUE(record.report.has_value())
      << source << ": " << record.error.ToString();
  json got = RecordToJson(record);
  EXPECT_EQ(got["report"]["version"], expected["version"]) << source;
  if (expected.contains("report")) {  // agency, year, publication, region
    for (auto it = expected["report"].begin(); it != expected["report"].end();
         ++it) {
      EXPECT_EQ(got["report"][it.key()], it.value())
          << source << ": report." << it.key();
    }
  }

  // A readable diff: every missing, extra or different figure.
  std::string diff;
  const json& want = expected["figures"];
  const json& have = got["figures"];
  for (auto it = want.begin(); it != want.end(); ++it) {
    if (!have.contains(it.key())) {
      diff += "- " + it.key() + " = " + it.value().dump() + " (not read)\n";
    } else if (have[it.key()] != it.value()) {
      diff += "- " + it.key() + " = " + it.value().dump() + "\n+ " + it.key() +
              " = " + have[it.key()].dump() + "\n";
    }
  }
  for (auto it = have.begin(); it != have.end(); ++it) {
    if (!want.contains(it.key()))
      diff += "+ " + it.key() + " = " + it.value().dump() + " (extra)\n";
  }
  EXPECT_EQ(diff, "") << source << " differs from " << expected_name << ":\n"
                      << diff;

  std::vector<std::string> errors, want_errors;
  for (const Finding& f : record.report->findings) {
    if (f.severity == Severity::kError) errors.push_back(f.check);
  }
  for (const auto& c : expected["error_findings"])
    want_errors.push_back(c.get<std::string>());
  std::sort(errors.begin(), errors.end());
  std::sort(want_errors.begin(), want_errors.end());
  EXPECT_EQ(errors, want_errors) << source;

  // "likely_misprints": the cells the identities say are misprinted, with
  // the printed and implied values (written by reading the document).
  if (expected.contains("likely_misprints")) {
    json misprints = json::array();
    if (got.contains("diagnosis")) {
      for (const auto& d : got["diagnosis"]) {
        if (d["verdict"] != "likely_misprint") continue;
        for (const auto& c : d["candidates"][0]["cells"]) {
          misprints.push_back({{"figure", c["figure"]},
                               {"printed", c["printed"]},
                               {"implied", c["implied"]}});
        }
      }
    }
    EXPECT_EQ(misprints, expected["likely_misprints"]) << source;
  }
}

TEST_P(Golden, FiguresAndFindingsMatch) {
  const fs::path expected_path = GetParam();
  json expected = json::parse(testing::ReadFile(expected_path.string()));
  std::vector<std::string> sources = {expected["source"].get<std::string>()};
  if (expected.contains("also")) {
    for (const auto& f : expected["also"])
      sources.push_back(f.get<std::string>());
  }
  for (const std::string& s : sources) {
    CheckSource((expected_path.parent_path() / s).string(), expected,
                expected_path.filename().string());
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, Golden, ::testing::ValuesIn(ExpectedFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           const fs::path p(info.param);
                           std::string name =
                               p.parent_path().filename().string() + "_" +
                               p.filename().string();
                           name = name.substr(0, name.size() - 14);
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c)))
                               c = '_';
                           }
                           return name;
                         });

// The same report as a text dump, as UTF-8 HTML and as GBK HTML gives the
// same table figures (the hand-set pages hold the tables, not the prose).
TEST(GoldenDifferential, LanzhouTextHtmlAndGbkAgree) {
  const Registry& registry = DefaultRegistry();
  json figures[3];
  const char* files[3] = {"corpus/real/lanzhou-ggzyjy-2022.txt",
                          "corpus/handmade/lanzhou-ggzyjy-2022.html",
                          "corpus/handmade/lanzhou-ggzyjy-2022.gbk.html"};
  for (int i = 0; i < 3; ++i) {
    Record r = ProcessFile(testing::SourcePath(files[i]), registry,
                           testing::Rules(), Limits());
    ASSERT_TRUE(r.report.has_value()) << files[i];
    const auto record = RecordToJson(r);  // outlives the loop over its items
    for (const auto& [id, value] : record["figures"].items()) {
      if (id.rfind("prose.", 0) != 0) figures[i][id] = value;
    }
  }
  EXPECT_EQ(figures[0], figures[1]);
  EXPECT_EQ(figures[1], figures[2]);
}

// `pdftotext -layout` of each real PDF (corpus/handmade/NAME.layout.txt),
// read as a laid-out text dump (rows on one line, prose wrapped at line
// ends), gives every figure written by reading the PDF (tables and prose,
// NAME.expected.json), and the same agency, year and region; only the
// publication date, taken from the PDF's metadata, is not in the text.
TEST(GoldenDifferential, PdftotextLayoutOfTheRealPdfsReadsTheSame) {
  for (const char* name :
       {"hongze-2023", "hongze-2024", "huaian-szfbgs-2024"}) {
    const json expected = json::parse(testing::ReadFile(testing::SourcePath(
        "corpus/real/" + std::string(name) + ".expected.json")));
    Record r =
        ProcessFile(testing::SourcePath("corpus/handmade/" + std::string(name) +
                                        ".layout.txt"),
                    DefaultRegistry(), testing::Rules(), Limits(),
                    &testing::TestDivisions());
    ASSERT_TRUE(r.report.has_value()) << name << ": " << r.error.ToString();
    const json got = RecordToJson(r);
    EXPECT_EQ(got["figures"], expected["figures"]) << name;
    for (const char* key : {"agency", "year", "level", "region"}) {
      EXPECT_EQ(got["report"][key], expected["report"][key])
          << name << ": report." << key;
    }
  }
}

// An HTML page saved as its article body only (no <html>, <head> or
// <body>: as many CMSs store it and crawlers save it) is sniffed as HTML and
// reads the same figures as the whole page: every HTML report of the
// corpus, cut to the inside of its <body>.
TEST(GoldenDifferential, HtmlFragmentsReadLikeTheirPages) {
  int fragments = 0;
  for (const std::string& expected_path : ExpectedFiles()) {
    const json expected = json::parse(testing::ReadFile(expected_path));
    std::vector<std::string> sources = {expected["source"].get<std::string>()};
    if (expected.contains("also")) {
      for (const auto& f : expected["also"])
        sources.push_back(f.get<std::string>());
    }
    for (const std::string& source : sources) {
      if (fs::path(source).extension() != ".html") continue;
      const std::string page = testing::ReadFile(
          (fs::path(expected_path).parent_path() / source).string());
      std::string lower = page;
      for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const size_t open = lower.find("<body");
      const size_t close = lower.rfind("</body>");
      ASSERT_NE(open, std::string::npos) << source;
      ASSERT_NE(close, std::string::npos) << source;
      const size_t inner = lower.find('>', open) + 1;
      const std::string fragment = page.substr(inner, close - inner);
      Record r =
          ProcessBytes(source + " (body only)", fragment, DefaultRegistry(),
                       testing::Rules(), Limits(), &testing::TestDivisions());
      EXPECT_EQ(r.source.format, "html") << source;
      ASSERT_TRUE(r.report.has_value()) << source << ": " << r.error.ToString();
      const json got = RecordToJson(r);
      EXPECT_EQ(got["figures"], expected["figures"]) << source;
      ++fragments;
    }
  }
  EXPECT_GE(fragments, 10);
}

// A report is never thrown away for a table it lacks: clean-2023 cut after
// table 3 is a report with every figure of tables 1 to 3, a warning naming
// table 4, and a coverage naming its 15 missing cells.
TEST(GoldenFormerBugs, ReportCutAfterTable3KeepsItsFigures) {
  const json expected = json::parse(testing::ReadFile(
      testing::SourcePath("corpus/handmade/clean-2023.expected.json")));
  std::string html =
      testing::ReadFile(testing::SourcePath("corpus/handmade/clean-2023.html"));
  const size_t table4 = html.find("<p>四、政府信息公开行政复议");
  ASSERT_NE(table4, std::string::npos);
  html = html.substr(0, table4) + "</body></html>";
  Record r = ProcessBytes("cut.html", html, DefaultRegistry(), testing::Rules(),
                          Limits());
  ASSERT_TRUE(r.report.has_value()) << r.error.ToString();
  const json got = RecordToJson(r);
  for (auto it = expected["figures"].begin(); it != expected["figures"].end();
       ++it) {
    if (it.key().rfind("appeals.", 0) == 0) {
      EXPECT_FALSE(got["figures"].contains(it.key())) << it.key();
    } else if (it.key().rfind("prose.", 0) != 0) {
      EXPECT_EQ(got["figures"][it.key()], it.value()) << it.key();
    }
  }
  const json& missing = got["coverage"]["tables"]["appeals"]["missing"];
  EXPECT_EQ(missing.size(), 15u);
  EXPECT_EQ(got["coverage"]["tables"]["applications"]["missing"].size(), 0u);
  EXPECT_EQ(got["coverage"]["read"].get<int>() + 15,
            got["coverage"]["expected"].get<int>());
  bool warned = false;
  for (const Finding& f : r.report->findings)
    warned = warned ||
             (f.result == CheckResult::kTableNotFound &&
              f.check == "table.appeals" && f.severity == Severity::kWarning);
  EXPECT_TRUE(warned);
}

// Tables found by what they are: a heading of table 3 or 4 printed with a
// character wrong, missing or added, reworded, renumbered, or gone keeps
// every figure of the report (the table starts at its own labels). Every
// real and handmade 2021 HTML report, each heading variant in turn and both
// headings gone together.
TEST(GoldenVariants, HeadingsMisprintedOrMissingKeepEveryFigure) {
  const std::string t3 = "三、收到和处理政府信息公开申请情况";
  const std::string t4 = "四、政府信息公开行政复议、行政诉讼情况";
  const std::vector<std::vector<std::pair<std::string, std::string>>> variants =
      {
          {{t4, "四、政府信息公开行政复义、行政诉讼情况"}},  // a wrong one
          {{t4, "四、政府信息公开行政复议、行政诉情况"}},    // one missing
          {{t4, "五、行政复议和行政诉讼情况"}},  // reworded, renumbered
          {{t4, ""}},                            // gone
          {{t3, "三、收到和处理政府信息公开申情况"}},
          {{t3, ""}},
          {{t3, ""}, {t4, ""}},
      };
  int cases = 0;
  for (const char* name : {"real/putian-cgj-2021", "real/putian-cgj-2022",
                           "real/putian-cgj-2023", "real/putian-cgj-2024",
                           "real/putian-cgj-2025", "handmade/clean-2023"}) {
    const std::string base = testing::SourcePath("corpus/" + std::string(name));
    const json expected =
        json::parse(testing::ReadFile(base + ".expected.json"));
    const std::string page = testing::ReadFile(base + ".html");
    for (const auto& variant : variants) {
      std::string html = page;
      for (const auto& [from, to] : variant) {
        const size_t at = html.find(from);
        ASSERT_NE(at, std::string::npos) << name << ": " << from;
        html.replace(at, from.size(), to);
      }
      Record r = ProcessBytes(name, html, DefaultRegistry(), testing::Rules(),
                              Limits(), &testing::TestDivisions());
      ASSERT_TRUE(r.report.has_value()) << name << ": " << r.error.ToString();
      const json got = RecordToJson(r);
      EXPECT_EQ(got["figures"], expected["figures"])
          << name << " with " << variant[0].first << " -> "
          << variant[0].second;
      EXPECT_TRUE(got["coverage"]["complete"].get<bool>()) << name;
      ++cases;
    }
  }
  EXPECT_EQ(cases, 42);
}

// Renders `doc` as a converter writes Markdown: short text blocks as `##`
// headings, paragraphs apart by blank lines, a page marker now and then,
// each table as a pipe table (a separator row after the first, `|`
// escaped, line breaks as <br>, a merged cell's text once and its other
// positions empty) or, with `html_tables`, as an HTML table inside the
// Markdown.
std::string AsMarkdown(const Document& doc, bool html_tables) {
  std::string md;
  int blocks = 0;
  for (const Block& b : doc.blocks) {
    if (++blocks % 7 == 0) md += "\n— " + std::to_string(blocks / 7) + " —\n\n";
    if (b.kind != BlockKind::kTable) {
      const bool heading = CountCodePoints(b.raw) <= 20;
      md += (heading ? "## " : "") + b.raw + "\n\n";
      continue;
    }
    const Table& t = b.table;
    if (html_tables) {
      md += "<table>\n";
      int row = -1;
      for (const Cell& c : t.cells) {
        if (c.row != row) {
          md += std::string(row >= 0 ? "</tr>\n" : "") + "<tr>";
          row = c.row;
        }
        md += "<td rowspan=\"" + std::to_string(c.row_span) + "\" colspan=\"" +
              std::to_string(c.col_span) + "\">" + c.raw + "</td>";
      }
      md += "</tr>\n</table>\n\n";
      continue;
    }
    std::vector<std::vector<std::string>> grid(
        t.rows, std::vector<std::string>(t.cols));
    for (const Cell& c : t.cells) {
      std::string text;
      for (char ch : c.raw) {
        if (ch == '|') {
          text += "\\|";
        } else if (ch == '\n') {
          text += "<br>";
        } else {
          text += ch;
        }
      }
      grid[c.row][c.col] = text;
    }
    for (int r = 0; r < t.rows; ++r) {
      md += "|";
      for (const std::string& cell : grid[r]) md += " " + cell + " |";
      md += "\n";
      if (r == 0) {
        md += "|";
        for (int c = 0; c < t.cols; ++c) md += c % 2 ? ":---:|" : "---|";
        md += "\n";
      }
    }
    md += "\n";
  }
  return md;
}

// Every real and handmade 2021 HTML report written as Markdown by a
// converter, with pipe tables or with HTML tables inside, reads the same
// figures (tables and prose) as the page.
TEST(GoldenDifferential, MarkdownRenderingsReadTheSame) {
  for (const char* name : {"real/putian-cgj-2021", "real/putian-cgj-2022",
                           "real/putian-cgj-2023", "real/putian-cgj-2024",
                           "real/putian-cgj-2025", "handmade/clean-2023"}) {
    const std::string base = testing::SourcePath("corpus/" + std::string(name));
    const json expected =
        json::parse(testing::ReadFile(base + ".expected.json"));
    StatusOr<Document> page = ExtractHtml(testing::ReadFile(base + ".html"),
                                          Limits(), testing::TestLexicon());
    ASSERT_TRUE(page.ok()) << name;
    for (bool html_tables : {false, true}) {
      const std::string md = AsMarkdown(*page, html_tables);
      Record r =
          ProcessBytes(std::string(name) + ".md", md, DefaultRegistry(),
                       testing::Rules(), Limits(), &testing::TestDivisions());
      ASSERT_TRUE(r.report.has_value()) << name << ": " << r.error.ToString();
      EXPECT_EQ(r.source.format, "text") << name;
      const json got = RecordToJson(r);
      std::string diff;
      for (auto it = expected["figures"].begin();
           it != expected["figures"].end(); ++it) {
        if (!got["figures"].contains(it.key()) ||
            got["figures"][it.key()] != it.value())
          diff += " " + it.key();
      }
      for (auto it = got["figures"].begin(); it != got["figures"].end(); ++it)
        if (!expected["figures"].contains(it.key())) diff += " +" + it.key();
      EXPECT_EQ(diff, "") << name
                          << (html_tables ? " (HTML tables)"
                                          : " (pipe tables)");
    }
  }
}

// Tables in another order (table 4 before table 3), and tables 3 and 4
// inside one HTML <table> (with table 4's heading as a row of it, or with
// no heading at all) keep every figure.
TEST(GoldenVariants, TablesInAnotherOrderOrInOneHtmlTable) {
  const std::string base = testing::SourcePath("corpus/handmade/clean-2023");
  const json expected = json::parse(testing::ReadFile(base + ".expected.json"));
  const std::string page = testing::ReadFile(base + ".html");
  const size_t t3 = page.find("<p>三、收到和处理");
  const size_t t4 = page.find("<p>四、政府信息公开行政复议");
  const size_t t5 = page.find("<p>五、");
  ASSERT_TRUE(t3 != std::string::npos && t4 != std::string::npos &&
              t5 != std::string::npos);
  const std::string between =
      "</table>\n<p>四、政府信息公开行政复议、行政诉讼情况</p>\n"
      "<table border=\"1\" cellspacing=\"0\" width=\"100%\">";
  std::string tables = page.substr(t3, t5 - t3);
  ASSERT_NE(tables.find(between), std::string::npos);
  auto merged = [&](const std::string& joint) {
    std::string t = tables;
    t.replace(t.find(between), between.size(), joint);
    return page.substr(0, t3) + t + page.substr(t5);
  };
  const std::pair<const char*, std::string> variants[] = {
      {"table 4 first", page.substr(0, t3) + page.substr(t4, t5 - t4) +
                            page.substr(t3, t4 - t3) + page.substr(t5)},
      {"one table, heading a row",
       merged("\n<tr><td colspan=\"10\">四、政府信息公开行政复议、行政诉讼情况"
              "</td></tr>")},
      {"one table, no heading", merged("\n")},
  };
  for (const auto& [name, html] : variants) {
    Record r = ProcessBytes(name, html, DefaultRegistry(), testing::Rules(),
                            Limits(), &testing::TestDivisions());
    ASSERT_TRUE(r.report.has_value()) << name << ": " << r.error.ToString();
    const json got = RecordToJson(r);
    EXPECT_EQ(got["figures"], expected["figures"]) << name;
  }
}

// Former bug: a number too large for an integer (a cell printed
// 99999999999999999999, a fee in the prose) was cast to long long before
// its range was checked: undefined behaviour (UBSan's float-cast-overflow
// in the sanitizer build). It is read and written as a double.
TEST(GoldenFormerBugs, HugeNumbersAreWrittenWithoutOverflow) {
  std::string html =
      testing::ReadFile(testing::SourcePath("corpus/handmade/clean-2023.html"));
  const std::string cell = "<td>规章</td><td>1</td>";
  ASSERT_NE(html.find(cell), std::string::npos);
  html.replace(html.find(cell), cell.size(),
               "<td>规章</td><td>99999999999999999999</td>");
  html += "<p>本年共收取信息处理费99999999999999999999元。</p>";
  Record r = ProcessBytes("huge.html", html, DefaultRegistry(),
                          testing::Rules(), Limits());
  ASSERT_TRUE(r.report.has_value()) << r.error.ToString();
  const json got = RecordToJson(r);
  EXPECT_DOUBLE_EQ(got["figures"]["active.rules.new"].get<double>(), 1e20);
  EXPECT_DOUBLE_EQ(
      got["figures"]["prose.info_processing_fee_yuan"].get<double>(), 1e20);
  EXPECT_FALSE(got["figures"]["active.rules.new"].is_number_integer());
}

}  // namespace
}  // namespace gongkai
