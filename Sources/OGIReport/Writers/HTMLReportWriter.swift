/// Prints a template document as one self-contained printable HTML page: UTF-8 with
/// `<meta charset>`, inline CSS (A4 print rules), no scripts and no external resources. Tables
/// carry the official merged cells as `rowspan`/`colspan` (from ``LayoutGrid``).
enum HTMLReportWriter {
    static func write(_ items: [TemplateWriter.Item]) -> String {
        var title = ""
        var body: [String] = []
        for item in items {
            switch item {
            case .title(let s):
                title = s
                body.append("<h1>\(escape(s))</h1>")
            case .note(let s):
                body.append("<p class=\"note\">\(escape(s))</p>")
            case .heading(let s, let level):
                body.append(level <= 1 ? "<h2>\(escape(s))</h2>" : "<h3>\(escape(s))</h3>")
            case .paragraph(let s):
                body.append("<p>\(escape(s))</p>")
            case .table(let id, let grid):
                body.append(table(id, grid))
            case .closing(let s):
                body.append("<p class=\"closing\">\(escape(s))</p>")
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    private static func table(_ id: TableID, _ grid: LayoutGrid) -> String {
        var out = ["<table class=\"\(id.rawValue)\">"]
        for line in grid.rows {
            var tr = "<tr>"
            for (_, cell) in line {
                let tag = cell.role == .value ? "td" : "th"
                var attrs = " class=\"\(cell.role.rawValue)\""
                if cell.rowspan > 1 { attrs += " rowspan=\"\(cell.rowspan)\"" }
                if cell.colspan > 1 { attrs += " colspan=\"\(cell.colspan)\"" }
                if let c = cell.concept { attrs += " data-concept=\"\(escape(c))\"" }
                tr += "<\(tag)\(attrs)>\(escape(cell.text))</\(tag)>"
            }
            out.append(tr + "</tr>")
        }
        out.append("</table>")
        return out.joined(separator: "\n")
    }

    static func escape(_ s: String) -> String { MarkupEscaping.escape(s) }

    private static let css = """
    @page { size: A4; margin: 20mm 18mm; }
    body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif;
           font-size: 12pt; line-height: 1.75; color: #000; background: #fff; max-width: 190mm; margin: 0 auto; padding: 12mm 10mm; }
    h1 { font-size: 18pt; text-align: center; font-weight: bold; margin: 0 0 1.2em; }
    h2 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif; font-size: 14pt; font-weight: bold; margin: 1.4em 0 0.6em; }
    h3 { font-size: 12pt; font-weight: bold; margin: 0.8em 0 0.4em; text-indent: 2em; }
    p { margin: 0 0 0.6em; text-indent: 2em; }
    p.note { text-indent: 0; border: 1px dashed #888; padding: 0.4em 0.8em; font-size: 10.5pt; color: #333; }
    p.closing { text-align: right; text-indent: 0; margin: 0; }
    p.closing:first-of-type { margin-top: 2em; }
    table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font-size: 10.5pt; line-height: 1.4; }
    th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: middle; }
    th { font-weight: normal; text-align: center; }
    th.caption { text-align: left; font-weight: bold; background: #f2f2f2; }
    table.t2 th.corner { font-size: 9pt; }
    table.t2 td.value { width: 6.5%; }
    th.rowLabel { text-align: left; }
    td.value { text-align: center; min-width: 1.8em; height: 1.6em; }
    table.t3 th, table.t3 td { padding: 3px 2px; }
    @media print { body { padding: 0; max-width: none; } tr { page-break-inside: avoid; } }
    """
}
