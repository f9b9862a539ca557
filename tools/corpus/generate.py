#!/usr/bin/env python3
"""Generates the synthetic corpus: reports of the 2021 format with figures
known by construction, written as HTML (make_html.py) and converted by
LibreOffice (headless) to DOCX and PDF, in several layouts:

  - with and without table borders;
  - narrow numeric columns that wrap large numbers in the PDF (bordered
    tables only);
  - long introductions, so that table 3 breaks across pages at various rows;
  - the label variants of FORMAT.md §8 (spaces inside labels, half-width
    brackets, an enumerator typed as a dash, dropped characters, traditional
    characters) and the 2019-style single （六）其他处理 row;
  - zeros printed as blank cells (in bordered tables), NA markers in table 2;
  - deliberate arithmetic errors, whose failing identities are computed here
    from FORMAT.md §5.1 and written into the expected file;
  - a 法人或其他组织 小计 column added to table 3 (a deviation, FORMAT.md
    §5.1), in the synthetic-subtotal-* reports.

Each report NAME gets NAME.html, NAME.docx, NAME.pdf and NAME.expected.json
({"source", "also", "version", "figures", "error_findings"}).

Usage: generate.py OUTDIR [--count 36] [--seed 2021]
Needs: python3, and libreoffice-writer-nogui with fonts-noto-cjk for the
DOCX and PDF forms (tests never need them: the output is committed).
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_html  # noqa: E402

LEGAL_PERSONS = ["business", "research", "nonprofit", "legal", "other"]
COMPONENTS = ["natural"] + LEGAL_PERSONS
COLUMNS = COMPONENTS + ["total"]
OUTCOMES_2021 = ["granted", "partly_granted", "withheld_state_secret", "withheld_law",
                 "withheld_safety", "withheld_third_party", "withheld_internal",
                 "withheld_process", "withheld_enforcement_file", "withheld_query",
                 "unable_not_held", "unable_need_create", "unable_unclear",
                 "ignored_complaint", "ignored_repeat", "ignored_publication",
                 "ignored_massive", "ignored_confirm", "other_no_correction",
                 "other_no_fee", "other_other"]
VARIANTS = {
    "spaced": {"自然人": "自然 人", "社会公益组织": "社会公益 组织", "商业企业": "商业 企业",
               "（一）予以公开": "（一） 予以 公开", "三、本年度办理结果": "三、本年度办 理结果"},
    "halfwidth": {"（一）予以公开": "(一)予以公开", "（七）总计": "(七)总计",
                  "（三）不予公开": "(三)不予公开", "3.危及“三安全一稳定”": "3.危及\"三安全一稳定\""},
    "dash": {"（一）予以公开": "（―）予以公开"},
    "dropped": {"2.其他法律行政法规禁止公开": "2.其他法律行政止公开", "行政许可": "政许可",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请":
                "2.申请人逾期未按照收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
    "traditional": {"行政规范性文件": "行政規範性文件", "行政处罚": "行政處罰",
                    "（七）总计": "（七）總計", "四、结转下年度继续办理": "四、結轉下年度繼續辦理"},
}
AGENCIES = ["示例市交通运输局", "示例县人民政府", "示例区市场监督管理局", "示例市生态环境局",
            "示例镇人民政府", "示例省教育厅"]


def random_split(rng, total, parts, weights=None):
    """Splits `total` into `parts` non-negative integers."""
    weights = weights or [rng.random() ** 3 for _ in range(parts)]
    s = sum(weights) or 1
    out = [int(total * w / s) for w in weights]
    out[0] += total - sum(out)
    return out


def make_figures(rng, scale, other_2019):
    outcomes = [r for r in OUTCOMES_2021 if not r.startswith("other_")] + (
        ["other"] if other_2019 else ["other_no_correction", "other_no_fee", "other_other"])
    t3 = {}
    handled = [rng.randint(0, scale) if i == 0 else rng.randint(0, max(1, scale // 8)) for i in range(6)]
    for i, c in enumerate(COMPONENTS):
        for r, v in zip(outcomes, random_split(rng, handled[i], len(outcomes))):
            t3.setdefault(r, {})[c] = v
    t3["total"] = {c: handled[i] for i, c in enumerate(COMPONENTS)}
    t3["carry_next"] = {c: rng.randint(0, max(1, handled[i] // 10)) for i, c in enumerate(COMPONENTS)}
    t3["carried_over"] = {c: rng.randint(0, max(1, handled[i] // 10)) for i, c in enumerate(COMPONENTS)}
    t3["new"] = {c: handled[i] + t3["carry_next"][c] - t3["carried_over"][c] for i, c in enumerate(COMPONENTS)}
    for c in COMPONENTS:  # keep new >= 0
        if t3["new"][c] < 0:
            t3["carried_over"][c] += t3["new"][c]
            t3["new"][c] = 0
    f = {}
    for r in ["new", "carried_over"] + outcomes + ["total", "carry_next"]:
        for c in COMPONENTS:
            f[f"applications.{r}.{c}"] = t3[r][c]
        f[f"applications.{r}.total"] = sum(t3[r][c] for c in COMPONENTS)
    f.update({"active.rules.new": rng.randint(0, 3), "active.rules.repealed": rng.randint(0, 2),
              "active.rules.in_force": rng.randint(0, 40),
              "active.normative_docs.new": rng.randint(0, 20), "active.normative_docs.repealed": rng.randint(0, 10),
              "active.normative_docs.in_force": rng.randint(0, 200),
              "active.licensing.decisions": rng.randint(0, scale * 300),
              "active.punishment.decisions": rng.randint(0, scale * 100),
              "active.enforcement.decisions": rng.randint(0, scale * 10),
              "active.fees.amount_wan_yuan": round(rng.random() * 9000, rng.choice([0, 1, 2, 4]))})
    for g in ("review", "suit_direct", "suit_after_review"):
        vals = [rng.randint(0, 5) for _ in range(4)]
        for c, v in zip(("upheld", "corrected", "other", "pending"), vals):
            f[f"appeals.{g}.{c}"] = v
        f[f"appeals.{g}.total"] = sum(vals)
    return f, outcomes


def failing_checks(f, rows, outcomes, subtotal=False):
    """Returns the ids of the hard identities H1-H6 (FORMAT.md §5.1) that
    fail, with blanks counted as 0 and a blank single total never an error;
    with `subtotal`, also H1s (小计 = the five legal-person columns) and H2,
    H3 over the 小计 column."""
    def v(k):
        x = f.get(k)
        return x if isinstance(x, (int, float)) else 0

    def check(cid, lhs, rhs):
        if len(lhs) == 1 and not isinstance(f.get(lhs[0]), (int, float)):
            return []
        return [cid] if abs(sum(v(k) for k in lhs) - sum(v(k) for k in rhs)) > 1e-9 else []

    out = []
    for r in rows:
        out += check(f"H1.{r}", [f"applications.{r}.total"], [f"applications.{r}.{c}" for c in COMPONENTS])
    columns = COLUMNS
    if subtotal:
        columns = COMPONENTS + ["legal_subtotal", "total"]
        for r in rows:
            out += check(f"H1s.{r}", [f"applications.{r}.legal_subtotal"],
                         [f"applications.{r}.{c}" for c in LEGAL_PERSONS])
    for c in columns:
        out += check(f"H2.{c}", [f"applications.total.{c}"], [f"applications.{r}.{c}" for r in outcomes])
    for c in columns:
        out += check(f"H3.{c}", [f"applications.total.{c}", f"applications.carry_next.{c}"],
                     [f"applications.new.{c}", f"applications.carried_over.{c}"])
    for cid, g in (("H4", "review"), ("H5", "suit_direct"), ("H6", "suit_after_review")):
        out += check(cid, [f"appeals.{g}.total"], [f"appeals.{g}.{c}" for c in ("upheld", "corrected", "other", "pending")])
    return sorted(out)


def make_report(rng, i):
    # Narrow columns only with borders: a number wrapped inside a cell without
    # borders cannot be told from two numbers (a known limit).
    style = {"border": 0 if i % 4 == 3 else 1, "narrow": i % 5 == 2 and i % 4 != 3,
             "other_2019": i % 6 == 4, "labels": {}}
    variant = list(VARIANTS)[i % len(VARIANTS)] if i % 3 != 0 else None
    if variant:
        style["labels"] = VARIANTS[variant]
    scale = rng.choice([20000, 60000]) if style["narrow"] else rng.choice([3, 20, 150, 900])
    f, outcomes = make_figures(rng, scale, style["other_2019"])
    rows = ["new", "carried_over"] + outcomes + ["total", "carry_next"]
    printed = dict(f)
    notes = [f"layout: border={style['border']}, narrow={style['narrow']}, "
             f"other_2019={style['other_2019']}, labels={variant or 'official'}"]
    # Zeros printed blank, in tables with borders only: in a PDF table without
    # borders a column that is blank in every row leaves no trace, and
    # gongkai cannot place the numbers beside it (a known limit).
    if i % 7 == 5 and style["border"]:
        for k, x in f.items():
            if k.startswith("applications.") and x == 0 and not k.endswith(".total"):
                printed[k] = None
        notes.append("zero components of table 3 printed blank")
    if i % 8 == 6:
        printed["active.enforcement.decisions"] = "-"
        printed["active.licensing.decisions"] = None
        notes.append("table 2: NA marker and a blank cell")
    if i % 3 == 1:  # deliberate errors
        keys = [k for k in f if k.startswith(("applications.", "appeals."))]
        for k in rng.sample(keys, rng.choice([1, 1, 2])):
            if isinstance(printed[k], (int, float)):
                printed[k] = printed[k] + rng.choice([1, 2, 10])
        notes.append("deliberate arithmetic errors")
    expected = {k: (None if isinstance(x, str) else x) for k, x in printed.items()}
    errors = failing_checks(expected, rows, outcomes)
    intro = ["本报告根据《中华人民共和国政府信息公开条例》编制。" * rng.randint(1, 40)]
    spec = {"agency": AGENCIES[i % len(AGENCIES)], "year": 2021 + i % 4, "figures": printed,
            "intro": intro, "closing": [AGENCIES[i % len(AGENCIES)], f"{2022 + i % 4}年1月20日"]}
    return spec, style, expected, errors, notes


def make_report_2019(rng, i):
    """A report of the 2019 trial format: table 2's 2019 layout with signed
    deltas and amounts with units, （六） as one row."""
    style = {"border": 0 if i % 3 == 2 else 1, "narrow": False, "other_2019": True,
             "labels": {}, "version": "2019"}
    f, outcomes = make_figures(rng, rng.choice([5, 40, 300]), True)
    for k in [k for k in f if k.startswith("active.")]:
        del f[k]
    printed = dict(f)
    for row in ("rules", "normative_docs"):
        made = rng.randint(0, 12)
        printed[f"active.{row}.made"] = made
        printed[f"active.{row}.published"] = rng.randint(0, made)
        printed[f"active.{row}.total_public"] = rng.randint(made, made + 80)
    delta_styles = [lambda d: f"{d:+d}" if d else "0", lambda d: (f"减{-d}" if d < 0 else str(d)),
                    lambda d: str(d)]
    shown = {}
    for row in ("licensing", "other_services", "punishment", "enforcement", "fees"):
        printed[f"active.{row}.prev_items"] = rng.randint(0, 400)
        d = rng.randint(-20, 30)
        printed[f"active.{row}.delta"] = delta_styles[(i + len(row)) % 3](d)
        shown[f"active.{row}.delta"] = d
        if row != "fees":
            printed[f"active.{row}.decisions"] = rng.randint(0, 5000)
    printed["active.procurement.items"] = rng.randint(0, 60)
    amount = rng.choice([251000, 75394432.52, 52.15])
    printed["active.procurement.amount"] = f"{amount}元" if i % 2 == 0 else str(amount)
    shown["active.procurement.amount"] = amount
    notes = [f"2019 format; border={style['border']}; deltas signed (+N, 减N, -N); amount "
             + ("with unit 元" if i % 2 == 0 else "without unit")]
    if i % 3 == 1:  # zeros printed blank, as Shanghai 2019 did
        for k, x in f.items():
            if k.startswith("applications.") and x == 0 and not k.endswith(".total"):
                printed[k] = None
        notes.append("zero components of table 3 printed blank")
    if i % 2 == 1:
        key = rng.choice([k for k in f if k.startswith("applications.")])
        printed[key] = (printed[key] or 0) + 3
        notes.append("a deliberate arithmetic error")
    expected = {}
    for k, x in printed.items():
        expected[k] = shown.get(k, None if isinstance(x, str) else x)
    rows = ["new", "carried_over"] + outcomes + ["total", "carry_next"]
    errors = failing_checks(expected, rows, outcomes)
    spec = {"agency": AGENCIES[i % len(AGENCIES)], "year": 2019 + i % 2, "figures": printed,
            "intro": ["本报告根据《中华人民共和国政府信息公开条例》编制。" * rng.randint(1, 20)]}
    return spec, style, expected, errors, notes


def make_report_subtotal(rng, i):
    """A 2021 report whose table 3 adds a 小计 column after the five
    legal-person columns; report 1 prints one 小计 wrong, report 2 has no
    borders (in its PDF, label text runs up to 0.3 em from the first
    number)."""
    style = {"border": 0 if i == 2 else 1, "narrow": False, "other_2019": False,
             "labels": {}, "legal_subtotal": True}
    f, outcomes = make_figures(rng, rng.choice([20, 150]), False)
    rows = ["new", "carried_over"] + outcomes + ["total", "carry_next"]
    for r in rows:
        f[f"applications.{r}.legal_subtotal"] = sum(f[f"applications.{r}.{c}"] for c in LEGAL_PERSONS)
    printed = dict(f)
    notes = [f"table 3 with a 法人或其他组织 小计 column; border={style['border']}"]
    if i == 1:
        printed["applications.granted.legal_subtotal"] += 1
        notes.append("one 小计 printed 1 too high")
    if i == 2:  # NA markers in a table without borders
        printed["active.enforcement.decisions"] = "-"
        printed["active.normative_docs.repealed"] = "/"
        notes.append("NA markers '-' and '/' in table 2")
    printed_expected = {k: (None if isinstance(x, str) else x) for k, x in printed.items()}
    errors = failing_checks(printed_expected, rows, outcomes, subtotal=True)
    spec = {"agency": AGENCIES[i % len(AGENCIES)], "year": 2023, "figures": printed,
            "intro": ["本报告根据《中华人民共和国政府信息公开条例》编制。" * rng.randint(1, 10)],
            "closing": [AGENCIES[i % len(AGENCIES)], "2024年1月20日"]}
    return spec, style, printed_expected, errors, notes


def write_report(outdir, name, made, version, also=("docx", "pdf"), extra=None):
    """Writes NAME.html and NAME.expected.json of one report, made by a
    make_report* function; returns the name."""
    spec, style, expected, errors, notes = made
    make_html.STYLE = style
    with open(os.path.join(outdir, name + ".html"), "w", encoding="utf-8") as out:
        out.write(make_html.page(spec))
    exp = {"source": name + ".html", "also": [f"{name}.{ext}" for ext in also], "version": version,
           "note": "generated by tools/corpus/generate.py; " + "; ".join(notes),
           "figures": expected, "error_findings": errors}
    exp.update(extra or {})
    with open(os.path.join(outdir, name + ".expected.json"), "w", encoding="utf-8") as out:
        json.dump(exp, out, ensure_ascii=False, indent=1)
    return name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=36)
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--count-2019", type=int, default=6)
    ap.add_argument("--count-subtotal", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.outdir, exist_ok=True)
    names = []
    for i in range(args.count):
        made = make_report(rng, i)
        mixed = made[1]["other_2019"]
        names.append(write_report(args.outdir, f"synthetic-{i:03d}", made, "mixed" if mixed else "2021",
                                  extra={"report": {"tables": {"applications": "2019"}}} if mixed else None))
    for i in range(args.count_2019):
        names.append(write_report(args.outdir, f"synthetic-2019-{i:03d}", make_report_2019(rng, i), "2019"))
    for i in range(args.count_subtotal):
        names.append(write_report(args.outdir, f"synthetic-subtotal-{i:03d}",
                                  make_report_subtotal(rng, i), "2021"))
    profile = tempfile.mkdtemp()
    html = [os.path.join(args.outdir, n + ".html") for n in names]
    for target in ("pdf", 'docx:MS Word 2007 XML'):
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
                        "--infilter=HTML (StarWriter)", "--convert-to", target, "--outdir", args.outdir]
                       + html, check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
