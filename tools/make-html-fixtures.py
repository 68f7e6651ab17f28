#!/usr/bin/env python3
"""make-html-fixtures.py: HTML test fixtures for the HTML reader, in the shapes government portals publish.

    python3 tools/make-html-fixtures.py            # (re)writes Fixtures/html/ from Fixtures/golden/
    python3 tools/make-html-fixtures.py --check    # writes nothing; fails if Fixtures/html/ differs

Python 3 standard library only; deterministic (same bytes on every run). Inputs: the canonical XML of the five
seed submissions, Fixtures/golden/*.xml (metadata, narrative, every table cell). For each fixture NAME it writes
Fixtures/html/NAME.html and Fixtures/html/NAME.expected.json, the latter in the format of
../shared/real/*.expected.json (every cell of the three tables of the report's edition, in the official reading
order, keyed by the official labels joined with " / "; a number is `value` with `mark: null`, a blank cell is
`value: null, mark: ""`, a not-applicable mark is `value: null` with the mark as printed, an amount printed with
its unit carries `unit`). Extra keys `title`, `encoding` and `messiness` are informational (score_cells.py reads
`encoding` and `messiness` for its breakdowns).

The cell values are the golden's, except in the blank-cells-* fixtures, which are variants of their seed: some
zero cells are printed blank or as "/", "—", "-", "无", and one amount is printed with its unit; their expected
files say what the HTML says.

Every table of every fixture goes through its layout's official structure (national format, both editions:
../shared/spec/format.md), then through a fixture-specific serializer. Before anything is written the generator
re-reads each HTML file with html.parser (decoding it with the encoding its <meta> declares) and fails loudly if
  - a table is ragged: after rowspan/colspan, some row of a row group is not as wide as the others, or a rowspan
    runs past the end of its row group;
  - the numbers and marks in the data tables, in document order, are not exactly the non-blank expected cells in
    reading order;
  - a one-line fixture has a line break, or a GBK fixture decodes as GB2312 (it must need GBK).
It also checks that its own label keys are those of ../shared/real/r01 (2021) and r04 (2019) when those files
exist, and that each golden's cells come in the same concept order.

Fixtures (FIXTURES at the end has the exact list and each one's messiness tags):
  word-mso-003, word-mso-002   Word "Save as HTML": o:/w: namespaces, <!--[if gte mso 9]><xml> blocks, mso- CSS,
                               MsoNormal runs split mid-word and mid-number, <o:p>, tags wrapped over lines,
                               MsoTableGrid tables with Word's colspan=/rowspan=, header cells over two <p>, the
                               <![if !supportMisalignedColumns]> row; 002 (2019): empty 4th column in (八)/(九).
  portal-chrome-004            a whole portal page: scripts (with Chinese text, numbers and a document.write'd
                               <table>), nav, breadcrumb, 索引号 info table, share/print widgets, previous-report
                               link with another title, footer.
  one-line-001                 the whole document on one line.
  gbk-002, gbk-charset-003     GBK bytes labelled charset=gb2312 / <meta charset="GBK">, with 镕 (GBK, not GB2312);
                               non-GBK characters (U+00A0) as &#160;.
  th-headers-004               <th> headers, <thead>/<tbody>, &nbsp; header cells instead of rowspans, <br> in
                               header cells, numbers in <span>/<strong>.
  spans-everywhere-003, -002   the official merges in every table, plain markup; headings split across spans.
  span-hazard                  seed 000: <td colspan="3">一、…</td><td>14</td>; 14 belongs under 自然人; t1/t3 with
                               unquoted, upper-case and single-quoted span attributes and explicit colspan="1".
  blank-cells-001, -002        variants: blank value cells (<td></td>, &nbsp;, <p>&nbsp;</p>, whitespace), marks
                               / — - 无, an amount with its unit (0万元 in 2021, 0元 for 采购总金额 in 2019).
  nested-layout-000            the article inside nested layout tables (old portal), &nbsp; indents, <font>.
"""
import html
import json
import os
import random
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDEN_DIR = os.path.join(ROOT, "Fixtures", "golden")
OUT_DIR = os.path.join(ROOT, "Fixtures", "html")
SHARED_REAL = os.path.normpath(os.path.join(ROOT, "..", "shared", "real"))
NS = "{urn:ogi:annual-report:1}"


def fail(msg):
    sys.stderr.write("make-html-fixtures: error: " + msg + "\n")
    sys.exit(1)


# ---------------------------------------------------------------------------------------------------------------
# The official layouts (national format, 国办公开办函〔2019〕60号 and 〔2021〕30号)

CH2 = [("previousItems", "上一年项目数量"), ("change", "本年增/减")]
CH3 = CH2 + [("decisions", "处理决定数量")]
T1 = {
    "2021": [
        ("一", [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("inForce", "现行有效件数")],
         [("regulations", "规章"), ("normativeDocs", "行政规范性文件")]),
        ("五", [("decisions", "本年处理决定数量")], [("licensing", "行政许可")]),
        ("六", [("decisions", "本年处理决定数量")], [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
        ("八", [("feeAmount", "本年收费金额（单位：万元）")], [("fees", "行政事业性收费")]),
    ],
    "2019": [
        ("一", [("newlyMade", "本年新制作数量"), ("newlyPublished", "本年新公开数量"),
                ("publishedTotal", "对外公开总数量")],
         [("regulations", "规章"), ("normativeDocs", "规范性文件")]),
        ("五", CH3, [("licensing", "行政许可"), ("otherServices", "其他对外管理服务事项")]),
        ("六", CH3, [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
        ("八", CH2, [("fees", "行政事业性收费")]),
        ("九", [("projects", "采购项目数量"), ("amount", "采购总金额")], [("procurement", "政府集中采购")]),
    ],
}
T2_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
ORG = "法人或其他组织"
T2_COLS = [("naturalPerson", "自然人", None), ("commercial", "商业企业", ORG), ("research", "科研机构", ORG),
           ("publicWelfare", "社会公益组织", ORG), ("legalService", "法律服务机构", ORG), ("otherOrg", "其他", ORG),
           ("total", "总计", None)]


def t2_tree(edition):
    """Rows of table 2 as a tree: a leaf is (key, label), a group is (label, [children])."""
    other = ("otherProcessing", "（六）其他处理") if edition == "2019" else ("（六）其他处理", [
        ("otherProcessing.noCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("otherProcessing.unpaidFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("otherProcessing.other", "3.其他")])
    return [
        ("received", "一、本年新收政府信息公开申请数量"),
        ("carriedOver", "二、上年结转政府信息公开申请数量"),
        ("三、本年度办理结果", [
            ("disclosed", "（一）予以公开"),
            ("partlyDisclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            ("（三）不予公开", [
                ("withheld.stateSecret", "1.属于国家秘密"), ("withheld.lawProhibited", "2.其他法律行政法规禁止公开"),
                ("withheld.threeSecurities", "3.危及“三安全一稳定”"), ("withheld.thirdParty", "4.保护第三方合法权益"),
                ("withheld.internalAffairs", "5.属于三类内部事务信息"), ("withheld.process", "6.属于四类过程性信息"),
                ("withheld.enforcementFile", "7.属于行政执法案卷"), ("withheld.queryMatter", "8.属于行政查询事项")]),
            ("（四）无法提供", [
                ("unavailable.notHeld", "1.本机关不掌握相关政府信息"),
                ("unavailable.needsCreation", "2.没有现成信息需要另行制作"),
                ("unavailable.unclear", "3.补正后申请内容仍不明确")]),
            ("（五）不予处理", [
                ("notProcessed.petition", "1.信访举报投诉类申请"), ("notProcessed.repeated", "2.重复申请"),
                ("notProcessed.publication", "3.要求提供公开出版物"),
                ("notProcessed.massRepeated", "4.无正当理由大量反复申请"),
                ("notProcessed.confirmation", "5.要求行政机关确认或重新出具已获取信息")]),
            other,
            ("total", "（七）总计"),
        ]),
        ("carriedForward", "四、结转下年度继续办理"),
    ]


def is_group(node):
    return isinstance(node[1], list)


def t2_flat(edition):
    out = []

    def walk(nodes, path):
        for n in nodes:
            if is_group(n):
                walk(n[1], path + [n[0]])
            else:
                out.append((n[0], path + [n[1]]))
    walk(t2_tree(edition), [])
    return out


T3_GROUPS = [("review", "行政复议"), ("suitDirect", "行政诉讼 / 未经复议直接起诉"),
             ("suitAfterReview", "行政诉讼 / 复议后起诉")]
T3_COLS = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"),
           ("total", "总计")]


def caption(num):
    return "第二十条第（%s）项" % num


def edition_keys(edition):
    """[(concept id, table, row key, col key)] in the official reading order."""
    out = []
    for num, cols, rows in T1[edition]:
        for rk, rl in rows:
            for ck, cl in cols:
                out.append(("t1.%s.%s" % (rk, ck), "t1", "%s / %s" % (caption(num), rl), cl))
    for rk, path in t2_flat(edition):
        for ck, cl, parent in T2_COLS:
            out.append(("t2.%s.%s" % (rk, ck), "t2", " / ".join(path), cl if parent is None else parent + " / " + cl))
    for gk, gl in T3_GROUPS:
        for ck, cl in T3_COLS:
            out.append(("t3.%s.%s" % (gk, ck), "t3", gl, cl))
    return out


def check_keys_against_shared():
    for edition, name in (("2021", "r01-portal-clean"), ("2019", "r04-flattened-glued")):
        path = os.path.join(SHARED_REAL, name + ".expected.json")
        if not os.path.exists(path):
            sys.stderr.write("make-html-fixtures: note: %s not found, label keys not cross-checked\n" % path)
            continue
        with open(path, encoding="utf-8") as fh:
            shared = [(c["table"], c["row"], c["col"]) for c in json.load(fh)["cells"]]
        mine = [k[1:] for k in edition_keys(edition)]
        if shared != mine:
            diff = next(i for i, (a, b) in enumerate(zip(shared + [None] * 999, mine + [None] * 999)) if a != b)
            fail("edition %s keys differ from %s at cell %d: %r vs %r"
                 % (edition, name, diff, shared[diff] if diff < len(shared) else None,
                    mine[diff] if diff < len(mine) else None))


# ---------------------------------------------------------------------------------------------------------------
# Golden reports

class Cell:
    """One table cell as printed: `text` (what the HTML shows; '' for blank) and its expected value/mark/unit."""
    __slots__ = ("text", "value", "mark", "unit")

    def __init__(self, text, value, mark, unit=None):
        self.text, self.value, self.mark, self.unit = text, value, mark, unit


def parse_number(s):
    return float(s) if "." in s else int(s)


class Report:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.seed = os.path.basename(path)[:-4]
        self.edition = root.get("edition")
        md = root.find(NS + "metadata")
        self.agency = md.findtext(NS + "agency")
        self.year = int(md.findtext(NS + "year"))
        self.title = md.findtext(NS + "title")
        self.title_made = self.title is None
        if self.title is None:
            self.title = "%s%d年政府信息公开工作年度报告" % (self.agency, self.year)
        self.date = md.findtext(NS + "publicationDate") or "%d-01-%02d" % (self.year + 1, 15 + self.year % 10)

        def items(el):
            return [("heading" if c.tag == NS + "heading" else "paragraph", c.text or "") for c in el] if el is not None else []
        self.preamble = items(root.find(NS + "preamble"))
        self.closing = items(root.find(NS + "closing"))
        self.sections = [(s.get("kind"), s.get("heading"), items(s)) for s in root.findall(NS + "section")]
        kinds = [s[0] for s in self.sections]
        if kinds != ["overview", "proactive-disclosure", "applications", "review-litigation", "problems",
                     "other-matters"]:
            fail("%s: unexpected sections %r" % (path, kinds))
        tables = root.find(NS + "tables" + self.edition)
        self.cells = {}
        order = []
        for e in tables.iter():
            cid = e.get("concept")
            if not cid:
                continue
            order.append(cid)
            pres, num, raw, unit = e.get("presence"), e.get("number"), e.get("raw"), e.get("unit")
            if pres in ("value", "zero"):
                self.cells[cid] = Cell(raw if raw is not None else num, parse_number(num), None, unit)
            elif pres == "blank":
                self.cells[cid] = Cell("", None, "")
            elif pres == "not-applicable":
                self.cells[cid] = Cell(raw, None, raw)
            else:
                fail("%s: cell %s has presence %r, which this generator does not print" % (path, cid, pres))
        want = [k[0] for k in edition_keys(self.edition)]
        if order != want:
            fail("%s: cells are not the %s edition's cells in reading order" % (path, self.edition))

    def copy_cells(self):
        return {k: Cell(c.text, c.value, c.mark, c.unit) for k, c in self.cells.items()}


# ---------------------------------------------------------------------------------------------------------------
# Table structure (IR): rows of C cells with spans, as the official layout has them

class C:
    __slots__ = ("kind", "text", "rs", "cs", "concept")

    def __init__(self, kind, text="", rs=1, cs=1, concept=None):
        # kind: caption | corner | head | label | value | filler (an empty header cell) | pad (an empty cell that
        # is no cell of the edition, e.g. Word's 4th column in a 3-column block)
        self.kind, self.text, self.rs, self.cs, self.concept = kind, text, rs, cs, concept


def build_t1(edition, cells, short="colspan"):
    rows = []
    for num, cols, rws in T1[edition]:
        n = len(cols)
        pad = 0
        if short == "empty" and n == 2:
            spans, pad = [1, 1], 1
        else:
            spans = [1] * (n - 1) + [4 - n]
        rows.append([C("caption", caption(num), cs=4)])
        rows.append([C("corner", "信息内容")] + [C("head", cl, cs=s) for (ck, cl), s in zip(cols, spans)]
                    + [C("pad", "")] * pad)
        for rk, rl in rws:
            vals = []
            for (ck, cl), s in zip(cols, spans):
                cid = "t1.%s.%s" % (rk, ck)
                vals.append(C("value", cells[cid].text, cs=s, concept=cid))
            rows.append([C("label", rl)] + vals + [C("pad", "")] * pad)
    return rows


def t2_values(cells, rk):
    return [C("value", cells["t2.%s.%s" % (rk, ck)].text, concept="t2.%s.%s" % (rk, ck)) for ck, _, _ in T2_COLS]


def count_leaves(node):
    return sum(count_leaves(c) for c in node[1]) if is_group(node) else 1


def build_t2(edition, cells, header="official"):
    orgs = [cl for _, cl, p in T2_COLS if p]
    rows = [[C("corner", T2_NOTE, rs=3, cs=3), C("head", "申请人情况", cs=7)]]
    if header == "official":
        rows.append([C("head", "自然人", rs=2), C("head", ORG, cs=5), C("head", "总计", rs=2)])
        rows.append([C("head", l) for l in orgs])
    else:  # "filler": no rowspans under 申请人情况, empty cells under 自然人 and 总计 (as r01 has it)
        rows.append([C("head", "自然人"), C("head", ORG, cs=5), C("head", "总计")])
        rows.append([C("filler")] + [C("head", l) for l in orgs] + [C("filler")])
    for node in t2_tree(edition):
        if not is_group(node):
            rows.append([C("label", node[1], cs=3)] + t2_values(cells, node[0]))
            continue
        lead = [C("label", node[0], rs=count_leaves(node))]
        for sub in node[1]:
            if not is_group(sub):
                rows.append(lead + [C("label", sub[1], cs=2)] + t2_values(cells, sub[0]))
                lead = []
                continue
            first = [C("label", sub[0], rs=len(sub[1]))]
            for rk, rl in sub[1]:
                rows.append(lead + first + [C("label", rl)] + t2_values(cells, rk))
                lead, first = [], []
    return rows


def build_t3(cells, header="official"):
    rows = [[C("head", "行政复议", cs=5), C("head", "行政诉讼", cs=10)]]
    if header == "official":
        rows.append([C("head", l, rs=2) for _, l in T3_COLS] + [C("head", "未经复议直接起诉", cs=5),
                                                                C("head", "复议后起诉", cs=5)])
        rows.append([C("head", l) for _, l in T3_COLS] * 2)
    else:
        rows.append([C("head", l) for _, l in T3_COLS] + [C("head", "未经复议直接起诉", cs=5),
                                                          C("head", "复议后起诉", cs=5)])
        rows.append([C("filler")] * 5 + [C("head", l) for _, l in T3_COLS] * 2)
    rows.append([C("value", cells["t3.%s.%s" % (gk, ck)].text, concept="t3.%s.%s" % (gk, ck))
                 for gk, _ in T3_GROUPS for ck, _ in T3_COLS])
    return rows


def ir_width_check(rows, what):
    widths = grid_widths([[(c.rs, c.cs) for c in r] for r in rows], what)
    return widths[0]


def grid_widths(rows, what):
    """rows: [[(rowspan, colspan)]]; returns each row's width; fails on a ragged grid or an overlong rowspan."""
    pending = []  # per column: rows still covered from above
    widths = []
    for i, row in enumerate(rows):
        col = 0
        taken = [j for j, n in enumerate(pending) if n > 0]
        occupied = set(taken)
        for rs, cs in row:
            while col in occupied:
                col += 1
            for k in range(col, col + cs):
                if k in occupied:
                    fail("%s: row %d: a cell overlaps a rowspan from above" % (what, i + 1))
                while len(pending) <= k:
                    pending.append(0)
                pending[k] = rs  # decremented below for this row
                occupied.add(k)
            col += cs
        width = max(occupied) + 1 if occupied else 0
        if occupied != set(range(width)):
            fail("%s: row %d has holes in its grid" % (what, i + 1))
        widths.append(width)
        pending = [max(0, n - 1) for n in pending]
    if any(pending):
        fail("%s: a rowspan runs past the last row of its row group" % what)
    if len(set(widths)) > 1:
        fail("%s: ragged table, row widths %s" % (what, widths))
    return widths


# ---------------------------------------------------------------------------------------------------------------
# Generic table serializer

def esc(s):
    return html.escape(s, quote=False)


def spans(c, style="quoted", i=0):
    out = ""
    order = (("colspan", c.cs), ("rowspan", c.rs)) if style == "word" else (("rowspan", c.rs), ("colspan", c.cs))
    for name, n in order:
        if n == 1:
            continue
        if style == "word":
            out += " %s=%d" % (name, n)
        elif style == "mixed":  # attribute-syntax hazards: unquoted, upper case, single quotes
            form = (i + len(out)) % 3
            out += [" %s=%d" % (name, n), ' %s="%d"' % (name.upper(), n), " %s='%d'" % (name, n)][form]
        else:
            out += ' %s="%d"' % (name, n)
    return out


def render_rows(rows, cell, tr="<tr>", sep="\n", groups=None):
    """cell(c, i, j) -> '<td…>…</td>'; groups: [(tag, nrows)] for <thead>/<tbody>."""
    parts = []
    bounds = {}
    if groups:
        start = 0
        for tag, n in groups:
            bounds[start] = tag
            start += n
    opened = None
    for i, r in enumerate(rows):
        if i in bounds:
            if opened:
                parts.append("</%s>" % opened)
            opened = bounds[i]
            parts.append("<%s>" % opened)
        t = tr(i, len(rows)) if callable(tr) else tr
        parts.append(t + "".join(cell(c, i, j) for j, c in enumerate(r)) + "</tr>")
    if opened:
        parts.append("</%s>" % opened)
    return sep.join(parts)


WRAPS = {"商业企业": ("商业", "企业"), "科研机构": ("科研", "机构"), "社会公益组织": ("社会公益", "组织"),
         "法律服务机构": ("法律服务", "机构"), "结果维持": ("结果", "维持"), "结果纠正": ("结果", "纠正"),
         "其他结果": ("其他", "结果"), "尚未审结": ("尚未", "审结"), "未经复议直接起诉": ("未经复议", "直接起诉"),
         "本年制发件数": ("本年制发", "件数"), "本年废止件数": ("本年废止", "件数"), "现行有效件数": ("现行有效", "件数"),
         "本年新制作数量": ("本年新制作", "数量"), "本年新公开数量": ("本年新公开", "数量"),
         "对外公开总数量": ("对外公开", "总数量"), "上一年项目数量": ("上一年", "项目数量"),
         "处理决定数量": ("处理决定", "数量"),
         T2_NOTE: ("（本列数据的勾稽关系为：", "第一项加第二项之和，", "等于第三项加第四项之和）")}


# ---------------------------------------------------------------------------------------------------------------
# Document walk shared by the fixtures

def walk(rep):
    """Yields the body in order: ('title',t) ('preamble',kind,t) ('section',idx,heading) ('item',kind,t)
    ('table','t1'|'t2'|'t3') ('closing',kind,t)."""
    yield ("title", rep.title)
    for k, t in rep.preamble:
        yield ("preamble", k, t)
    for idx, (kind, heading, items) in enumerate(rep.sections):
        yield ("section", idx, heading)
        for k, t in items:
            yield ("item", k, t)
        if idx in (1, 2, 3):
            yield ("table", "t%d" % idx)
    for k, t in rep.closing:
        yield ("closing", k, t)


def tables_for(rep, cells, t1_short="colspan", header="official"):
    return {"t1": build_t1(rep.edition, cells, t1_short), "t2": build_t2(rep.edition, cells, header),
            "t3": build_t3(cells, header)}


def split_digits_and_text(text):
    """Runs of Latin/digits vs other characters, as Word writes lang=EN-US runs."""
    return re.findall(r"[0-9A-Za-z.%\-+ ]+|[^0-9A-Za-z.%\-+ ]+", text)


# ---------------------------------------------------------------------------------------------------------------
# 1. Word "Save as HTML"

WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="report.files/filelist.xml">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>User</o:Author>
  <o:LastAuthor>User</o:LastAuthor>
  <o:Revision>3</o:Revision>
  <o:TotalTime>42</o:TotalTime>
  <o:Created>{year1}-01-08T01:12:00Z</o:Created>
  <o:LastSaved>{year1}-01-09T07:45:00Z</o:LastSaved>
  <o:Pages>7</o:Pages>
  <o:Words>615</o:Words>
  <o:Characters>3512</o:Characters>
  <o:Lines>29</o:Lines>
  <o:Paragraphs>8</o:Paragraphs>
  <o:CharactersWithSpaces>4119</o:CharactersWithSpaces>
  <o:Version>16.00</o:Version>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:SpellingState>Clean</w:SpellingState>
  <w:GrammarState>Clean</w:GrammarState>
  <w:TrackMoves>false</w:TrackMoves>
  <w:TrackFormatting/>
  <w:PunctuationKerning/>
  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>
  <w:DisplayHorizontalDrawingGridEvery>0</w:DisplayHorizontalDrawingGridEvery>
  <w:DisplayVerticalDrawingGridEvery>2</w:DisplayVerticalDrawingGridEvery>
  <w:ValidateAgainstSchemas/>
  <w:SaveIfXMLInvalid>false</w:SaveIfXMLInvalid>
  <w:IgnoreMixedContent>false</w:IgnoreMixedContent>
  <w:AlwaysShowPlaceholderText>false</w:AlwaysShowPlaceholderText>
  <w:Compatibility>
   <w:SpaceForUL/>
   <w:BalanceSingleByteDoubleByteWidth/>
   <w:DoNotLeaveBackslashAlone/>
   <w:ULTrailSpace/>
   <w:DoNotExpandShiftReturn/>
   <w:AdjustLineHeightInTable/>
   <w:UseFELayout/>
  </w:Compatibility>
  <m:mathPr>
   <m:mathFont m:val="Cambria Math"/>
  </m:mathPr>
 </w:WordDocument>
</xml><![endif]--><!--[if gte mso 9]><xml>
 <w:LatentStyles DefLockedState="false" DefUnhideWhenUsed="false"
  DefSemiHidden="false" DefQFormat="false" DefPriority="99"
  LatentStyleCount="376">
  <w:LsdException Locked="false" Priority="0" QFormat="true" Name="Normal"/>
  <w:LsdException Locked="false" Priority="9" QFormat="true" Name="heading 1"/>
  <w:LsdException Locked="false" Priority="59" Name="Table Grid"/>
 </w:LatentStyles>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-alt:SimSun;
	mso-font-charset:134;
	mso-generic-font-family:auto;
	mso-font-pitch:variable;
	mso-font-signature:3 680460288 22 0 262145 0;}}
@font-face
	{{font-family:仿宋_GB2312;
	mso-font-alt:仿宋;
	mso-font-charset:134;
	mso-generic-font-family:modern;
	mso-font-pitch:fixed;
	mso-font-signature:1 135135232 16 0 262144 0;}}
@font-face
	{{font-family:黑体;
	panose-1:2 1 6 9 6 1 1 1 1 1;
	mso-font-alt:SimHei;
	mso-font-charset:134;
	mso-generic-font-family:modern;
	mso-font-pitch:fixed;
	mso-font-signature:-2147482945 953122042 22 0 262145 0;}}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	mso-style-qformat:yes;
	mso-style-parent:"";
	margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	mso-pagination:none;
	font-size:10.5pt;
	mso-bidi-font-size:11.0pt;
	font-family:等线;
	mso-ascii-font-family:等线;
	mso-fareast-font-family:等线;
	mso-hansi-font-family:等线;
	mso-bidi-font-family:"Times New Roman";
	mso-font-kerning:1.0pt;}}
span.SpellE
	{{mso-style-name:"";
	mso-spl-e:yes;}}
.MsoChpDefault
	{{mso-style-type:export-only;
	mso-default-props:yes;
	font-family:等线;}}
 /* Page Definitions */
 @page
	{{mso-page-border-surround-header:no;
	mso-page-border-surround-footer:no;}}
@page WordSection1
	{{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;
	mso-header-margin:42.55pt;
	mso-footer-margin:49.6pt;
	mso-paper-source:0;
	layout-grid:15.6pt;}}
div.WordSection1
	{{page:WordSection1;}}
-->
</style>
<!--[if gte mso 10]>
<style>
 /* Style Definitions */
 table.MsoNormalTable
	{{mso-style-name:普通表格;
	mso-tstyle-rowband-size:0;
	mso-tstyle-colband-size:0;
	mso-style-noshow:yes;
	mso-style-priority:99;
	mso-style-parent:"";
	mso-padding-alt:0cm 5.4pt 0cm 5.4pt;
	mso-para-margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	mso-pagination:none;
	font-size:10.5pt;
	mso-bidi-font-size:11.0pt;
	font-family:等线;}}
table.MsoTableGrid
	{{mso-style-name:网格型;
	mso-tstyle-rowband-size:0;
	mso-tstyle-colband-size:0;
	mso-style-priority:59;
	mso-style-unhide:no;
	border:solid windowtext 1.0pt;
	mso-border-alt:solid windowtext .5pt;
	mso-padding-alt:0cm 5.4pt 0cm 5.4pt;
	mso-border-insideh:.5pt solid windowtext;
	mso-border-insidev:.5pt solid windowtext;
	mso-para-margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	mso-pagination:none;
	font-size:10.5pt;
	font-family:等线;}}
</style>
<![endif]--><!--[if gte mso 9]><xml>
 <o:shapedefaults v:ext="edit" spidmax="1026"/>
</xml><![endif]--><!--[if gte mso 9]><xml>
 <o:shapelayout v:ext="edit">
  <o:idmap v:ext="edit" data="1"/>
 </o:shapelayout></xml><![endif]-->
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>
"""

W_CJK = "style='font-size:16.0pt;font-family:仿宋_GB2312'"
W_LAT = "lang=EN-US style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:\"Times New Roman\"'"
W_CELL_LAT = "lang=EN-US style='font-size:10.5pt;font-family:\"Times New Roman\",serif'"
W_CELL_CJK = "style='font-size:10.5pt;font-family:仿宋_GB2312'"


def word_runs(text, rng, cjk=W_CJK, lat=W_LAT, split=True):
    """Text as Word's runs: Latin/digit runs in lang=EN-US spans, CJK in plain spans, some runs split mid-word,
    some tags broken over two lines at an attribute (Word wraps its HTML at ~80 columns)."""
    out = []
    for run in split_digits_and_text(text):
        latin = re.match(r"[0-9A-Za-z.%\-+ ]", run) is not None
        pieces = [run]
        if split and len(run) >= 4 and rng.random() < 0.45:
            k = rng.randrange(1, len(run))
            pieces = [run[:k], run[k:]]
        for p in pieces:
            attrs = lat if latin else cjk
            nl = "\n" if rng.random() < 0.3 else " "
            out.append("<span%s%s>%s</span>" % (nl, attrs, esc(p)))
    return "".join(out)


def word_td_style(i, j):
    if i == 0 and j == 0:
        return "border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt"
    return ("border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;"
            "border-right:solid windowtext 1.0pt;mso-border-top-alt:solid windowtext .5pt;\n  "
            "mso-border-left-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;"
            "padding:0cm 5.4pt 0cm 5.4pt")


def grid_positions(rows):
    """{(row, index in row): first grid column} for IR rows."""
    pos, covered = {}, {}
    for i, r in enumerate(rows):
        col = 0
        for j, c in enumerate(r):
            while covered.get((i, col)):
                col += 1
            pos[(i, j)] = col
            for di in range(c.rs):
                for dc in range(c.cs):
                    covered[(i + di, col + dc)] = True
            col += c.cs
    return pos


def word_table(rows, rng, width_pts):
    grid_w = [int(w * 4 / 3) for w in width_pts]
    pos = grid_positions(rows)

    def cell(c, i, j):
        w = sum(width_pts[pos[(i, j)]:pos[(i, j)] + c.cs])
        head = "<td width=%d%s valign=top style='width:%.1fpt;%s'>" % (
            int(w * 4 / 3), spans(c, "word"), w, word_td_style(i, j))
        if c.kind in ("value", "pad", "filler") and c.text.strip() == "":
            body = "<p class=MsoNormal align=center style='text-align:center'><span %s><o:p>&nbsp;</o:p></span></p>" \
                   % W_CELL_LAT
        elif c.kind == "value":
            t = c.text
            if len(t.strip()) >= 2 and rng.random() < 0.6:
                k = rng.randrange(1, len(t))
                inner = "%s</span><span %s>%s" % (esc(t[:k]), W_CELL_LAT, esc(t[k:]))
            else:
                inner = esc(t)
            body = "<p class=MsoNormal align=center style='text-align:center'><span %s>%s<o:p></o:p></span></p>" \
                   % (W_CELL_LAT, inner)
        else:
            lines = WRAPS.get(c.text, (c.text,)) if c.kind in ("head", "corner") else (c.text,)
            align = " align=center style='text-align:center'" if c.kind in ("head", "caption", "corner") else ""
            body = "\n  ".join("<p class=MsoNormal%s>%s<span %s><o:p></o:p></span></p>"
                               % (align, word_runs(l, rng, W_CELL_CJK, W_CELL_LAT, split=False), W_CELL_LAT)
                               for l in lines)
        return "\n  " + head + "\n  " + body + "\n  </td>"

    def tr(i, n):
        extra = ";mso-yfti-firstrow:yes" if i == 0 else (";mso-yfti-lastrow:yes" if i == n - 1 else "")
        return "\n <tr style='mso-yfti-irow:%d%s;height:19.85pt'>" % (i, extra)

    body = render_rows(rows, cell, tr, sep="")
    misaligned = "\n <![if !supportMisalignedColumns]>\n <tr height=0>" + "".join(
        "\n  <td width=%d style='border:none'></td>" % w for w in grid_w) + "\n </tr>\n <![endif]>"
    return ("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 width=%d\n style='width:%.1fpt;"
            "border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;\n mso-yfti-tbllook:1184;"
            "mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>%s%s\n</table>"
            % (sum(grid_w), sum(width_pts), body, misaligned))


def fixture_word_mso(rep, cells, name):
    rng = random.Random(name)
    tbl = tables_for(rep, cells, t1_short="empty" if rep.edition == "2019" else "colspan")
    widths = {"t1": [120.0, 100.0, 100.0, 100.0], "t2": [30.0, 52.0, 124.0] + [32.0] * 7, "t3": [28.0] * 15}
    parts = [WORD_HEAD.format(title=esc(rep.title), year1=rep.year + 1)]
    P = "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;" \
        "mso-line-height-rule:exactly'>"
    for ev in walk(rep):
        if ev[0] == "title":
            parts.append("<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt;"
                         "mso-line-height-rule:exactly'><b><span\nstyle='font-size:22.0pt;font-family:方正小标宋简体'>"
                         + word_runs(ev[1], rng, "style='font-size:22.0pt;font-family:方正小标宋简体'",
                                     "lang=EN-US style='font-size:22.0pt;font-family:方正小标宋简体'")
                         + "<span lang=EN-US><o:p></o:p></span></span></b></p>\n")
            parts.append("<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US><o:p>&nbsp;"
                         "</o:p></span></p>\n")
        elif ev[0] == "section":
            h = ev[2]
            k = len(h) // 2
            parts.append(P + "<a name=\"_Toc%d\"></a><b><span style='font-size:16.0pt;font-family:黑体'>%s</span>"
                         "</b><b><span\nstyle='font-size:16.0pt;font-family:黑体'>%s</span></b><b><span lang=EN-US\n"
                         "style='font-size:16.0pt;font-family:黑体'><o:p></o:p></span></b></p>\n"
                         % (1000 + ev[1], esc(h[:k]), esc(h[k:])))
        elif ev[0] in ("item", "preamble", "closing"):
            if ev[1] == "heading":
                parts.append(P + "<b>" + word_runs(ev[2], rng, "style='font-size:16.0pt;font-family:楷体_GB2312'")
                             + "</b><span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>\n")
            elif ev[0] == "closing":
                parts.append("<p class=MsoNormal align=right style='text-align:right;line-height:28.0pt'>"
                             + word_runs(ev[2], rng) + "<span lang=EN-US><o:p></o:p></span></p>\n")
            else:
                parts.append(P + word_runs(ev[2], rng) + "<span lang=EN-US style='font-size:16.0pt'><o:p></o:p>"
                             "</span></p>\n")
        elif ev[0] == "table":
            parts.append("\n" + word_table(tbl[ev[1]], rng, widths[ev[1]]) + "\n\n")
            parts.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n")
    parts.append("<p class=MsoNormal><span style='mso-bookmark:_GoBack'></span><span lang=EN-US><o:p>&nbsp;</o:p>"
                 "</span></p>\n\n</div>\n\n</body>\n\n</html>\n")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------------------------
# Plain cells used by several fixtures

def plain_cell(tag_for=None, span_style="quoted", value_wrap=None, head_br=False, attrs=None):
    def cell(c, i, j):
        tag = (tag_for(c) if tag_for else "td")
        a = spans(c, span_style, i * 31 + j)
        if attrs:
            a += attrs(c)
        if c.kind in ("filler", "pad") or (c.kind == "value" and c.text == ""):
            inner = "&nbsp;" if c.kind == "filler" else ""
        elif c.kind == "value":
            inner = value_wrap(c, i, j) if value_wrap else esc(c.text)
        elif head_br and c.text in WRAPS and c.kind in ("head", "corner"):
            inner = "<br>".join(esc(p) for p in WRAPS[c.text])
        else:
            inner = esc(c.text)
        return "<%s%s>%s</%s>" % (tag, a, inner, tag)
    return cell


def simple_table(rows, open_tag, cell, sep="\n", groups=None):
    return open_tag + sep + render_rows(rows, cell, sep=sep, groups=groups) + sep + "</table>"


# ---------------------------------------------------------------------------------------------------------------
# 2. Whole portal page

PORTAL_HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=0">
<meta name="SiteName" content="{site}">
<meta name="SiteDomain" content="http://www.example.gov.cn/">
<meta name="SiteIDCode" content="3301100099">
<meta name="ColumnName" content="政府信息公开年报">
<meta name="ColumnType" content="政府信息公开年报">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{date} 09:30">
<meta name="ContentSource" content="{agency}">
<meta name="Keywords" content="政府信息公开,年度报告">
<meta name="Description" content="{title}">
<title>{title}-{site}</title>
<link rel="stylesheet" type="text/css" href="/static/css/reset.css">
<link rel="stylesheet" type="text/css" href="/static/css/common.css?v=20240105">
<link rel="stylesheet" type="text/css" href="/static/css/article.css?v=20240105">
<link rel="stylesheet" type="text/css" href="/static/css/font-awesome.min.css">
<link rel="shortcut icon" href="/favicon.ico">
<style type="text/css">
  .nav li {{ float: left; padding: 0 18px; }}
  .article td {{ border: 1px solid #666; padding: 2px 4px; }}
  #zoom p {{ line-height: 2em; font-size: 16px; }}
  .share a.wx:before {{ content: "微信"; }}
  .xxgk_table td.c1 {{ width: 90px; background: #f3f3f3; }}
</style>
<script type="text/javascript" src="/static/js/jquery-1.12.4.min.js"></script>
<script type="text/javascript" src="/static/js/jquery.SuperSlide.2.1.3.js"></script>
<script type="text/javascript" src="/static/js/common.js?v=20240105"></script>
<script type="text/javascript">
  var siteId = "3301100099", columnId = 20417, articleId = 5130271;
  var pageConfig = {{ title: "政府信息公开工作年度报告", total: 453, pageSize: 15, hits: 1024 }};
  var tips = "本年新收政府信息公开申请数量：99件，其中自然人88件、商业企业11件";
</script>
<script>
  var _hmt = _hmt || [];
  (function() {{
    var hm = document.createElement("script");
    hm.src = "https://hm.example.com/hm.js?0a1b2c3d4e5f";
    var s = document.getElementsByTagName("script")[0];
    s.parentNode.insertBefore(hm, s);
  }})();
</script>
</head>
<body>
<!--[if lt IE 9]><div class="ie-tip">您的浏览器版本过低，请升级浏览器。</div><![endif]-->
<div class="top-bar">
  <div class="container">
    <span class="fl" id="today"></span>
    <script>document.getElementById("today").innerHTML = "2025年1月15日 星期三";</script>
    <ul class="fr top-links">
      <li><a href="javascript:void(0);" onclick="toggleJft()">繁體版</a></li>
      <li><a href="/wza/">无障碍</a></li>
      <li><a href="/m/">移动版</a></li>
      <li><a href="/login">登录</a></li>
    </ul>
  </div>
</div>
<div class="header">
  <div class="container">
    <a class="logo" href="/"><img src="/static/images/logo.png" alt="{site}"></a>
    <form class="search" action="/search" method="get"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form>
  </div>
</div>
<div class="nav-wrap">
  <ul class="nav">
    <li class="on"><a href="/">首页</a></li>
    <li><a href="/zwgk/">政务公开</a></li>
    <li><a href="/zwfw/">政务服务</a></li>
    <li><a href="/hdjl/">互动交流</a></li>
    <li><a href="/zjxq/">走进{short}</a></li>
    <li><a href="/ztzl/">专题专栏</a></li>
  </ul>
</div>
<div class="container main">
  <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/xxgk/">政府信息公开</a> &gt; <a href="/zwgk/xxgk/ndbg/">政府信息公开年报</a></div>
  <div class="xxgk_info">
    <table class="xxgk_table" cellspacing="0" cellpadding="0">
      <tr><td class="c1">索引号</td><td class="c2">11330110MB1234567X/{year1}-00003</td><td class="c1">主题分类</td><td class="c2">政务公开</td></tr>
      <tr><td class="c1">发布机构</td><td class="c2">{agency}</td><td class="c1">成文日期</td><td class="c2">{date}</td></tr>
      <tr><td class="c1">文号</td><td class="c2"></td><td class="c1">公开日期</td><td class="c2">{date}</td></tr>
      <tr><td class="c1">名称</td><td class="c2" colspan="3">{title}</td></tr>
      <tr><td class="c1">有效性</td><td class="c2" colspan="3">有效</td></tr>
    </table>
  </div>
  <div class="article">
"""

PORTAL_TAIL = """    <div class="article-foot">
      <div class="share">分享到：<a class="wx" href="javascript:void(0);" title="微信"></a><a class="wb" href="javascript:void(0);">微博</a><a class="qq" href="javascript:void(0);">QQ空间</a></div>
      <div class="tools"><a href="javascript:window.print();">打印本页</a> <a href="javascript:window.close();">关闭窗口</a> 【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>
      <div class="prev-next">
        <p>上一篇：<a href="/zwgk/xxgk/ndbg/{year0}.html">{agency}{year0}年政府信息公开工作年度报告</a></p>
        <p>下一篇：<a href="/zwgk/xxgk/ndbg/list.html">政府信息公开年报目录</a></p>
      </div>
    </div>
  </div>
  <div class="related">
    <h4>相关阅读</h4>
    <ul>
      <li><a href="/zwgk/xxgk/zn/">政府信息公开指南</a><span>2024-03-01</span></li>
      <li><a href="/zwgk/xxgk/zd/">政府信息公开制度</a><span>2023-06-18</span></li>
    </ul>
  </div>
</div>
<div class="footer">
  <div class="container">
    <p><a href="/about/">关于本网</a> | <a href="/map/">网站地图</a> | <a href="/contact/">联系我们</a></p>
    <p>主办单位：{site}办公室　承办：{agency}</p>
    <p>网站标识码：3301100099　<a href="https://beian.miit.gov.cn/">浙ICP备00000000号-1</a>　<img src="/static/images/ga.png" alt="">浙公网安备 33011002000000号</p>
    <p>联系电话：0571-00000000　建议使用1366*768以上分辨率浏览本站</p>
    <script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E"));</script>
  </div>
</div>
<script type="text/javascript">
  $(function () {{
    var fontSize = 16; // 默认字号16，共3档
    window.doZoom = function (n) {{ $("#zoom p, #zoom td").css("font-size", n + "px"); }};
    // 统计：第一项加第二项之和 = 2 + 3
    document.write('<table style="display:none"><tr><td>自然人</td><td>12</td></tr></table>');
    $.get("/api/hits?id=5130271", function (d) {{ $("#hits").text(d.count || 0); }});
  }});
</script>
</body>
</html>
"""


def site_of(agency):
    m = re.match(r"(.+?[区县市])", agency)
    return (m.group(1) if m else agency) + "人民政府"


def fixture_portal_chrome(rep, cells, name):
    tbl = tables_for(rep, cells)
    site = site_of(rep.agency)
    fmt = dict(site=site, title=esc(rep.title), date=rep.date, agency=esc(rep.agency), year1=rep.year + 1,
               year0=rep.year - 1, short=site[:-4])
    parts = [PORTAL_HEAD.format(**fmt)]
    parts.append('    <h1 class="article-title">%s</h1>\n' % esc(rep.title))
    parts.append('    <div class="article-info">发布时间：%s　来源：%s　浏览次数：<span id="hits"></span>'
                 '　【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> '
                 '<a href="javascript:doZoom(14)">小</a>】</div>\n' % (rep.date, esc(rep.agency)))
    parts.append('    <div id="zoom" class="article-content">\n')
    cell = plain_cell(value_wrap=lambda c, i, j: esc(c.text))
    for ev in walk(rep):
        if ev[0] == "title":
            continue
        if ev[0] == "section":
            parts.append('<p style="text-indent:2em"><strong>%s</strong></p>\n' % esc(ev[2]))
        elif ev[0] in ("item", "preamble"):
            t = esc(ev[2])
            parts.append('<p style="text-indent:2em">%s</p>\n' % (("<strong>%s</strong>" % t) if ev[1] == "heading" else t))
        elif ev[0] == "closing":
            parts.append('<p style="text-align:right">%s</p>\n' % esc(ev[2]))
        elif ev[0] == "table":
            parts.append(simple_table(tbl[ev[1]], '<table border="1" cellspacing="0" cellpadding="0" width="100%" '
                                      'style="border-collapse:collapse">', cell) + "\n")
    parts.append("    </div>\n")
    parts.append(PORTAL_TAIL.format(**fmt))
    return "".join(parts)


# ---------------------------------------------------------------------------------------------------------------
# 3. The whole report on one line

def fixture_one_line(rep, cells, name):
    tbl = tables_for(rep, cells)
    parts = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>' % esc(rep.title),
             "<style>body{margin:0 auto;width:960px}table{border-collapse:collapse}td{border:1px solid #000;"
             "text-align:center}h3{font-size:16px}</style>",
             '<script>var cfg={"id":17,"msg":"共收到申请 5 件"};</script></head><body><div class="content">']
    cell = plain_cell()
    for ev in walk(rep):
        if ev[0] == "title":
            parts.append('<h1 style="text-align:center">%s</h1>' % esc(ev[1]))
        elif ev[0] == "section":
            parts.append("<h3>%s</h3>" % esc(ev[2]))
        elif ev[0] in ("item", "preamble", "closing"):
            parts.append("<p>%s</p>" % esc(ev[2]))
        elif ev[0] == "table":
            parts.append(simple_table(tbl[ev[1]], '<table border="1" width="100%">', cell, sep=""))
    parts.append("</div></body></html>")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------------------------
# 4. GBK-encoded pages

GBK_ONLY = "镕"  # in GBK, not in GB2312


def fixture_gbk(rep, cells, name, label):
    tbl = tables_for(rep, cells)
    meta = ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' if label == "gb2312"
            else '<meta charset="GBK">')
    parts = ["<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
             "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
             "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n%s\n<title>%s</title>\n"
             "<link href=\"/css/style.css\" rel=\"stylesheet\" type=\"text/css\" />\n</head>\n<body>\n"
             "<div class=\"main\">\n" % (meta, esc(rep.title))]
    if label == "gb2312":
        head = lambda t: '<p style="font-weight:bold;text-indent:2em">%s</p>' % esc(t)
        sub = lambda t: '<p style="text-indent:2em"><b>%s</b></p>' % esc(t)
        title = lambda t: '<div class="title" style="text-align:center;font-size:22px;font-weight:bold">%s</div>' % esc(t)
        cell = plain_cell(value_wrap=lambda c, i, j: '<p align="center">%s</p>' % esc(c.text))
    else:
        head = lambda t: "<h2>%s</h2>" % esc(t)
        sub = lambda t: "<h4>%s</h4>" % esc(t)
        title = lambda t: "<h1>%s</h1>" % esc(t)
        cell = plain_cell()
    for ev in walk(rep):
        if ev[0] == "title":
            parts.append(title(ev[1]) + "\n")
        elif ev[0] == "section":
            parts.append(head(ev[2]) + "\n")
        elif ev[0] in ("item", "preamble"):
            parts.append((sub(ev[2]) if ev[1] == "heading" else '<p style="text-indent:2em">%s</p>' % esc(ev[2])) + "\n")
        elif ev[0] == "closing":
            parts.append('<p align="right">%s</p>\n' % esc(ev[2]))
        elif ev[0] == "table":
            parts.append(simple_table(tbl[ev[1]], '<table border="1" cellspacing="0" cellpadding="3" align="center">',
                                      cell) + "\n")
    parts.append('</div>\n<div class="footer">\n<p>主办：%s　地址：%s%s园路18号　邮编：000000</p>\n'
                 '<p>技术支持：信息中心</p>\n</div>\n</body>\n</html>\n' % (esc(site_of(rep.agency)), esc(rep.agency), GBK_ONLY))
    return "".join(parts)


# ---------------------------------------------------------------------------------------------------------------
# 5. <th> headers, <thead>/<tbody>, &nbsp; in empty header cells, <br> in header cells, numbers in <span>/<strong>

def fixture_th_headers(rep, cells, name):
    tbl = tables_for(rep, cells, header="filler")

    def tag_for(c):
        return "td" if c.kind == "value" else "th"

    def wrap(c, i, j):
        if c.concept and c.concept.endswith(".total"):
            return "<strong>%s</strong>" % esc(c.text)
        return '<span style="font-family:Times New Roman">%s</span>' % esc(c.text)

    def attrs(c):
        return ' scope="row"' if c.kind == "label" else (' class="cap"' if c.kind == "caption" else "")
    cell = plain_cell(tag_for, value_wrap=wrap, head_br=True, attrs=attrs)
    parts = ['<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n'
             "<style>table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #333;padding:2px 6px}"
             "th{background:#eef3fa;font-weight:normal}td{text-align:center}</style>\n</head>\n<body>\n"
             '<div class="TRS_Editor">\n' % esc(rep.title)]
    for ev in walk(rep):
        if ev[0] == "title":
            parts.append('<h1 class="title">%s</h1>\n' % esc(ev[1]))
        elif ev[0] == "section":
            parts.append("<h2>%s</h2>\n" % esc(ev[2]))
        elif ev[0] in ("item", "preamble", "closing"):
            parts.append(("<h3>%s</h3>\n" if ev[1] == "heading" else "<p>%s</p>\n") % esc(ev[2]))
        elif ev[0] == "table":
            rows = tbl[ev[1]]
            groups = None if ev[1] == "t1" else [("thead", 3), ("tbody", len(rows) - 3)]
            if ev[1] == "t1":
                groups = [("tbody", len(rows))]
            parts.append(simple_table(rows, '<table class="report-table">', cell, groups=groups) + "\n")
    parts.append("</div>\n</body>\n</html>\n")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------------------------
# 6. spans everywhere (the official layout's merges, every table), 7. the span hazard

def fixture_spans(rep, cells, name, hazard=False):
    tbl = tables_for(rep, cells)
    span_style = "mixed" if hazard else "quoted"

    def attrs(c):
        if hazard and c.kind == "value":
            return ' align="center"' + ('' if c.cs > 1 else ' colspan="1" rowspan="1"')
        return ' align="center"' if c.kind in ("head", "caption", "value") else ""
    cell_hazard = plain_cell(span_style=span_style, attrs=attrs)
    # table 2 exactly as the hazard is usually met: <td colspan="3">一、…</td><td>14</td>…
    cell_t2 = plain_cell(attrs=lambda c: ' align="center"' if c.kind == "head" else "")
    cell = plain_cell(span_style=span_style, attrs=attrs)
    parts = ['<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n</head>\n<body>\n'
             '<div id="zoom">\n' % esc(rep.title)]
    for ev in walk(rep):
        if ev[0] == "title":
            parts.append('<p align="center"><b><span style="font-size:22px">%s</span></b></p>\n' % esc(ev[1]))
        elif ev[0] == "section":
            h = ev[2]
            if hazard:
                parts.append("<h2>%s</h2>\n" % esc(h))
            else:  # heading text split across spans
                k = h.find("、") + 1
                parts.append('<p><b><span style="font-family:黑体">%s</span><span style="font-family:黑体">%s</span>'
                             "</b></p>\n" % (esc(h[:k]), esc(h[k:])))
        elif ev[0] in ("item", "preamble", "closing"):
            t = esc(ev[2])
            parts.append("<p>%s</p>\n" % (("<b>%s</b>" % t) if ev[1] == "heading" else t))
        elif ev[0] == "table":
            c = cell_t2 if hazard and ev[1] == "t2" else (cell_hazard if hazard else cell)
            parts.append(simple_table(tbl[ev[1]], '<table border="1" cellspacing="0" cellpadding="0" '
                                      'style="border-collapse:collapse">', c) + "\n")
    parts.append("</div>\n</body>\n</html>\n")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------------------------
# 8. blank cells, marks and units (a variant of the seed: what is printed is what is expected)

BLANK_FORMS = ["", "&nbsp;", " ", "<p>&nbsp;</p>", "\n"]


def blank_variant(rep):
    cells = rep.copy_cells()
    ed = rep.edition

    def blank(cid, k=0):
        c = cells[cid]
        if c.value not in (0, None):
            return  # never hide a number other than 0
        cells[cid] = Cell(BLANK_FORMS[k % len(BLANK_FORMS)], None, "")

    def mark(cid, m):
        c = cells[cid]
        if c.value not in (0, None):
            return
        cells[cid] = Cell(m, None, m)
    # table 1
    if ed == "2021":
        for ck in ("issued", "repealed", "inForce"):
            mark("t1.regulations." + ck, "/")
        mark("t1.enforcement.decisions", "—")
        fee = cells["t1.fees.feeAmount"]
        cells["t1.fees.feeAmount"] = Cell("%s万元" % fee.text.strip(), fee.value, None, "万元")
    else:
        for ck in ("newlyMade", "newlyPublished", "publishedTotal"):
            mark("t1.regulations." + ck, "—")
        for ck in ("previousItems", "change", "decisions"):
            blank("t1.otherServices." + ck, 1)
        mark("t1.fees.change", "/")
        amt = cells["t1.procurement.amount"]
        cells["t1.procurement.amount"] = Cell("%s元" % amt.text.strip(), amt.value, None, "元")
    # table 2: the organisations' columns blank in most rows (as r02), one row of marks, one "无"
    k = 0
    for ri, (rk, path) in enumerate(t2_flat(ed)):
        for ck, _, parent in T2_COLS:
            cid = "t2.%s.%s" % (rk, ck)
            if rk == "carriedForward" and parent:
                mark(cid, "/")
            elif rk.startswith("withheld.") and ck == "naturalPerson":
                blank(cid, k)
                k += 1
            elif parent and rk not in ("received", "total"):
                blank(cid, k)
                k += 1
    mark("t2.partlyDisclosed.research", "无")
    mark("t2.carriedOver.research", "-")
    # table 3: the direct suits blank, the suits after review as "—"
    for ck, _ in T3_COLS:
        blank("t3.suitDirect." + ck, 2)
        mark("t3.suitAfterReview." + ck, "—")
    return cells


def fixture_blank_cells(rep, cells, name):
    tbl = tables_for(rep, cells)
    cell = plain_cell()

    def cell2(c, i, j):
        if c.kind == "value" and c.text in BLANK_FORMS:
            return "<td%s>%s</td>" % (spans(c), c.text)  # the blank forms are HTML already
        return cell(c, i, j)
    parts = ['<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n</head>\n<body>\n'
             '<div class="view TRS_UEDITOR trs_paper_default trs_web">\n' % esc(rep.title)]
    for ev in walk(rep):
        if ev[0] == "title":
            parts.append('<p style="text-align:center"><strong>%s</strong></p>\n' % esc(ev[1]))
        elif ev[0] in ("section",):
            parts.append("<p>%s</p>\n" % esc(ev[2]))
        elif ev[0] in ("item", "preamble", "closing"):
            parts.append("<p>%s</p>\n" % esc(ev[2]))
        elif ev[0] == "table":
            parts.append(simple_table(tbl[ev[1]], '<table border="1">', cell2) + "\n")
    parts.append("</div>\n</body>\n</html>\n")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------------------------
# 9. the article inside layout tables (older portals)

def fixture_nested_layout(rep, cells, name):
    tbl = tables_for(rep, cells)
    site = site_of(rep.agency)
    cell = plain_cell(value_wrap=lambda c, i, j: '<div align="center">%s</div>' % esc(c.text))
    inner = []
    for ev in walk(rep):
        if ev[0] == "title":
            continue
        if ev[0] == "section":
            inner.append('<p align="left"><font face="黑体" size="3">%s</font></p>' % esc(ev[2]))
        elif ev[0] in ("item", "preamble"):
            t = esc(ev[2])
            inner.append(('<p><font face="楷体_GB2312">&nbsp;&nbsp;&nbsp;&nbsp;%s</font></p>' if ev[1] == "heading"
                          else "<p>&nbsp;&nbsp;&nbsp;&nbsp;%s</p>") % t)
        elif ev[0] == "closing":
            inner.append('<p align="right">%s</p>' % esc(ev[2]))
        elif ev[0] == "table":
            inner.append(simple_table(tbl[ev[1]], '<table width="100%" border="1" cellspacing="0" cellpadding="0" '
                                      'bordercolor="#000000" style="border-collapse:collapse">', cell))
    article = "\n".join(inner)
    return """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{title}</title>
<link href="/css/css.css" rel="stylesheet" type="text/css">
<script language="javascript" src="/js/menu.js"></script>
</head>
<body leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
  <tr>
    <td colspan="2" height="110" background="/images/top_bg.jpg"><img src="/images/logo.gif" width="420" height="110" alt="{site}"></td>
  </tr>
  <tr>
    <td colspan="2" height="32" class="menu"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a> | <a href="/gzhd/">公众互动</a></td>
  </tr>
  <tr>
    <td width="200" valign="top" bgcolor="#F4F8FC">
      <table width="100%" border="0" cellspacing="0" cellpadding="4">
        <tr><td class="lefttitle">政府信息公开</td></tr>
        <tr><td><a href="/xxgk/zn.html">信息公开指南</a></td></tr>
        <tr><td><a href="/xxgk/ml.html">信息公开目录</a></td></tr>
        <tr><td><a href="/xxgk/nb.html">信息公开年报</a></td></tr>
        <tr><td><a href="/xxgk/ysq.html">依申请公开</a></td></tr>
      </table>
    </td>
    <td valign="top">
      <table width="96%" border="0" align="center" cellpadding="0" cellspacing="0">
        <tr><td height="30">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/xxgk/">政府信息公开</a> &gt;&gt; 信息公开年报</td></tr>
        <tr><td height="50" align="center" class="biaoti"><strong><font size="4">{title}</font></strong></td></tr>
        <tr><td height="26" align="center" class="hui">发布日期：{date}&nbsp;&nbsp;&nbsp;信息来源：{agency}&nbsp;&nbsp;&nbsp;点击数：<script language="javascript" src="/hits.asp?id=3127"></script></td></tr>
        <tr><td height="1" bgcolor="#CCCCCC"></td></tr>
        <tr>
          <td class="content" style="line-height:200%">
{article}
          </td>
        </tr>
        <tr><td align="right"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr>
      </table>
    </td>
  </tr>
  <tr>
    <td colspan="2" align="center" class="foot">版权所有：{site}办公室　网站标识码：4400000000　粤ICP备00000000号</td>
  </tr>
</table>
</body>
</html>
""".format(title=esc(rep.title), site=esc(site), date=rep.date, agency=esc(rep.agency), article=article)


# ---------------------------------------------------------------------------------------------------------------
# Verification of the written HTML

class TableGrids(HTMLParser):
    """Collects every table (nested ones separately) as row groups of rows of (rowspan, colspan, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []   # open tables: {"groups": [[rows]], "cell": current cell list or None, "nested": bool}
        self.tables = []

    def _int(self, a, name):
        v = dict((k.lower(), v) for k, v in a).get(name)
        try:
            return max(1, int(v)) if v is not None else 1
        except ValueError:
            fail("non-numeric %s=%r" % (name, v))

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            if self.stack:
                self.stack[-1]["nested"] = True
            self.stack.append({"groups": [[]], "cell": None, "nested": False, "text": []})
        elif not self.stack:
            return
        elif tag in ("thead", "tbody", "tfoot"):
            t = self.stack[-1]
            if t["groups"][-1]:
                t["groups"].append([])
        elif tag == "tr":
            self.stack[-1]["groups"][-1].append([])
            self.stack[-1]["cell"] = None
        elif tag in ("td", "th"):
            t = self.stack[-1]
            if not t["groups"][-1]:
                t["groups"][-1].append([])
            c = [self._int(attrs, "rowspan"), self._int(attrs, "colspan"), ""]
            t["groups"][-1][-1].append(c)
            t["cell"] = c

    def handle_endtag(self, tag):
        if not self.stack:
            return
        if tag == "table":
            t = self.stack.pop()
            self.tables.append(t)
        elif tag in ("td", "th"):
            self.stack[-1]["cell"] = None
        elif tag in ("thead", "tbody", "tfoot"):
            self.stack[-1]["groups"].append([])

    def handle_data(self, data):
        if self.stack:
            self.stack[-1]["text"].append(data)
            if self.stack[-1]["cell"] is not None:
                self.stack[-1]["cell"][2] += data


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


NUM_RE = re.compile(r"^([-+]?\d[\d,]*(?:\.\d+)?)(万元|元)?$")
MARKS = {"/", "—", "-", "无", "--", "——"}


def printed(text):
    """(value, mark, unit) for a data cell's text, None for a blank or a label."""
    t = norm(text)
    if t == "":
        return None
    m = NUM_RE.match(t)
    if m:
        return (parse_number(m.group(1).replace(",", "")), None, m.group(2))
    if t in MARKS:
        return (None, t, None)
    return None


def verify_html(name, text, expected_cells):
    p = TableGrids()
    p.feed(text)
    p.close()
    if p.stack:
        fail("%s: unclosed <table>" % name)
    seq = []
    data_tables = 0
    for ti, t in enumerate(p.tables):
        for gi, g in enumerate(t["groups"]):
            g = [r for r in g]
            if g:
                grid_widths([[(c[0], c[1]) for c in r] for r in g], "%s table %d row group %d" % (name, ti + 1, gi + 1))
        alltext = "".join(t["text"])
        if t["nested"] or not any(m in alltext for m in ("第二十条", "申请人情况", "行政复议")):
            continue
        data_tables += 1
        for g in t["groups"]:
            for r in g:
                for c in r:
                    v = printed(c[2])
                    if v is not None:
                        seq.append(v)
    if data_tables != 3:
        fail("%s: %d data tables, expected 3" % (name, data_tables))
    want = []
    for c in expected_cells:
        if c["value"] is None and c["mark"] == "":
            continue
        mark = norm(c["mark"]) if c["mark"] is not None else None
        want.append((c["value"], mark, c.get("unit")))
    if seq != want:
        i = next((k for k, (a, b) in enumerate(zip(seq, want)) if a != b), min(len(seq), len(want)))
        fail("%s: data cells in document order differ from the expected cells at non-blank cell %d: "
             "html %r vs expected %r (%d vs %d cells)" % (name, i, seq[i:i + 3], want[i:i + 3], len(seq), len(want)))


def declared_encoding(data):
    m = re.search(rb"<meta[^>]*charset=[\"']?([A-Za-z0-9_-]+)", data[:2048], re.I)
    return m.group(1).decode("ascii").lower() if m else "utf-8"


# ---------------------------------------------------------------------------------------------------------------
# Fixtures

FIXTURES = [
    # name, seed prefix, builder, encoding, messiness tags, variant
    ("word-mso-003", "003", fixture_word_mso, "utf-8",
     ["word-html", "mso-conditional-comments", "split-runs", "wrapped-header-cells", "misaligned-columns-row"], None),
    ("word-mso-002", "002", fixture_word_mso, "utf-8",
     ["word-html", "mso-conditional-comments", "split-runs", "wrapped-header-cells", "misaligned-columns-row",
      "empty-fourth-column"], None),
    ("portal-chrome-004", "004", fixture_portal_chrome, "utf-8",
     ["page-chrome", "scripts-with-numbers", "info-table", "other-report-titles", "preamble"], None),
    ("one-line-001", "001", fixture_one_line, "utf-8", ["one-line"], None),
    ("gbk-002", "002", lambda r, c, n: fixture_gbk(r, c, n, "gb2312"), "gbk",
     ["gbk", "label-gb2312", "gbk-only-character", "closing"], None),
    ("gbk-charset-003", "003", lambda r, c, n: fixture_gbk(r, c, n, "gbk"), "gbk", ["gbk", "label-gbk"], None),
    ("th-headers-004", "004", fixture_th_headers, "utf-8",
     ["th-headers", "thead-tbody", "nbsp-filler-headers", "br-in-headers", "wrapped-numbers"], None),
    ("spans-everywhere-003", "003", fixture_spans, "utf-8", ["spans", "split-headings"], None),
    ("spans-everywhere-002", "002", fixture_spans, "utf-8", ["spans", "split-headings"], None),
    ("span-hazard", "000", lambda r, c, n: fixture_spans(r, c, n, hazard=True), "utf-8",
     ["spans", "span-hazard", "attribute-syntax"], None),
    ("blank-cells-001", "001", fixture_blank_cells, "utf-8", ["blank-cells", "na-marks", "units"], "blank"),
    ("blank-cells-002", "002", fixture_blank_cells, "utf-8", ["blank-cells", "na-marks", "units"], "blank"),
    ("nested-layout-000", "000", fixture_nested_layout, "utf-8", ["layout-tables", "nbsp-indent"], None),
]


def expected_json(name, rep, cells, encoding, messiness, title):
    out = []
    for cid, table, row, col in edition_keys(rep.edition):
        c = cells[cid]
        d = {"table": table, "row": row, "col": col, "value": c.value, "mark": c.mark}
        if c.unit:
            d["unit"] = c.unit
        out.append(d)
    doc = {"id": name, "agency": rep.agency, "year": rep.year, "edition": rep.edition, "layout": "html",
           "encoding": {"utf-8": "UTF-8", "gbk": "GBK"}[encoding], "messiness": messiness, "title": title,
           "cells": out}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def readme(built):
    lines = ["# HTML fixtures", "",
             "Generated by `python3 tools/make-html-fixtures.py` from `Fixtures/golden/*.xml`; do not edit by hand.",
             "Each `NAME.html` has a `NAME.expected.json` in the format of `../shared/real/*.expected.json` (every",
             "cell of the edition's three tables in reading order). `blank-cells-*` are variants of their seed (some",
             "zero cells printed blank, as marks, or with a unit); all others carry the golden's values.", "",
             "| fixture | seed | edition | encoding | messiness |", "|---|---|---|---|---|"]
    for name, seed, edition, enc, mess in built:
        lines.append("| `%s.html` | %s | %s | %s | %s |" % (name, seed, edition, enc, ", ".join(mess)))
    return "\n".join(lines) + "\n"


def build_all():
    check_keys_against_shared()
    reports = {}
    for f in sorted(os.listdir(GOLDEN_DIR)):
        if f.endswith(".xml"):
            reports[f[:3]] = Report(os.path.join(GOLDEN_DIR, f))
    files = {}
    built = []
    for name, seed, builder, enc, mess, variant in FIXTURES:
        rep = reports[seed]
        cells = blank_variant(rep) if variant == "blank" else rep.copy_cells()
        for t in tables_for(rep, cells).values():
            ir_width_check(t, name)
        text = builder(rep, cells, name)
        data = text.encode(enc, "xmlcharrefreplace" if enc == "gbk" else "strict")  # &#160; as GBK pages have it
        # what a reader gets back
        decl = declared_encoding(data)
        if {"gb2312": "gbk", "gbk": "gbk", "utf-8": "utf-8"}.get(decl) != enc:
            fail("%s: declares charset %s but is written as %s" % (name, decl, enc))
        back = data.decode(enc)
        if enc == "gbk":
            try:
                data.decode("gb2312")
                fail("%s: decodes as GB2312; it must need GBK" % name)
            except UnicodeDecodeError:
                pass
        if name.startswith("one-line") and (b"\n" in data or b"\r" in data):
            fail("%s: has a line break" % name)
        exp = expected_json(name, rep, cells, enc, mess, rep.title)
        n_cells = len(edition_keys(rep.edition))
        if len(json.loads(exp)["cells"]) != n_cells:
            fail("%s: wrong cell count" % name)
        verify_html(name, back, json.loads(exp)["cells"])
        if rep.title not in re.sub(r"<[^>]+>|\n", "", back):
            fail("%s: title not in the text" % name)
        files[name + ".html"] = data
        files[name + ".expected.json"] = exp.encode("utf-8")
        built.append((name, rep.seed, rep.edition, {"utf-8": "UTF-8", "gbk": "GBK"}[enc], mess))
    files["README.md"] = readme(built).encode("utf-8")
    return files


def main():
    check = "--check" in sys.argv[1:]
    files = build_all()
    if check:
        bad = []
        for n, data in sorted(files.items()):
            p = os.path.join(OUT_DIR, n)
            if not os.path.exists(p) or open(p, "rb").read() != data:
                bad.append(n)
        extra = sorted(set(os.listdir(OUT_DIR)) - set(files)) if os.path.isdir(OUT_DIR) else []
        if bad or extra:
            fail("Fixtures/html is out of date: %s" % ", ".join(bad + ["extra " + e for e in extra]))
        print("Fixtures/html: %d files up to date" % len(files))
        return
    os.makedirs(OUT_DIR, exist_ok=True)
    for n, data in sorted(files.items()):
        with open(os.path.join(OUT_DIR, n), "wb") as fh:
            fh.write(data)
    print("wrote %d files to %s" % (len(files), os.path.relpath(OUT_DIR, os.getcwd())))


if __name__ == "__main__":
    main()
