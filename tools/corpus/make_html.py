#!/usr/bin/env python3
"""Writes a 2021-format annual report as an HTML page with the official
table layout (FORMAT.md §3: caption rows, rowspan/colspan as in the gov.cn
originals), from a JSON file of figures.

Input: {"agency": "...", "year": 2022, "title": "...", "figures": {id: value}}
where a value is a number, null (printed blank) or a string (printed as is,
e.g. an NA marker "-"). Figures not given are printed blank.

Usage: make_html.py FIGURES.json [--charset gb2312] > report.html
The page is written in UTF-8; convert it (iconv -t GB18030) for a GBK twin.
"""
import argparse
import json
import sys

COLUMNS = ["natural", "business", "research", "nonprofit", "legal", "other", "total"]

# (label, row id or None for a group label, level, rowspan of a group)
T3_ROWS = [
    ("一、本年新收政府信息公开申请数量", "new"),
    ("二、上年结转政府信息公开申请数量", "carried_over"),
    ("（一）予以公开", "granted"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partly_granted"),
    ("1.属于国家秘密", "withheld_state_secret"),
    ("2.其他法律行政法规禁止公开", "withheld_law"),
    ("3.危及“三安全一稳定”", "withheld_safety"),
    ("4.保护第三方合法权益", "withheld_third_party"),
    ("5.属于三类内部事务信息", "withheld_internal"),
    ("6.属于四类过程性信息", "withheld_process"),
    ("7.属于行政执法案卷", "withheld_enforcement_file"),
    ("8.属于行政查询事项", "withheld_query"),
    ("1.本机关不掌握相关政府信息", "unable_not_held"),
    ("2.没有现成信息需要另行制作", "unable_need_create"),
    ("3.补正后申请内容仍不明确", "unable_unclear"),
    ("1.信访举报投诉类申请", "ignored_complaint"),
    ("2.重复申请", "ignored_repeat"),
    ("3.要求提供公开出版物", "ignored_publication"),
    ("4.无正当理由大量反复申请", "ignored_massive"),
    ("5.要求行政机关确认或重新出具已获取信息", "ignored_confirm"),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_no_correction"),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_no_fee"),
    ("3.其他", "other_other"),
    ("（七）总计", "total"),
    ("四、结转下年度继续办理", "carry_next"),
]
# Group labels printed in the second label column, with the rows they span.
T3_GROUPS = {"withheld_state_secret": ("（三）不予公开", 8),
             "unable_not_held": ("（四）无法提供", 3),
             "ignored_complaint": ("（五）不予处理", 5),
             "other_no_correction": ("（六）其他处理", 3)}
LEVEL2 = {"granted", "partly_granted", "total"}
APPEAL_GROUPS = ["review", "suit_direct", "suit_after_review"]
APPEAL_COLS = ["upheld", "corrected", "other", "pending", "total"]


def cell(figures, fid):
    v = figures.get(fid)
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, float) and not v.is_integer():
        return repr(v)
    return str(int(v))


STYLE = {"border": 1, "narrow": False, "labels": {}, "other_2019": False, "version": "2021"}


def label(text):
    """Returns the label as this report prints it (STYLE["labels"] variants)."""
    return STYLE["labels"].get(text, text)


def td(text, rowspan=1, colspan=1, width=None):
    attrs = ""
    if width:
        attrs += f' width="{width}"'

    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    return f"<td{attrs}>{text}</td>"


def table_open():
    return f'<table border="{STYLE["border"]}" cellspacing="0" width="100%">'


def value_td(text):
    return td(text, width="4%" if STYLE["narrow"] else None)


def table2(f):
    out = [table_open()]
    def caption(text):
        out.append("<tr>" + td(text, colspan=4) + "</tr>")
    caption("第二十条第（一）项")
    out.append("<tr>" + td("信息内容") + td("本年制发件数") + td("本年废止件数") + td("现行有效件数") + "</tr>")
    for label, row in (("规章", "rules"), ("行政规范性文件", "normative_docs")):
        out.append("<tr>" + td(label_of(label)) + "".join(td(cell(f, f"active.{row}.{c}")) for c in ("new", "repealed", "in_force")) + "</tr>")
    for item, header, rows in (("（五）", "本年处理决定数量", [("行政许可", "licensing", "decisions")]),
                               ("（六）", "本年处理决定数量", [("行政处罚", "punishment", "decisions"), ("行政强制", "enforcement", "decisions")]),
                               ("（八）", "本年收费金额（单位：万元）", [("行政事业性收费", "fees", "amount_wan_yuan")])):
        caption(f"第二十条第{item}项")
        out.append("<tr>" + td("信息内容") + td(header, colspan=3) + "</tr>")
        for label, row, col in rows:
            out.append("<tr>" + td(label_of(label)) + td(cell(f, f"active.{row}.{col}"), colspan=3) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def label_of(text):
    return label(text)


def table2_2019(f):
    """Table 2 of the 2019 trial format (FORMAT.md §4)."""
    out = [table_open()]
    def caption(text):
        out.append("<tr>" + td(text, colspan=4) + "</tr>")
    blocks = [
        ("（一）", ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
         [("规章", "rules"), ("规范性文件", "normative_docs")], ("made", "published", "total_public")),
        ("（五）", ("上一年项目数量", "本年增/减", "处理决定数量"),
         [("行政许可", "licensing"), ("其他对外管理服务事项", "other_services")], ("prev_items", "delta", "decisions")),
        ("（六）", ("上一年项目数量", "本年增/减", "处理决定数量"),
         [("行政处罚", "punishment"), ("行政强制", "enforcement")], ("prev_items", "delta", "decisions")),
        ("（八）", ("上一年项目数量", "本年增/减"), [("行政事业性收费", "fees")], ("prev_items", "delta")),
        ("（九）", ("采购项目数量", "采购总金额"), [("政府集中采购", "procurement")], ("items", "amount")),
    ]
    for item, headers, rows, cols in blocks:
        caption(f"第二十条第{item}项")
        last_span = 4 - len(headers)
        out.append("<tr>" + td("信息内容") + "".join(
            td(h, colspan=last_span if i == len(headers) - 1 else 1) for i, h in enumerate(headers)) + "</tr>")
        for label_text, row in rows:
            out.append("<tr>" + td(label_of(label_text)) + "".join(
                td(cell(f, f"active.{row}.{c}"), colspan=last_span if i == len(cols) - 1 else 1)
                for i, c in enumerate(cols)) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def table3(f):
    out = [table_open()]
    subtotal = STYLE.get("legal_subtotal", False)  # a 小计 column (a deviation)
    legal = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] + (["小计"] if subtotal else [])
    columns = COLUMNS[:-1] + (["legal_subtotal"] if subtotal else []) + ["total"]
    out.append("<tr>" + td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3, colspan=3) + td("申请人情况", colspan=len(columns)) + "</tr>")
    out.append("<tr>" + td(label("自然人"), rowspan=2) + td("法人或其他组织", colspan=len(legal)) + td("总计", rowspan=2) + "</tr>")
    out.append("<tr>" + "".join(td(label(x)) for x in legal) + "</tr>")
    rows = list(T3_ROWS)
    if STYLE["other_2019"]:
        rows = [r for r in rows if not r[1].startswith("other_")]
        rows.insert(rows.index(("（七）总计", "total")), ("（六）其他处理", "other"))
    level2 = LEVEL2 | ({"other"} if STYLE["other_2019"] else set())
    for text, row in rows:
        cells = ""
        if row in ("new", "carried_over", "carry_next"):
            cells += td(label(text), colspan=3)
        else:
            if row == "granted":
                cells += td(label("三、本年度办理结果"), rowspan=len(rows) - 3)
            if row in level2:
                cells += td(label(text), colspan=2)
            else:
                if row in T3_GROUPS:
                    g, span = T3_GROUPS[row]
                    cells += td(label(g), rowspan=span)
                cells += td(label(text))
        cells += "".join(value_td(cell(f, f"applications.{row}.{c}")) for c in columns)
        out.append("<tr>" + cells + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def table4(f):
    out = [table_open()]
    out.append("<tr>" + td("行政复议", colspan=5) + td("行政诉讼", colspan=10) + "</tr>")
    out.append("<tr>" + "".join(td(x, rowspan=2) for x in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))
               + td("未经复议直接起诉", colspan=5) + td("复议后起诉", colspan=5) + "</tr>")
    out.append("<tr>" + "".join(td(x) for x in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 2) + "</tr>")
    out.append("<tr>" + "".join(value_td(cell(f, f"appeals.{g}.{c}")) for g in APPEAL_GROUPS for c in APPEAL_COLS) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def page(spec, charset="utf-8"):
    """Returns the HTML page of a report spec (see the module doc)."""
    f = spec["figures"]
    title = spec.get("title", f"{spec.get('agency', '')}{spec.get('year', '')}年政府信息公开工作年度报告")
    parts = [f'<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">',
             f"<title>{title}</title></head><body>", f"<h1>{title}</h1>"]
    parts += [f"<p>{p}</p>" for p in spec.get("intro", [])]
    t2 = table2_2019(f) if STYLE.get("version") == "2019" else table2(f)
    parts += ["<p>一、总体情况</p>", "<p>二、主动公开政府信息情况</p>", t2,
              "<p>三、收到和处理政府信息公开申请情况</p>", table3(f),
              "<p>四、政府信息公开行政复议、行政诉讼情况</p>", table4(f),
              "<p>五、存在的主要问题及改进情况</p>", "<p>六、其他需要报告的事项</p>"]
    parts += [f"<p>{p}</p>" for p in spec.get("closing", [])]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("figures")
    ap.add_argument("--charset", default="utf-8")
    args = ap.parse_args()
    spec = json.load(open(args.figures, encoding="utf-8"))
    sys.stdout.write(page(spec, args.charset))


if __name__ == "__main__":
    main()
