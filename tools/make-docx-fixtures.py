#!/usr/bin/env python3
"""Regenerates Fixtures/docx: DOCX fixtures from three producers, with expected cells, and the
hostile packages under Fixtures/docx/bad.

- ogi-*: ogi's own template writer, prefilled from the seed goldens (`ogi template --from`).
- lo-*: LibreOffice (`soffice --headless --convert-to docx`) from the HTML fixtures, the two real
  portal pages (Fixtures/real, with their expected cells), a text
  seed, and from ogi's own template and the WPS-style one (LibreOffice rewrites the package, its
  numbering lists included, its own way).
- wps-style-*: ogi's template rewritten the way WPS writes: headings as automatic numbering
  lists (chineseCounting 一、 and （一）), explicit `w:vMerge w:val="continue"`, East Asian run
  hints, cells wrapped in content controls.
- bad/: a zip bomb (80 MB of XML in 80 KB), a package whose headers lie about the size, external
  relationships, a package without word/document.xml, a truncated package, a DOCTYPE with an
  external entity.

Each NAME.docx has NAME.expected.json, copied from the HTML fixture of the same seed. Run from the
repository root after `swift build`; LibreOffice fixtures are skipped when soffice is missing.
The zip timestamps are fixed, so a rerun gives the same bytes for ogi-* and wps-style-* and bad/;
LibreOffice gives some ids at random (content controls, bookmarks), so a few lo-* files may differ
in those ids between runs.
"""
import io, os, re, shutil, subprocess, sys, tempfile, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Fixtures", "docx")
BAD = os.path.join(OUT, "bad")
OGI = os.path.join(ROOT, ".build", "debug", "ogi")
STAMP = (1980, 1, 1, 0, 0, 0)


def write_zip(path, parts, compress=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = compress
            info.external_attr = 0o644 << 16
            z.writestr(info, data if isinstance(data, bytes) else data.encode("utf-8"))


def read_zip(path):
    with zipfile.ZipFile(path) as z:
        return [(n, z.read(n)) for n in z.namelist()]


def expected(name, source):
    shutil.copy(os.path.join(ROOT, "Fixtures", "html", source + ".expected.json"), os.path.join(OUT, name + ".expected.json"))


def ogi_template(golden, name):
    path = os.path.join(OUT, name + ".docx")
    subprocess.run([OGI, "template", "--from", os.path.join(ROOT, "Fixtures", "golden", golden), "-o", path], check=True)
    return path


NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData">\
<w:abstractNum w:abstractNumId="0"><w:nsid w:val="5F2A1B3C"/><w:multiLevelType w:val="multilevel"/>\
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>\
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>\
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
"""


def wps_style(src, name):
    """ogi's template as WPS writes it: numbering lists for headings and the other quirks."""
    parts = dict(read_zip(src))
    doc = parts["word/document.xml"].decode("utf-8")
    # 一、总体情况 → a level-0 list item "总体情况"; （一）主动公开 → a level-1 item.
    def heading(m, level, prefix_re):
        style, text = m.group(1), m.group(2)
        stripped = re.sub(prefix_re, "", text)
        return ('<w:p><w:pPr><w:pStyle w:val="%s"/><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (style, level, stripped))
    doc = re.sub(r'<w:p><w:pPr><w:pStyle w:val="(Heading1)"/></w:pPr><w:r><w:t xml:space="preserve">([^<]*)</w:t></w:r></w:p>',
                 lambda m: heading(m, 0, r"^[一二三四五六七八九十]+、"), doc)
    doc = re.sub(r'<w:p><w:pPr><w:pStyle w:val="(Heading2)"/></w:pPr><w:r><w:t xml:space="preserve">([^<]*)</w:t></w:r></w:p>',
                 lambda m: heading(m, 1, r"^（[一二三四五六七八九十]+）"), doc)
    doc = doc.replace("<w:vMerge/>", '<w:vMerge w:val="continue"/>')
    doc = doc.replace('<w:r><w:t xml:space="preserve">', '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr><w:t xml:space="preserve">')
    # Every third filled value cell wrapped in a content control, as WPS forms do.
    count = [0]
    def sdt(m):
        count[0] += 1
        return m.group(0) if count[0] % 3 else "<w:sdt><w:sdtPr><w:id w:val=\"%d\"/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>" % (count[0], m.group(0))
    doc = re.sub(r'<w:tc><w:tcPr><w:tcW w:w="\d+" w:type="dxa"/>(?:<w:gridSpan w:val="\d+"/>)?<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r>.*?</w:tc>', sdt, doc)
    doc = doc.replace("<w:document ", '<w:document xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" ')
    parts["word/document.xml"] = doc.encode("utf-8")
    parts["word/numbering.xml"] = NUMBERING.encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8").replace("</Relationships>",
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    ct = parts["[Content_Types].xml"].decode("utf-8").replace("</Types>",
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>')
    parts["[Content_Types].xml"] = ct.encode("utf-8")
    order = ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml", "word/_rels/document.xml.rels",
             "word/styles.xml", "word/settings.xml", "word/numbering.xml"]
    write_zip(os.path.join(OUT, name + ".docx"), [(n, parts[n]) for n in order])


def soffice(src, name, infilter=None):
    exe = shutil.which("soffice")
    if not exe:
        print("soffice not found: skipping", name)
        return False
    with tempfile.TemporaryDirectory() as tmp:
        ext = os.path.splitext(src)[1]
        os.makedirs(os.path.join(tmp, "in"))
        local = os.path.join(tmp, "in", name + ext)  # never the output's path (a .docx input)
        shutil.copy(src, local)
        cmd = [exe, "--headless", "-env:UserInstallation=file://" + os.path.join(tmp, "profile")]
        if infilter:
            cmd += ["--infilter=" + infilter]
        cmd += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, local]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        out = os.path.join(tmp, name + ".docx")
        # LibreOffice stamps the package with the time of conversion: rewrite it with fixed stamps
        # and without docProps/app.xml's and core.xml's dates (the content parts are kept as written).
        parts = []
        for n, d in read_zip(out):
            if n == "docProps/core.xml":
                d = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", d)
            parts.append((n, d))
        write_zip(os.path.join(OUT, name + ".docx"), parts)
    return True


def bad():
    os.makedirs(BAD, exist_ok=True)
    ct = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
    head = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>'
    tail = "</w:body></w:document>"
    # 80 MB of empty paragraphs: deflates to well under 100 KB.
    bomb = head + "<w:p/>" * (80 * 1024 * 1024 // 6) + tail
    write_zip(os.path.join(BAD, "zip-bomb.docx"), [("[Content_Types].xml", ct), ("word/document.xml", bomb)])
    # 4 MB of paragraphs whose headers say 1000 bytes (local and central sizes patched).
    buf = io.BytesIO()
    lie = head + "<w:p/>" * (4 * 1024 * 1024 // 6) + tail
    with zipfile.ZipFile(buf, "w") as z:
        for n, d in [("[Content_Types].xml", ct), ("word/document.xml", lie)]:
            info = zipfile.ZipInfo(n, STAMP); info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, d)
    data = bytearray(buf.getvalue())
    size = len(lie.encode()).to_bytes(4, "little")
    for sig, off in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)]:
        i = 0
        while (i := data.find(sig, i)) >= 0:
            if data[i + off:i + off + 4] == size:
                data[i + off:i + off + 4] = (1000).to_bytes(4, "little")
            i += 4
    open(os.path.join(BAD, "lying-size.docx"), "wb").write(bytes(data))
    # External relationships: a hyperlink to a loopback address, a linked image and an attached
    # template on the file system, a linked altChunk; none may be opened.
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://127.0.0.1:9/track" TargetMode="External"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///etc/passwd" TargetMode="External"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="file:///etc/shadow" TargetMode="External"/>'
            '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="http://127.0.0.1:9/chunk.html" TargetMode="External"/>'
            "</Relationships>")
    body = ('<w:p><w:r><w:t>虚构市示例局2024年政府信息公开工作年度报告</w:t></w:r></w:p>'
            '<w:p><w:hyperlink r:id="rId1"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink></w:p><w:altChunk r:id="rId4"/>')
    write_zip(os.path.join(BAD, "external-rels.docx"), [("[Content_Types].xml", ct), ("word/document.xml", head + body + tail),
                                                         ("word/_rels/document.xml.rels", rels)])
    write_zip(os.path.join(BAD, "no-document.docx"), [("[Content_Types].xml", ct), ("word/styles.xml", "<w:styles/>")])
    template = open(os.path.join(OUT, "ogi-prefilled-003.docx"), "rb").read()
    open(os.path.join(BAD, "truncated.docx"), "wb").write(template[: len(template) // 2])
    xxe = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    write_zip(os.path.join(BAD, "doctype.docx"), [("[Content_Types].xml", ct), ("word/document.xml", xxe)])


def main():
    os.makedirs(OUT, exist_ok=True)
    if not os.path.exists(OGI):
        sys.exit("build first: swift build")
    ogi_template("003_be85ec6c6b6a0b3c.xml", "ogi-prefilled-003"); expected("ogi-prefilled-003", "word-mso-003")
    ogi_template("002_a2c9da7275a0d61c.xml", "ogi-prefilled-002"); expected("ogi-prefilled-002", "word-mso-002")
    wps_style(os.path.join(OUT, "ogi-prefilled-003.docx"), "wps-style-003"); expected("wps-style-003", "word-mso-003")
    html = os.path.join(ROOT, "Fixtures", "html")
    for src in ["word-mso-003", "word-mso-002", "span-hazard", "blank-cells-001", "nested-layout-000", "th-headers-004"]:
        if soffice(os.path.join(html, src + ".html"), "lo-" + src, infilter="HTML (StarWriter)"):
            expected("lo-" + src, src)
    for real in ["r01-portal-clean", "r02-portal-page"]:
        if soffice(os.path.join(ROOT, "Fixtures", "real", real + ".html"), "lo-real-" + real, infilter="HTML (StarWriter)"):
            shutil.copy(os.path.join(ROOT, "Fixtures", "real", real + ".expected.json"), os.path.join(OUT, "lo-real-" + real + ".expected.json"))
    if soffice(os.path.join(ROOT, "Fixtures", "seeds", "003_be85ec6c6b6a0b3c.txt"), "lo-text-seed-003", infilter="Text (encoded):UTF8,LF,,,"):
        expected("lo-text-seed-003", "word-mso-003")
    if soffice(os.path.join(OUT, "ogi-prefilled-002.docx"), "lo-resaved-ogi-002"):
        expected("lo-resaved-ogi-002", "word-mso-002")
    # LibreOffice's own numbering lists for the headings (it rewrites numbering.xml its way).
    if soffice(os.path.join(OUT, "wps-style-003.docx"), "lo-resaved-wps-style-003"):
        expected("lo-resaved-wps-style-003", "word-mso-003")
    bad()


if __name__ == "__main__":
    main()
