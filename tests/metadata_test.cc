// Metadata: title on one or two lines, signature and date, file-date
// fallback, deadline warning, and region resolution from division names.
#include "src/read/metadata.h"

#include <gtest/gtest.h>

#include "src/normalize/normalize.h"
#include "src/reconcile/reconcile.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

Report Meta(const std::vector<std::string>& paragraphs,
            const std::string& created = "") {
  Document doc;
  for (const std::string& p : paragraphs) {
    Block b;
    b.raw = p;
    doc.blocks.push_back(b);
  }
  doc.metadata.created = created;
  Normalize(doc);
  Report report;
  ReadMetadata(testing::ViewOf(doc), testing::RulesFor("2021"),
               &testing::TestDivisions(), &report);
  Reconcile(testing::RulesFor("2021"), report);  // the deadline check
  return report;
}

TEST(Metadata, TitleOnTwoLinesAndSignature) {
  Report r =
      Meta({"淮安市人民政府", "2024 年政府信息公开工作年度报告", "一、总体情况",
            "正文。", "淮安市人民政府办公室", "2025年1月20日"});
  EXPECT_EQ(r.meta.agency, "淮安市人民政府");
  EXPECT_EQ(r.meta.agency_source, "title");
  EXPECT_EQ(r.meta.year, 2024);
  EXPECT_EQ(r.meta.published, "2025-01-20");
  EXPECT_EQ(r.meta.published_source, "signature");
  EXPECT_EQ(r.meta.level, "city");
  EXPECT_EQ(r.meta.province, "江苏省");
  EXPECT_TRUE(r.findings.empty());
}

TEST(Metadata, AgencyFromSignatureYearFromText) {
  Report r = Meta({"根据要求，编制2022年度政府信息公开年度报告。",
                   "一、总体情况", "兰州市公共资源交易中心", "2023年1月17日"});
  EXPECT_EQ(r.meta.agency, "兰州市公共资源交易中心");
  EXPECT_EQ(r.meta.agency_source, "signature");
  EXPECT_EQ(r.meta.year, 2022);
  EXPECT_EQ(r.meta.published, "2023-01-17");
}

TEST(Metadata, FileDateAndLateWarning) {
  Report r = Meta({"示例市交通运输局2022年政府信息公开工作年度报告", "正文。"},
                  "D:20230415093000+08'00'");
  EXPECT_EQ(r.meta.published, "2023-04-15");
  EXPECT_EQ(r.meta.published_source, "file metadata");
  ASSERT_EQ(r.findings.size(), 1u);  // a department's report was due 2023-01-31
  EXPECT_EQ(r.findings[0].check, "deadline");
  EXPECT_EQ(r.findings[0].severity, Severity::kWarning);
}

TEST(Metadata, GovernmentDeadlineIsMarch) {
  Report r = Meta({"示例县人民政府2022年政府信息公开工作年度报告"},
                  "2023-03-20T08:00:00Z");
  EXPECT_TRUE(r.findings.empty());
}

TEST(Divisions, RegionsAndLevels) {
  const Divisions& d = testing::TestDivisions();
  const std::vector<std::string> township = {"镇人民政府", "街道办事处"};
  Region r = d.Resolve("淮安市洪泽区人民政府", township);
  EXPECT_EQ(r.county, "洪泽区");
  EXPECT_EQ(r.city, "淮安市");
  EXPECT_EQ(r.province, "江苏省");
  EXPECT_EQ(r.level, "county");
  r = d.Resolve("洪泽区人民政府", township);  // the city is inferred
  EXPECT_EQ(r.city, "淮安市");
  r = d.Resolve("江苏省教育厅", township);
  EXPECT_EQ(r.level, "province");
  r = d.Resolve("北京市朝阳区人民政府", township);  // 朝阳区 is also in 长春市
  EXPECT_EQ(r.county, "朝阳区");
  EXPECT_EQ(r.province, "北京市");
  r = d.Resolve("鼓楼区人民政府", township);  // several cities have one
  EXPECT_EQ(r.county, "");
  EXPECT_FALSE(r.note.empty());
  r = d.Resolve("淮安市洪泽区高良涧街道办事处", township);
  EXPECT_EQ(r.level, "township");
  EXPECT_EQ(r.county, "洪泽区");
}

}  // namespace
}  // namespace gongkai
