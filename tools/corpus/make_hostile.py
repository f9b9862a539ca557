#!/usr/bin/env python3
"""Writes the hostile and broken inputs of corpus/hostile/ that are made by
program rather than by hand (see corpus/hostile/README.md). Large ones (a
200 MB file of random bytes, a DOCX of 100,000 members) are not committed:
tests/hostile_test.cc makes them at run time with --large into a temporary
directory.

Usage: make_hostile.py OUTDIR [--large]
"""
import io
import os
import random
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(path, document_xml, extra=None, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", document_xml)
        for name, data in (extra or []):
            z.writestr(name, data)


def body(inner):
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{inner}</w:body></w:document>'


def pdf(objects, trailer_extra=b"", prev_loop=False):
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    extra = b" /Prev %d" % xref if prev_loop else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, extra, trailer_extra, xref)
    return out


def main():
    out = sys.argv[1]
    large = "--large" in sys.argv
    os.makedirs(out, exist_ok=True)
    p = lambda name: os.path.join(out, name)
    if large:
        rng = random.Random(200)
        with open(p("random-200mb.bin"), "wb") as f:
            for _ in range(200):
                f.write(rng.randbytes(1 << 20))
        with zipfile.ZipFile(p("members-100000.docx"), "w", zipfile.ZIP_STORED) as z:
            z.writestr("word/document.xml", body("<w:p><w:r><w:t>x</w:t></w:r></w:p>"))
            for i in range(100000):
                z.writestr(f"m/{i}", b"")
        return
    secret = "/etc/hostname"
    with open(p("xxe.html"), "w") as f:
        f.write(f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                "<html><body><p>&xxe;</p><table><tr><td>&xxe;</td></tr></table></body></html>\n")
    docx(p("xxe.docx"), f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}">]>'
         f'<w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')
    lol = '<!ENTITY lol0 "lollollollollollollollollollol">'
    for i in range(1, 10):
        lol += f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">'
    docx(p("billion-laughs.docx"), f'<?xml version="1.0"?><!DOCTYPE d [{lol}]><w:document {W}>'
         "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    with open(p("billion-laughs.html"), "w") as f:
        f.write(f"<!DOCTYPE html [{lol}]><html><body><p>&lol9;</p></body></html>\n")
    # A zip bomb: 300 MB of one byte deflated to about 300 KB (ratio > 1000).
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as member:
            member.write(body("<w:p><w:r><w:t>").encode())
            chunk = b"a" * (1 << 20)
            for _ in range(300):
                member.write(chunk)
            member.write(b"</w:t></w:r></w:p>" + body("").encode()[-20:])
    open(p("zip-bomb.docx"), "wb").write(buf.getvalue())
    docx(p("zip-slip.docx"), body("<w:p><w:r><w:t>正文</w:t></w:r></w:p>"),
         extra=[("../../../../tmp/gongkai-zip-slip", "escaped"), ("/tmp/gongkai-abs", "escaped")])
    # A page tree whose Kids point back at itself, and an xref whose /Prev
    # points at itself.
    open(p("page-tree-loop.pdf"), "wb").write(pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]))
    open(p("xref-loop.pdf"), "wb").write(pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"], prev_loop=True))
    with open(p("nested-10000.html"), "w") as f:
        f.write("<html><body>" + "<table><tr><td>" * 10000 + "深" + "</td></tr></table>" * 10000 +
                "</body></html>\n")
    with open(p("invalid-utf8.txt"), "wb") as f:
        f.write("\t行政许可\n\t5\n".encode() + b"\xff\xfe\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x90\x28\xbc\n")
    # GBK bytes in a page that says it is UTF-8 (the real report's twin).
    handmade = os.path.join(os.path.dirname(out), "handmade", "lanzhou-ggzyjy-2022.html")
    page = open(handmade, encoding="utf-8").read()
    open(p("gbk-labelled-utf8.html"), "wb").write(page.encode("gb18030"))


if __name__ == "__main__":
    main()
