// The audit site without a browser (tools/site/browser_test.py loads it in
// Chromium): pages for every report and agency, cells marked with their
// figure and state, hostile names escaped, page images only from files that
// still hash to the report.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "src/site/html.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::ReadFile;
using testing::RunGongkai;
using testing::SourcePath;

std::string AllPages(const std::string& site) {
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(site)) {
    if (e.path().extension() == ".html") all += ReadFile(e.path().string());
  }
  return all;
}

TEST(Site, EscapeMakesHostileTextInert) {
  EXPECT_EQ(site::Escape("<script>a&b\"c'd</script>"),
            "&lt;script&gt;a&amp;b&quot;c&#39;d&lt;/script&gt;");
  EXPECT_EQ(site::Escape("a\x01z"), "az");   // control bytes dropped
  EXPECT_EQ(site::Escape("\xff"), "\\xFF");  // bytes that are not UTF-8
}

TEST(Site, EveryReportAndAgencyHasAPageWithItsCellsMarked) {
  const std::string dir = testing::TempDir();
  ASSERT_EQ(RunGongkai("ingest --db " + dir + "/d.db " +
                       SourcePath("corpus/real/hongze-2023.pdf") + " " +
                       SourcePath("corpus/real/hongze-2024.pdf") + " " +
                       SourcePath("corpus/handmade/clean-2023.html"))
                .exit_code,
            0);
  auto r = RunGongkai("site --db " + dir + "/d.db --out " + dir + "/site");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int reports = 0, agencies = 0, images = 0;
  for (const auto& e : fs::directory_iterator(dir + "/site/reports")) {
    reports += e.path().extension() == ".html";
    images += e.path().extension() == ".png";
  }
  for (const auto& e : fs::directory_iterator(dir + "/site/agencies"))
    agencies += e.path().extension() == ".html";
  EXPECT_EQ(reports, 3);
  EXPECT_EQ(agencies, 2);  // the two hongze reports are one agency
  EXPECT_EQ(images, 1);    // hongze-2023's page 4, its broken cells outlined
  const std::string page =
      ReadFile(dir + "/site/reports/" +
               json::parse(RunGongkai("extract " +
                                      SourcePath("corpus/real/hongze-2023.pdf"))
                               .out)["source"]["sha256"]
                   .get<std::string>() +
               ".html");
  EXPECT_NE(page.find("data-figure=\"appeals.review.total\" "
                      "data-state=\"misprint\""),
            std::string::npos);
  EXPECT_NE(page.find("data-figure=\"appeals.review.upheld\" "
                      "data-state=\"broken\""),
            std::string::npos);
  EXPECT_NE(page.find("data-figure=\"applications.new.natural\" "
                      "data-state=\"read\""),
            std::string::npos);
  // A row of the 2021 table that this 2019-layout table does not print.
  EXPECT_NE(page.find("data-figure=\"applications.other_no_fee.natural\" "
                      "data-state=\"missing\""),
            std::string::npos);
  EXPECT_NE(page.find(".png\""), std::string::npos);
  // The agency page shows the carry-over chain of 2023 to 2024.
  EXPECT_NE(AllPages(dir + "/site").find("data-check=\"S1.total\""),
            std::string::npos);
  fs::remove_all(dir);
}

TEST(Site, HostileNamesAreEscapedEverywhere) {
  const std::string dir = testing::TempDir();
  auto extract =
      RunGongkai("extract " + SourcePath("corpus/handmade/clean-2023.html"));
  ASSERT_EQ(extract.exit_code, 0);
  json record = json::parse(extract.out);
  record["report"]["agency"] = "<script>alert(1)</script>局";
  record["source"]["path"] = "x\"><img src=y onerror=alert(2)>.html";
  record["evidence"]["applications.new.natural"]["text"] = "<b>7</b>";
  testing::WriteFile(dir + "/in.jsonl", record.dump() + "\n");
  ASSERT_EQ(
      RunGongkai("ingest --db " + dir + "/d.db " + dir + "/in.jsonl").exit_code,
      0);
  ASSERT_EQ(
      RunGongkai("site --db " + dir + "/d.db --out " + dir + "/site").exit_code,
      0);
  const std::string all = AllPages(dir + "/site");
  EXPECT_EQ(all.find("<script>alert"), std::string::npos);
  EXPECT_EQ(all.find("<img src=y"), std::string::npos);
  EXPECT_EQ(all.find("<b>7</b>"), std::string::npos);
  EXPECT_NE(all.find("&lt;script&gt;alert(1)&lt;/script&gt;局"),
            std::string::npos);
  fs::remove_all(dir);
}

TEST(SiteFormerBugs, APdfChangedSinceIngestGivesNoImageButASite) {
  const std::string dir = testing::TempDir();
  fs::copy_file(SourcePath("corpus/real/hongze-2023.pdf"), dir + "/r.pdf");
  ASSERT_EQ(
      RunGongkai("ingest --db " + dir + "/d.db " + dir + "/r.pdf").exit_code,
      0);
  testing::WriteFile(dir + "/r.pdf", "%PDF-1.4 replaced");
  auto r = RunGongkai("site --db " + dir + "/d.db --out " + dir + "/site");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("the file changed or is gone"), std::string::npos)
      << r.err;
  int images = 0;
  for (const auto& e : fs::directory_iterator(dir + "/site/reports"))
    images += e.path().extension() == ".png";
  EXPECT_EQ(images, 0);
  EXPECT_TRUE(fs::exists(dir + "/site/index.html"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gongkai
