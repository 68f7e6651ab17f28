/// One table laid out as the official form prints it: a rectangular grid of rows whose cells
/// may span several rows and columns (the header block, the nested row labels, captions).
///
/// Built only from ``ConceptTable/spec(_:_:)``: labels, spans and nesting all come from the
/// spec's captions, header labels, note and the `parents` of its rows and columns. The text
/// writer prints every grid position (covered positions as empty cells); the HTML writer prints
/// the cells that start at a position with their `rowspan`/`colspan`.
struct LayoutGrid {
    /// What a grid cell holds; decides `<th>`/`<td>` and styling.
    enum Role: String {
        /// A block caption (第二十条第（一）项).
        case caption
        /// The top-left corner: 信息内容, or table 2's 勾稽关系 note.
        case corner
        /// A column label or a column group label.
        case columnHeader
        /// A row label or a row group label.
        case rowLabel
        /// A value cell.
        case value
    }

    struct Cell {
        var text: String
        var role: Role
        var rowspan: Int = 1
        var colspan: Int = 1
        /// The concept of a value cell.
        var concept: ConceptID?
    }

    /// Number of grid columns.
    let width: Int
    /// For each grid row, the cells that start in it with their starting column.
    let rows: [[(column: Int, cell: Cell)]]

    /// Lays out `spec`, filling value cells with `value(concept)`.
    init(spec: TableSpec, value: (ConceptID) -> String) {
        let labelColumns = LayoutGrid.labelDepth(spec)
        let width = labelColumns + (spec.blocks.map(\.columns.count).max() ?? 0)
        var rows: [[(column: Int, cell: Cell)]] = []

        for (blockIndex, block) in spec.blocks.enumerated() {
            if let caption = block.caption {
                rows.append([(0, Cell(text: caption, role: .caption, colspan: width))])
            }
            // Header block: `depth` rows of column labels, with the corner cell on its left.
            let depth = (block.columns.map(\.parents.count).max() ?? 0) + 1
            var header = Array(repeating: [(column: Int, cell: Cell)](), count: depth)
            let corner = block.headerLabel ?? (blockIndex == 0 ? spec.note : nil)
            if labelColumns > 0 {
                header[0].append((0, Cell(text: corner ?? "", role: .corner, rowspan: depth, colspan: labelColumns)))
            }
            for level in 0..<depth {
                var c = 0
                while c < block.columns.count {
                    let col = block.columns[c]
                    let path = col.parents + [col.label]
                    guard level < path.count else { c += 1; continue }  // covered by a leaf above
                    let prefix = Array(path[...level])
                    var end = c + 1
                    if level < col.parents.count {
                        while end < block.columns.count {
                            let next = block.columns[end]
                            let nextPath = next.parents + [next.label]
                            guard nextPath.count > level + 1, Array(nextPath[...level]) == prefix else { break }
                            end += 1
                        }
                    }
                    var span = end - c
                    if end == block.columns.count { span += width - labelColumns - block.columns.count }
                    let isLeaf = level == path.count - 1
                    header[level].append((labelColumns + c, Cell(text: path[level], role: .columnHeader,
                                                                 rowspan: isLeaf ? depth - level : 1, colspan: span)))
                    c = end
                }
            }
            rows += header

            // Data rows: nested row labels, then the values.
            for (r, row) in block.rows.enumerated() {
                var line: [(column: Int, cell: Cell)] = []
                if labelColumns > 0 {
                    for level in 0...row.parents.count {
                        if level < row.parents.count {
                            let prefix = Array(row.parents[...level])
                            // A group label starts at the first row of its group and spans the group.
                            if r > 0, LayoutGrid.hasPrefix(block.rows[r - 1], prefix) { continue }
                            var span = 1
                            while r + span < block.rows.count, LayoutGrid.hasPrefix(block.rows[r + span], prefix) { span += 1 }
                            line.append((level, Cell(text: row.parents[level], role: .rowLabel, rowspan: span)))
                        } else {
                            line.append((level, Cell(text: row.label, role: .rowLabel, colspan: labelColumns - level)))
                        }
                    }
                }
                for (c, col) in block.columns.enumerated() {
                    let id = ConceptTable.id(spec.table, rowKey: row.key, columnKey: col.key)
                    let span = c == block.columns.count - 1 ? width - labelColumns - c : 1
                    line.append((labelColumns + c, Cell(text: value(id), role: .value, colspan: span, concept: id)))
                }
                rows.append(line)
            }
        }
        self.width = width
        self.rows = rows
    }

    /// How many label columns the table has: the deepest row nesting, or 0 when no row has a
    /// label (table 3's single unlabeled row).
    static func labelDepth(_ spec: TableSpec) -> Int {
        let rows = spec.blocks.flatMap(\.rows)
        guard rows.contains(where: { !$0.label.isEmpty }) else { return 0 }
        return (rows.map(\.parents.count).max() ?? 0) + 1
    }

    private static func hasPrefix(_ row: RowSpec, _ prefix: [String]) -> Bool {
        row.parents.count >= prefix.count && Array(row.parents[..<prefix.count]) == prefix
    }

    /// The grid as plain rows of `width` strings, every position a span covers left empty. A
    /// cell's text is at its starting position, except a row label spanning several label
    /// columns: its text is at the last of them, next to the values, so that the values always
    /// directly follow the row label ("一、本年新收…" spans the three label columns of table 2;
    /// a reader that counts value cells from the label cannot mistake the merged cells for
    /// values).
    var plainRows: [[String]] {
        rows.map { line in
            var out = Array(repeating: "", count: width)
            for (c, cell) in line {
                let at = cell.role == .rowLabel ? c + cell.colspan - 1 : c
                if at < width { out[at] = cell.text }
            }
            return out
        }
    }
}
