#!/usr/bin/env python3
"""Independent cell-by-cell check of golden XML against the seed text.

Run from the package root: python3 tools/check-golden-cells.py [GOLDEN_DIR]   (default Fixtures/golden)

For every value cell of every Fixtures/golden/NAME.xml it checks, against Fixtures/seeds/NAME.txt and
without using any ogi code:
  1. provenance: the source line `line`, from column `column`, starts with the cell's raw text;
  2. number: the raw text, stripped and with full-width digits folded, is the cell's number;
  3. concept: the row label found in the source next to the value (tab layout: the last text cell
     before it on its line; one-cell-per-line layout: the last text line before it in its
     blank-line-separated block) and the value's position among the numbers of its row give the
     concept id through the row/column tables typed in below from the national format;
  4. completeness: every number in the source's table sections (二 … 四) is used by exactly one cell.
Expected editions are typed in per seed (from reading the seeds' section 二 headers).
Prints one line per cell with -v. Exit status 1 on any mismatch.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:ogi:annual-report:1}"
EDITIONS = {"000": "2021", "001": "2021", "002": "2019", "003": "2021", "004": "2021"}

T1_ROWS = {"规章": "regulations", "行政规范性文件": "normativeDocs", "规范性文件": "normativeDocs",
           "行政许可": "licensing", "其他对外管理服务事项": "otherServices", "行政处罚": "penalty",
           "行政强制": "enforcement", "行政事业性收费": "fees", "政府集中采购": "procurement"}
T1_COLS = {
    "2021": {"regulations": ["issued", "repealed", "inForce"], "normativeDocs": ["issued", "repealed", "inForce"],
             "licensing": ["decisions"], "penalty": ["decisions"], "enforcement": ["decisions"], "fees": ["feeAmount"]},
    "2019": {"regulations": ["newlyMade", "newlyPublished", "publishedTotal"],
             "normativeDocs": ["newlyMade", "newlyPublished", "publishedTotal"],
             "licensing": ["previousItems", "change", "decisions"], "otherServices": ["previousItems", "change", "decisions"],
             "penalty": ["previousItems", "change", "decisions"], "enforcement": ["previousItems", "change", "decisions"],
             "fees": ["previousItems", "change"], "procurement": ["projects", "amount"]},
}
T2_ROWS = {
    "一、本年新收政府信息公开申请数量": "received", "二、上年结转政府信息公开申请数量": "carriedOver",
    "(一)予以公开": "disclosed", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)": "partlyDisclosed",
    "1.属于国家秘密": "withheld.stateSecret", "2.其他法律行政法规禁止公开": "withheld.lawProhibited",
    "3.危及“三安全一稳定”": "withheld.threeSecurities", "4.保护第三方合法权益": "withheld.thirdParty",
    "5.属于三类内部事务信息": "withheld.internalAffairs", "6.属于四类过程性信息": "withheld.process",
    "7.属于行政执法案卷": "withheld.enforcementFile", "8.属于行政查询事项": "withheld.queryMatter",
    "1.本机关不掌握相关政府信息": "unavailable.notHeld", "2.没有现成信息需要另行制作": "unavailable.needsCreation",
    "3.补正后申请内容仍不明确": "unavailable.unclear",
    "1.信访举报投诉类申请": "notProcessed.petition", "2.重复申请": "notProcessed.repeated",
    "3.要求提供公开出版物": "notProcessed.publication", "4.无正当理由大量反复申请": "notProcessed.massRepeated",
    "5.要求行政机关确认或重新出具已获取信息": "notProcessed.confirmation",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": "otherProcessing.noCorrection",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": "otherProcessing.unpaidFee",
    "3.其他": "otherProcessing.other", "(六)其他处理": "otherProcessing", "(七)总计": "total",
    "四、结转下年度继续办理": "carriedForward",
}
T2_COLS = ["naturalPerson", "commercial", "research", "publicWelfare", "legalService", "otherOrg", "total"]
T3_COLS = [g + "." + c for g in ["review", "suitDirect", "suitAfterReview"]
           for c in ["upheld", "corrected", "other", "pending", "total"]]

FOLD = {chr(0xFF01 + i): chr(0x21 + i) for i in range(94)}
FOLD["\u3000"] = " "


def fold(s):
    return "".join(FOLD.get(c, c) for c in s)


def norm(label):
    return re.sub(r"\s+", "", fold(label))


NUM = re.compile(r"^[+-]?\d+(\.\d+)?$")


def is_num(cell):
    return bool(NUM.match(fold(cell).strip()))


def section_ranges(lines):
    """Line numbers (1-based) of the table sections: from 二、 to 五、."""
    start = next(i for i, l in enumerate(lines) if re.match(r"^\s*二、主动公开", l)) + 1
    end = next(i for i, l in enumerate(lines) if re.match(r"^\s*五、", l)) + 1
    return start, end


def source_cells(lines, start, end):
    """Every numeric cell in the table sections: (line, column) → (row label, index in row, table)."""
    cells = {}
    table = "t1"
    block_label, block_k = None, 0
    for n in range(start, end):
        line = lines[n - 1]
        s = line.strip()
        if re.match(r"^三、收到", s):
            table = "t2"; continue
        if re.match(r"^四、(政府信息公开行政复议|因政府)", s):
            table = "t3"; continue
        if "\t" in line and len([c for c in line.split("\t") if c.strip()]) > 1:
            col = 1
            label, k = None, 0
            for c in line.split("\t"):
                if c.strip():
                    if is_num(c):
                        cells[(n, col)] = (label, k, table, c); k += 1
                    else:
                        label = c.strip()
                col += len(c) + 1
            continue
        # one cell per line
        if not s:
            block_label, block_k = None, 0
            continue
        cell = line.lstrip("\t")
        col = len(line) - len(cell) + 1
        if is_num(cell):
            cells[(n, col)] = (block_label, block_k, table, cell); block_k += 1
        else:
            block_label = s
    return cells


def main():
    gdir = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "Fixtures/golden"
    verbose = "-v" in sys.argv
    bad = 0
    total = 0
    for name in sorted(os.listdir(gdir)):
        if not name.endswith(".xml"):
            continue
        stem = name[:-4]
        with open(os.path.join("Fixtures/seeds", stem + ".txt"), encoding="utf-8") as f:
            lines = f.read().split("\n")
        root = ET.parse(os.path.join(gdir, name)).getroot()
        edition = root.get("edition")
        if edition != EDITIONS[stem[:3]]:
            print(f"{name}: edition {edition}, expected {EDITIONS[stem[:3]]}"); bad += 1
        start, end = section_ranges(lines)
        src = source_cells(lines, start, end)
        used = set()
        for el in root.iter():
            concept = el.get("concept")
            if concept is None or el.get("line") is None:
                continue
            total += 1
            line, col, raw = int(el.get("line")), int(el.get("column")), el.get("raw") or ""
            text = lines[line - 1]
            problems = []
            if not text[col - 1:].startswith(raw):
                problems.append(f"source {line}:{col} does not start with raw {raw!r}")
            num = el.get("number")
            if num is not None and fold(raw).strip().lstrip("+") != num.lstrip("+"):
                problems.append(f"number {num} vs raw {raw!r}")
            info = src.get((line, col))
            if info is None:
                problems.append("not a numeric cell of a table section")
                expected = "?"
            else:
                used.add((line, col))
                label, k, table, _ = info
                if table == "t3":
                    expected = "t3." + T3_COLS[k] if k < len(T3_COLS) else "?"
                elif table == "t2":
                    row = T2_ROWS.get(norm(label or ""), "?")
                    expected = f"t2.{row}.{T2_COLS[k]}" if k < len(T2_COLS) else "?"
                else:
                    row = T1_ROWS.get(norm(label or ""), "?")
                    cols = T1_COLS[EDITIONS[stem[:3]]].get(row, [])
                    expected = f"t1.{row}.{cols[k]}" if k < len(cols) else "?"
                if expected != concept:
                    problems.append(f"source says {expected} (label {label!r}, position {k + 1})")
            if verbose or problems:
                print(f"{name} {concept:45} {num!s:>6} raw={raw!r:8} @{line}:{col} {'OK' if not problems else '; '.join(problems)}")
            bad += bool(problems)
        for pos in sorted(set(src) - used):
            print(f"{name}: source number {src[pos][3]!r} at {pos[0]}:{pos[1]} is in no cell"); bad += 1
        print(f"{name}: {len(used)} cells checked against {len(src)} source numbers, edition {edition}")
    print(f"{total} cells, {bad} problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
