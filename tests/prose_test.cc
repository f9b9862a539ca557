// Prose figures: Chinese numerals, the prose rules on sentences of real
// reports, and the soft checks S5 (text against tables) and S6 (规章 from a
// county body).
#include "src/read/prose.h"

#include <gtest/gtest.h>

#include "extractors/registry.h"
#include "src/normalize/normalize.h"
#include "src/pipeline.h"
#include "src/reconcile/reconcile.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

TEST(ChineseNumber, Cases) {
  EXPECT_EQ(testing::TestLexicon().ParseChineseNumber("三千"), 3000);
  EXPECT_EQ(testing::TestLexicon().ParseChineseNumber("二十一"), 21);
  EXPECT_EQ(testing::TestLexicon().ParseChineseNumber("十五"), 15);
  EXPECT_EQ(testing::TestLexicon().ParseChineseNumber("两百零三"), 203);
  EXPECT_EQ(testing::TestLexicon().ParseChineseNumber("一万二千三百四十五"),
            12345);
  EXPECT_EQ(testing::TestLexicon().ParseChineseNumber("〇"), 0);
  EXPECT_EQ(testing::TestLexicon().ParseChineseNumber("三件"), std::nullopt);
  EXPECT_EQ(testing::TestLexicon().ParseChineseNumber(""), std::nullopt);
}

Report ProseOf(const std::vector<std::string>& paragraphs) {
  Document doc;
  for (const std::string& p : paragraphs) {
    Block b;
    b.raw = p;
    doc.blocks.push_back(b);
  }
  Normalize(doc);
  Report r;
  ReadProse(testing::ViewOf(doc), testing::RulesFor("2021"), &r);
  return r;
}

std::optional<double> Value(const Report& r, const std::string& id) {
  const Figure* f = r.Find(id);
  return f ? f->value : std::nullopt;
}

TEST(Prose, SentencesOfRealReports) {
  Report r =
      ProseOf({"2024年，区政府办代表区政府受理政府信息公开申请 17 "
               "件，均已在法定期限内予以答复。",
               "2024年，全市共受理政府信息公开申请3119件，答复3050件("
               "含上年度结转申请34件，另有103件顺延到下年度答复)。",
               "全年主动公开信息151条，包括发布通知公告12条。",
               "全年收取政府信息公开信息处理费3940元。"});
  EXPECT_EQ(Value(r, "prose.applications_received"), 17);
  EXPECT_EQ(Value(r, "prose.applications_answered"), 3050);
  EXPECT_EQ(Value(r, "prose.applications_carried_over"), 34);
  EXPECT_EQ(Value(r, "prose.applications_carry_next"), 103);
  EXPECT_EQ(Value(r, "prose.active_disclosed"), 151);
  EXPECT_EQ(Value(r, "prose.info_processing_fee_yuan"), 3940);
}

// A fee stated in 万元 is read into the figure in 元, its unit kept; one in
// 元 keeps its value.
TEST(Prose, FeeInTenThousandYuanIsConverted) {
  Report r = ProseOf({"全年收取信息处理费共计0.35万元。"});
  EXPECT_EQ(Value(r, "prose.info_processing_fee_yuan"), 3500);
  ASSERT_NE(r.Find("prose.info_processing_fee_yuan"), nullptr);
  EXPECT_EQ(r.Find("prose.info_processing_fee_yuan")->unit, "万元");
  EXPECT_EQ(r.Find("prose.info_processing_fee_yuan")->raw, "0.35");
  Report yuan = ProseOf({"全年收取信息处理费350元。"});
  EXPECT_EQ(Value(yuan, "prose.info_processing_fee_yuan"), 350);
  EXPECT_EQ(yuan.Find("prose.info_processing_fee_yuan")->unit, "");
}

TEST(Prose, ChineseNumeralsAndNoFee) {
  Report r = ProseOf({"本年度共受理政府信息公开申请三十二件。",
                      "本年度没有产生信息公开处理费。"});
  EXPECT_EQ(Value(r, "prose.applications_received"), 32);
  EXPECT_EQ(Value(r, "prose.info_processing_fee_yuan"), 0);
}

TEST(Prose, BadRules) {
  const std::string head =
      "version 1\ntable t\n  anchor 表\n  columns a 甲\n  row r 行\n";
  EXPECT_NE(ParseRules(head + "prose x 受理申请(\\d+)件\n", "p.rules",
                       testing::Rules().shared_lexicon())
                .status()
                .message()
                .find("p.rules:6: a prose pattern needs {n}"),
            std::string::npos);
  EXPECT_NE(ParseRules(head + "prose x none 未收取{n}\n", "p.rules",
                       testing::Rules().shared_lexicon())
                .status()
                .message()
                .find("p.rules:6: a prose none pattern takes no {n}"),
            std::string::npos);
}

std::vector<std::string> Warnings(const std::string& file) {
  Record r = ProcessFile(testing::SourcePath(file), DefaultRegistry(),
                         testing::Rules(), Limits(), &testing::TestDivisions());
  std::vector<std::string> checks;
  EXPECT_TRUE(r.report.has_value()) << file;
  if (!r.report) return checks;
  for (const Finding& f : r.report->findings) {
    if (f.severity == Severity::kWarning)
      checks.push_back(f.check + ":" + FormatNumber(*f.expected) + ":" +
                       (f.actual ? FormatNumber(*f.actual) : "-"));
  }
  return checks;
}

// hongze-2024.pdf states 17 applications in its text; its table says 95.
TEST(SoftChecks, ProseAgainstTablesHongze2024) {
  EXPECT_EQ(Warnings("corpus/real/hongze-2024.pdf"),
            std::vector<std::string>{"S5.received:95:17"});
}

// hongze-2023.pdf states 21, and its table says 21.
TEST(SoftChecks, ProseAgreesHongze2023) {
  EXPECT_TRUE(Warnings("corpus/real/hongze-2023.pdf").empty());
}

TEST(SoftChecks, RulesFromACountyBody) {
  Document doc;
  for (const char* p : {"淮安市洪泽区人民政府2023年政府信息公开工作年度报告",
                        "二、主动公开政府信息情况"}) {
    Block b;
    b.raw = p;
    doc.blocks.push_back(b);
  }
  TableBuilder t;
  t.BeginRow();
  t.AddCell("第二十条第（一）项");
  t.BeginRow();
  for (const char* c : {"规章", "0", "0", "6"}) t.AddCell(c);
  Block table;
  table.kind = BlockKind::kTable;
  table.table = t.Finish();
  doc.blocks.push_back(table);
  Report r = ReadAndReconcile(doc, testing::Rules(), &testing::TestDivisions());
  bool s6 = false;
  for (const Finding& f : r.findings) s6 = s6 || f.check == "S6";
  EXPECT_EQ(r.meta.level, "county");
  EXPECT_TRUE(s6);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

Report WithNoFeeRow(const std::string& sentence) {
  Document doc;
  Block heading;
  heading.raw = "三、收到和处理政府信息公开申请情况";
  doc.blocks.push_back(heading);
  TableBuilder t;
  t.BeginRow();
  for (const char* c : {"2."
                        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其"
                        "政府信息公开申请",
                        "2", "0", "0", "0", "0", "0", "2"}) {
    t.AddCell(c);
  }
  Block table;
  table.kind = BlockKind::kTable;
  table.table = t.Finish();
  doc.blocks.push_back(table);
  Block tail;
  tail.raw = sentence;
  doc.blocks.push_back(tail);
  return ReadAndReconcile(doc, RuleLibrary({testing::RulesFor("2021")}),
                          nullptr);
}

bool HasS7(const Report& r) {
  for (const Finding& f : r.findings) {
    if (f.check == "S7") return true;
  }
  return false;
}

// S7: applications closed for unpaid fees, and no 信息处理费 stated.
TEST(SoftChecks, FeesChargedButNotReported) {
  EXPECT_TRUE(HasS7(WithNoFeeRow("六、其他需要报告的事项")));
  EXPECT_FALSE(HasS7(WithNoFeeRow("全年收取政府信息公开信息处理费200元。")));
}

}  // namespace
}  // namespace gongkai
