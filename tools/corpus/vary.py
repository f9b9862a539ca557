#!/usr/bin/env python3
"""The variation generator: real-world deviations (FORMAT.md section 8 and
issue #11) applied at random, with a seed, to clean HTML reports that have
an expected file, written with the expected figures of each variant.

Classes (each a function below; several may apply to one variant):
  heading_typo     a character of table 3's or 4's heading wrong or missing
  heading_gone     table 3's or 4's heading removed
  label_typo       one character wrong in a table label of 8 characters or more
  zeros_blank      every 0 in the tables printed blank (the figures become null)
  zeros_na         every 0 in the tables printed as an NA marker (null too)
  units            counts printed with a unit (3 -> 3件)
  fullwidth        digits printed full-width (12 -> １２)
  spaced_labels    spaces inside short labels (自然人 -> 自 然 人)
  traditional      some characters of the labels in traditional form
  page_markers     a page number (— 3 —) between the tables
  split_table      table 3 split into two tables at a row, a page marker between
  fragment         the page saved as its body only (no <html>, <head>, <body>)
  markdown         the report as a converter's Markdown (pipe tables)
  text_dump        the report as text copied from the page, one cell per line
The last three change the form of the whole file; the others its content.

Usage: tools/corpus/vary.py --out DIR [--seeds N] [--first-seed S] REPORT.html...
Each REPORT.html needs REPORT.expected.json beside it. Writes
DIR/vNNNN-<name>.<ext> and DIR/vNNNN-<name>.expected.json (figures, and
the classes applied under "variant").
"""
import argparse
import html.parser
import json
import os
import random
import re

T3 = "收到和处理政府信息公开申请情况"
T4 = "政府信息公开行政复议、行政诉讼情况"
TABLE_PREFIXES = ("active.", "applications.", "appeals.")
TRADITIONAL = {"处": "處", "开": "開", "请": "請", "数": "數", "复": "復",
               "议": "議", "讼": "訟", "结": "結", "转": "轉", "审": "審"}

TOKEN = re.compile(r"(<[^>]*>)", re.S)


def tokens(page):
    return TOKEN.split(page)


def in_tables(parts):
    """Yields (index, text) of the text nodes inside <table> elements."""
    depth = 0
    for i, p in enumerate(parts):
        if p.startswith("<"):
            low = p.lower()
            if low.startswith("<table"):
                depth += 1
            elif low.startswith("</table"):
                depth = max(0, depth - 1)
        elif depth > 0:
            yield i, p


def cjk(s):
    return [c for c in s if "\u4e00" <= c <= "\u9fff"]


def heading_typo(page, figures, rng):
    anchor = rng.choice([T3, T4])
    if anchor not in page:
        return page
    k = rng.randrange(2, len(anchor) - 2)
    wrong = anchor[:k] + ("" if rng.random() < 0.5 else "的") + anchor[k + 1:]
    return page.replace(anchor, wrong, 1)


def heading_gone(page, figures, rng):
    anchor = rng.choice([T3, T4])
    return re.sub(r"[一二三四五六七八九十]、" + re.escape(anchor), "", page, count=1)


def label_typo(page, figures, rng):
    parts = tokens(page)
    labels = [(i, t) for i, t in in_tables(parts) if len(cjk(t)) >= 8]
    if not labels:
        return page
    i, t = rng.choice(labels)
    positions = [k for k, c in enumerate(t) if "\u4e00" <= c <= "\u9fff"]
    k = positions[len(positions) // 2]
    parts[i] = t[:k] + ("的" if t[k] != "的" else "之") + t[k + 1:]
    return "".join(parts)


def zeros(marker):
    def apply(page, figures, rng):
        parts = tokens(page)
        for i, t in in_tables(parts):
            if re.fullmatch(r"\s*[0０](件)?\s*", t):  # after fullwidth, units
                parts[i] = marker
        for k, v in figures.items():
            if k.startswith(TABLE_PREFIXES) and v == 0:
                figures[k] = None
        return "".join(parts)
    return apply


def units(page, figures, rng):
    parts = tokens(page)
    for i, t in in_tables(parts):
        if re.fullmatch(r"\s*\d+\s*", t):
            parts[i] = t.strip() + "件"
    return "".join(parts)


def fullwidth(page, figures, rng):
    parts = tokens(page)
    for i, t in in_tables(parts):
        if re.fullmatch(r"\s*[\d.]+\s*", t):
            parts[i] = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c
                               for c in t)
    return "".join(parts)


def spaced_labels(page, figures, rng):
    parts = tokens(page)
    for i, t in in_tables(parts):
        s = t.strip()
        if 3 <= len(s) <= 6 and len(cjk(s)) == len(s):
            parts[i] = " ".join(s)
    return "".join(parts)


def traditional(page, figures, rng):
    parts = tokens(page)
    for i, t in in_tables(parts):
        if cjk(t):
            parts[i] = "".join(TRADITIONAL.get(c, c) for c in t)
    return "".join(parts)


def page_markers(page, figures, rng):
    n = [1]

    def marker(m):
        n[0] += 1
        return m.group(0) + "<p>— %d —</p>" % n[0]
    return re.sub(r"</table>", marker, page, flags=re.I)


def split_table(page, figures, rng):
    m = re.search(r"三、\s*" + T3, page)  # the heading, not the summary
    at = m.start() if m else -1
    if at < 0:
        return page
    rows = [m.end() for m in re.finditer(r"</tr>", page[at:], re.I)]
    if len(rows) < 12:
        return page
    cut = at + rows[rng.randrange(8, min(20, len(rows) - 2))]
    return page[:cut] + "</table><p>— 3 —</p><table border=\"1\">" + page[cut:]


def body_only(page):
    low = page.lower()
    b, e = low.find("<body"), low.rfind("</body>")
    if b < 0 or e < 0:
        return page
    return page[low.find(">", b) + 1:e]


class Grid(html.parser.HTMLParser):
    """The page as blocks: paragraphs, and tables as grids of cell texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.stack, self.cell, self.text = [], [], None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.flush()
            self.stack.append([])
        elif tag == "tr" and self.stack:
            self.stack[-1].append([])
        elif tag in ("td", "th") and self.stack and self.stack[-1]:
            self.cell = ["", int(a.get("rowspan") or 1), int(a.get("colspan") or 1)]
        elif tag in ("p", "div", "br", "h1", "h2", "h3", "li"):
            if self.cell is not None:
                self.cell[0] += "\n"
            else:
                self.flush()

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.stack:
            self.stack[-1][-1].append(self.cell)
            self.cell = None
        elif tag == "table" and self.stack:
            rows = self.stack.pop()
            if not self.stack:
                self.blocks.append(("table", rows))
        elif tag in ("p", "div", "h1", "h2", "h3", "li") and self.cell is None:
            self.flush()

    def handle_data(self, d):
        if self.cell is not None:
            self.cell[0] += d
        elif not self.stack:
            self.text.append(d)

    def flush(self):
        t = re.sub(r"\s+", " ", "".join(self.text)).strip()
        if t:
            self.blocks.append(("p", t))
        self.text = []


def grid_of(rows):
    grid, taken = {}, set()
    for r, row in enumerate(rows):
        c = 0
        for text, rs, cs in row:
            while (r, c) in taken:
                c += 1
            for dr in range(rs):
                for dc in range(cs):
                    taken.add((r + dr, c + dc))
            grid[(r, c)] = re.sub(r"[ \t]*\n[ \t\n]*", "\n", text.strip())
            c += cs
    if not taken:
        return []
    n_rows = max(r for r, _ in taken) + 1
    n_cols = max(c for _, c in taken) + 1
    return [[grid.get((r, c), "") for c in range(n_cols)] for r in range(n_rows)]


def blocks_of(page):
    g = Grid()
    g.feed(page)
    g.flush()
    return g.blocks


def as_markdown(page):
    out = []
    for kind, b in blocks_of(page):
        if kind == "p":
            out.append(("## " if len(b) <= 20 else "") + b + "\n")
            continue
        rows = grid_of(b)
        for r, row in enumerate(rows):
            out.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", "<br>")
                                         for c in row) + " |")
            if r == 0:
                out.append("|" + "---|" * len(row))
        out.append("")
    return "\n".join(out) + "\n"


def as_text_dump(page):
    """Text copied from the page: paragraphs as lines, each table cell on a
    line of its own after a tab, a blank line after each row."""
    out = []
    for kind, b in blocks_of(page):
        if kind == "p":
            out.append(b)
            continue
        for row in grid_of(b):
            cells = [c for c in row]
            for c in cells:
                out.append("\t" + c.replace("\n", ""))
            out.append("")
    return "\n".join(out) + "\n"


CONTENT = {
    "heading_typo": heading_typo, "heading_gone": heading_gone,
    "label_typo": label_typo, "zeros_blank": zeros(""), "zeros_na": zeros("-"),
    "units": units, "fullwidth": fullwidth, "spaced_labels": spaced_labels,
    "traditional": traditional, "page_markers": page_markers,
    "split_table": split_table,
}
FORMS = ["html", "fragment", "markdown", "text_dump"]


def variant(page, expected, rng):
    """Returns (bytes, extension, expected, classes) of one variant."""
    figures = dict(expected["figures"])
    names = rng.sample(sorted(CONTENT), rng.randint(1, 3))
    if "zeros_blank" in names and "zeros_na" in names:
        names.remove("zeros_na")
    for name in names:
        page = CONTENT[name](page, figures, rng)
    form = rng.choice(FORMS)
    if form == "fragment":
        page = body_only(page)
    elif form == "markdown":
        page = as_markdown(page)
    elif form == "text_dump":
        page = as_text_dump(page)
    ext = {"html": "html", "fragment": "html", "markdown": "md",
           "text_dump": "txt"}[form]
    return page, ext, figures, names + [form]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seeds", type=int, default=40)
    ap.add_argument("--first-seed", type=int, default=1)
    ap.add_argument("reports", nargs="+")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    sources = []
    for path in args.reports:
        with open(path, encoding="utf-8") as f:
            page = f.read()
        with open(path[: -len(".html")] + ".expected.json", encoding="utf-8") as f:
            sources.append((os.path.basename(path)[:-5], page, json.load(f)))
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        rng = random.Random(seed)
        name, page, expected = rng.choice(sources)
        data, ext, figures, classes = variant(page, expected, rng)
        stem = os.path.join(args.out, "v%04d-%s" % (seed, name))
        with open(stem + "." + ext, "w", encoding="utf-8") as f:
            f.write(data)
        out = {"source": os.path.basename(stem) + "." + ext, "seed": seed,
               "variant": classes, "figures": figures}
        with open(stem + ".expected.json", "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
