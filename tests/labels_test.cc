// Label keys and match scores, with the label variants of FORMAT.md §8.
#include "src/normalize/labels.h"

#include <gtest/gtest.h>

#include "src/normalize/normalize.h"
#include "tests/test_util.h"

namespace gongkai {
namespace {

int Score(std::string_view cell, std::string_view label) {
  return MatchScore(cell, label, testing::TestLexicon());
}

std::string Key(const char* raw) {
  return LabelKey(NormalizeText(raw), testing::TestLexicon());
}

TEST(LabelKey, EnumeratorTypedAsADash) {
  EXPECT_EQ(Key("（―）予以公开"), "予以公开");
  EXPECT_EQ(Key("(—)予以公开"), "予以公开");
  EXPECT_EQ(Key("(ー)予以公开"), "予以公开");
  EXPECT_EQ(Key("(x)予以公开"), "x予以公开");  // not a dash: kept
}

TEST(LabelKey, StripsEnumeratorsAnnotationsAndPunctuation) {
  EXPECT_EQ(Key("一、本年新收政府信息公开申请数量"),
            "本年新收政府信息公开申请数量");
  EXPECT_EQ(Key("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            "部分公开");
  EXPECT_EQ(Key("1.属于国家秘密"), "属于国家秘密");
  EXPECT_EQ(Key("1、属于国家秘密"), "属于国家秘密");
  EXPECT_EQ(Key("3.危及“三安全一稳定”"), "危及三安全一稳定");
  EXPECT_EQ(Key("（―）予以公开"), "予以公开");
  EXPECT_EQ(Key("第二十条第（一）项"), "第二十条第一项");
  EXPECT_EQ(Key("规章(设区的市、自治州人民政府应提供相关数据)"), "规章");
  EXPECT_EQ(Key("1.5"), "15");  // a number is not an enumerator
}

TEST(MatchScore, OrdersKindsOfMatch) {
  const std::string label = Key("2.其他法律行政法规禁止公开");
  const int exact = Score(Key("其他法律行政法规禁止公开"), label);
  const int fused =
      Score(Key("（三）不予公开 1.其他法律行政法规禁止公开"), label);
  const int dropped = Score(Key("其他法律行政止公开"), label);  // hongze-2024
  EXPECT_GT(exact, fused);
  EXPECT_GT(fused, dropped);
  EXPECT_GT(dropped, 0);
  EXPECT_GT(Score(Key("政许可"), Key("行政许可")), 0);
  EXPECT_GT(Score(Key("申请人逾期未按照收费通知要求缴纳费用、行政机关不再"
                      "处理其政府信息公开申请"),
                  Key("申请人逾期未按收费通知要求缴纳费用、行政机关不再处"
                      "理其政府信息公开申请")),
            0);
  EXPECT_GT(Score(Key("（四）无法提"), Key("无法提供")), 0);
}

TEST(MatchScore, RejectsUnrelatedLabels) {
  EXPECT_EQ(Score(Key("其他"), Key("其他处理")), 0);
  EXPECT_EQ(Score(Key("商业企业"), Key("重复申请")), 0);
  EXPECT_EQ(Score(Key("行政许可"), Key("行政处罚")), 0);
  EXPECT_EQ(Score(Key("总计"), Key("本年新收政府信息公开申请数量")), 0);
}

TEST(EditDistance, CountsCodePoints) {
  EXPECT_EQ(EditDistance("予以公开", "予以公开"), 0);
  EXPECT_EQ(EditDistance("予以公开", "予公开"), 1);
  EXPECT_EQ(EditDistance("", "予以"), 2);
}

}  // namespace
}  // namespace gongkai
