// The reader on small documents built in code: label variants, blanks and
// markers, rows without labels, split rows, the 2019-style （六） row.
// Former bugs from real reports are at the end.
#include "src/read/reader.h"

#include <gtest/gtest.h>

#include "src/normalize/normalize.h"
#include "src/rules/choose.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

using testing::Rules;
using testing::TableDocument;
using Rows = std::vector<std::vector<std::string>>;

Report Read(Document doc) {
  Normalize(doc);
  return ReadReport(testing::ViewOf(doc), testing::RulesFor("2021"));
}

std::vector<std::string> Row(const std::string& label,
                             const std::string& values) {
  std::vector<std::string> row = {label};
  size_t pos = 0;
  while (pos <= values.size()) {
    size_t next = values.find(' ', pos);
    if (next == std::string::npos) next = values.size();
    row.push_back(values.substr(pos, next - pos) == "_"
                      ? ""
                      : values.substr(pos, next - pos));
    pos = next + 1;
  }
  return row;
}

std::optional<double> Value(const Report& r, const std::string& id) {
  const Figure* f = r.Find(id);
  EXPECT_NE(f, nullptr) << id << " not read";
  return f ? f->value : std::nullopt;
}

bool HasDiagnostic(const Report& r, const std::string& code) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

const char* kT3 = "三、收到和处理政府信息公开申请情况";

TEST(Reader, LabelVariantsMapToRows) {
  Report r = Read(TableDocument(
      {kT3},
      {{"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "申请人情况"},
       {"自然 人", "法人或其他组织", "总计"},
       {"商业 企业", "科研机构", "社会公益 组织", "法律服务机构", "其他"},
       Row("一、本年新收政府信息公开申请数量", "1 2 0 0 0 0 3"),
       Row("二、上年结转政府信息公开申请数量", "0 0 0 0 0 0 0"),
       {"三、本年度办 理结果", "（―）予以公开", "1", "2", "0", "0", "0", "0",
        "3"},
       Row("(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
           "0 0 0 0 0 0 0"),
       {"（三） 不予公开", "1、属于国家秘密", "0", "0", "0", "0", "0", "0",
        "0"}}));
  EXPECT_EQ(Value(r, "applications.new.business"), 2);
  EXPECT_EQ(Value(r, "applications.new.total"), 3);
  EXPECT_EQ(Value(r, "applications.granted.natural"), 1);
  EXPECT_EQ(Value(r, "applications.partly_granted.total"), 0);
  EXPECT_EQ(Value(r, "applications.withheld_state_secret.total"), 0);
  EXPECT_EQ(r.Find("applications.other_other.natural"),
            nullptr);  // header 其他
}

TEST(Reader, BlankIsNullAndMarkerIsKept) {
  Report r = Read(TableDocument({"二、主动公开政府信息情况"},
                                {{"第二十条第（六）项"},
                                 {"信息内容", "本年处理决定数量"},
                                 {"行政处罚", ""},
                                 {"行政强制", "-"}}));
  EXPECT_EQ(Value(r, "active.punishment.decisions"), std::nullopt);
  EXPECT_EQ(Value(r, "active.enforcement.decisions"), std::nullopt);
  ASSERT_NE(r.Find("active.enforcement.decisions"), nullptr);
  EXPECT_EQ(r.Find("active.enforcement.decisions")->marker, "-");
}

TEST(Reader, RowWithoutLabelIsReadByPosition) {
  Report r = Read(TableDocument(
      {kT3}, {Row("一、本年新收政府信息公开申请数量", "1 0 0 0 0 0 1"),
              Row("", "2 0 0 0 0 0 2")}));
  EXPECT_EQ(Value(r, "applications.carried_over.natural"), 2);
  EXPECT_TRUE(HasDiagnostic(r, "label_by_position"));
}

TEST(Reader, RowSplitAcrossPhysicalRows) {
  Report r = Read(TableDocument(
      {kT3}, {{"一、本年新收政府信息公开申请数量", "1", "2", "3"},
              {"4", "5", "6", "21"},
              Row("二、上年结转政府信息公开申请数量", "0 0 0 0 0 0 0")}));
  EXPECT_EQ(Value(r, "applications.new.nonprofit"), 4);
  EXPECT_EQ(Value(r, "applications.new.total"), 21);
  EXPECT_EQ(Value(r, "applications.carried_over.total"), 0);
}

TEST(Reader, Other2019StyleRowInside2021Table) {
  Report r = Read(TableDocument(
      {kT3}, {Row("5.要求行政机关确认或重新出具已获取信息", "0 0 0 0 0 0 0"),
              Row("（六）其他处理", "1 0 0 0 0 0 1"),
              Row("（七）总计", "1 0 0 0 0 0 1")}));
  EXPECT_EQ(Value(r, "applications.other.natural"), 1);
  EXPECT_EQ(Value(r, "applications.total.total"), 1);
  EXPECT_EQ(r.Find("applications.other_other.natural"), nullptr);
}

TEST(Reader, OtherUnderItsGroup) {
  Report r = Read(TableDocument(
      {kT3},
      {{"（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "0",
        "0", "0", "0", "0", "0", "0"},
       Row("2."
           "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开"
           "申请",
           "_ _ _ _ _ _ _"),
       Row("3.其他", "5 0 0 0 0 0 5")}));
  EXPECT_EQ(Value(r, "applications.other_no_fee.natural"), std::nullopt);
  EXPECT_EQ(Value(r, "applications.other_other.natural"), 5);
  EXPECT_EQ(r.Find("applications.other.natural"), nullptr);
}

TEST(Reader, MissingTablesAreReported) {
  Report r = Read(TableDocument({"一些文字"}, {{"甲", "乙"}}));
  EXPECT_TRUE(r.figures.empty());
  EXPECT_EQ(r.required_missing,
            (std::vector<std::string>{"applications", "appeals"}));
}

// The 法人 小计 column some reports add (FORMAT.md §5.1): read as
// applications.*.legal_subtotal when the header prints 小计 and rows have a
// value for it; 总计 stays the last column.
TEST(Reader, LegalSubtotalColumnWhenPrinted) {
  Report r = Read(TableDocument(
      {kT3},
      {{"申请人情况"},
       {"自然人", "法人或其他组织", "总计"},
       {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "小计"},
       Row("一、本年新收政府信息公开申请数量", "1 2 3 0 0 1 6 7")}));
  EXPECT_EQ(Value(r, "applications.new.natural"), 1);
  EXPECT_EQ(Value(r, "applications.new.other"), 1);
  EXPECT_EQ(Value(r, "applications.new.legal_subtotal"), 6);
  EXPECT_EQ(Value(r, "applications.new.total"), 7);
  EXPECT_FALSE(HasDiagnostic(r, "extra_value"));
}

// 小计 said somewhere in the region, but rows of 7 values: the optional
// column is not there, and 总计 keeps its place.
TEST(Reader, LegalSubtotalNotReadWhenRowsHaveNoRoomForIt) {
  Report r = Read(TableDocument(
      {kT3, "注：小计略"},
      {{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
        "其他", "总计"},
       Row("一、本年新收政府信息公开申请数量", "1 2 3 0 0 1 7")}));
  EXPECT_EQ(r.Find("applications.new.legal_subtotal"), nullptr);
  EXPECT_EQ(Value(r, "applications.new.total"), 7);
  EXPECT_FALSE(HasDiagnostic(r, "short_row"));
}

TEST(ChooseRuleSet, PicksByFingerprint) {
  Document doc = TableDocument({"本年制发件数"}, {{"x"}});
  Normalize(doc);
  EXPECT_EQ(ChooseRuleSet(testing::ViewOf(doc), Rules().sets())->version,
            "2021");
  EXPECT_EQ(ChooseRuleSet(testing::ViewOf(doc), {}), nullptr);
}

// ---- former bugs and real-report cases --------------------------------

// hongze-2024.pdf prints the label 2.其他法律行政法规禁止公开 with
// characters dropped: 其他法律行政止公开.
TEST(ReaderFormerBugs, TypoInLabelHongze2024) {
  Report r = Read(
      TableDocument({kT3}, {Row("1.属于国家秘密", "0 0 0 0 0 0 0"),
                            Row("2.其他法律行政止公开", "3 0 0 0 0 0 3"),
                            Row("3.危及“三安全一稳定”", "0 0 0 0 0 0 0")}));
  EXPECT_EQ(Value(r, "applications.withheld_law.natural"), 3);
  EXPECT_FALSE(HasDiagnostic(r, "label_by_position"));
}

// lanzhou-ggzyjy-2022.txt splits the group label （四）无法提供 over cells
// and prints 申请人逾期未按照收费通知… with an extra 照.
TEST(ReaderFormerBugs, SplitGroupLabelLanzhou2022) {
  Report r = Read(
      TableDocument({kT3}, {{"", "（四）\n无法提", "1.本机关不掌握相关政府信息",
                             "0", "0", "0", "0", "0", "0", "0"},
                            {"", "供", "2.没有现成信息需要另行制作", "4", "0",
                             "0", "0", "0", "0", "4"},
                            Row("2."
                                "申请人逾期未按照收费通知要求缴纳费用、行政机关"
                                "不再处理其政府信息公开申请",
                                "_ _ _ _ _ _ _")}));
  EXPECT_EQ(Value(r, "applications.unable_need_create.natural"), 4);
  EXPECT_EQ(Value(r, "applications.other_no_fee.total"), std::nullopt);
}

}  // namespace
}  // namespace gongkai
