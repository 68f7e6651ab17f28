/// The official layout of one table in one edition: blocks of rows × columns.
///
/// Readers match these labels, writers print them, checks name them. Defined once, in
/// ``ConceptTable``.
public struct TableSpec: Sendable {
    public let table: TableID
    public let edition: Edition
    /// The note printed in the top-left header cell (table 2's 勾稽关系 note) or nil.
    public let note: String?
    public let blocks: [BlockSpec]

    /// Every value-carrying (row, column) of the table, in reading order.
    public var concepts: [Concept] {
        blocks.flatMap { b in b.rows.flatMap { r in b.columns.map { c in ConceptTable.concept(table, r, c)! } } }
    }
}

/// A block of a table: table 1 has one per 第二十条 item, tables 2 and 3 have one.
public struct BlockSpec: Sendable {
    /// `item1`, `item5`, … for table 1; `main` for tables 2 and 3.
    public let key: String
    /// Caption row (第二十条第（一）项) or nil.
    public let caption: String?
    /// Label of the header's first cell (信息内容) or nil.
    public let headerLabel: String?
    public let columns: [ColumnSpec]
    public let rows: [RowSpec]
}

/// A value-carrying row. Group rows (（三）不予公开 …) appear only as `parents`.
public struct RowSpec: Sendable {
    /// Row part of the concept id; empty for table 3's single row.
    public let key: String
    /// The official label, e.g. "1.属于国家秘密".
    public let label: String
    /// Official group labels above this row, outermost first.
    public let parents: [String]
    /// Other wordings seen in the wild (punctuation and spacing differences are not listed:
    /// label matching normalises those).
    public let variants: [String]

    public init(_ key: String, _ label: String, parents: [String] = [], variants: [String] = []) {
        self.key = key; self.label = label; self.parents = parents; self.variants = variants
    }
}

/// A value-carrying column.
public struct ColumnSpec: Sendable {
    /// Column part of the concept id.
    public let key: String
    /// The official label, e.g. "本年制发件数".
    public let label: String
    /// Official group labels above this column, outermost first.
    public let parents: [String]
    public let kind: ValueKind
    public let variants: [String]

    public init(_ key: String, _ label: String, parents: [String] = [], kind: ValueKind = .count, variants: [String] = []) {
        self.key = key; self.label = label; self.parents = parents; self.kind = kind; self.variants = variants
    }
}

/// One of the six fixed sections of a report.
public enum SectionKind: Int, Sendable, Hashable, CaseIterable, Codable {
    case overview = 1
    case proactiveDisclosure = 2
    case applications = 3
    case reviewLitigation = 4
    case problems = 5
    case otherMatters = 6

    /// Stable ASCII id used in the XML.
    public var id: String {
        switch self {
        case .overview: return "overview"
        case .proactiveDisclosure: return "proactive-disclosure"
        case .applications: return "applications"
        case .reviewLitigation: return "review-litigation"
        case .problems: return "problems"
        case .otherMatters: return "other-matters"
        }
    }

    public init?(id: String) {
        guard let k = SectionKind.allCases.first(where: { $0.id == id }) else { return nil }
        self = k
    }

    /// The Chinese numeral of the heading (一 … 六).
    public var numeral: String { ["一", "二", "三", "四", "五", "六"][rawValue - 1] }

    /// The official heading title without its numbering, e.g. "总体情况".
    public var title: String { ConceptTable.sectionTitles[self]![0] }

    /// The official heading, e.g. "一、总体情况".
    public var heading: String { numeral + "、" + title }

    /// Every accepted wording of the title (official first).
    public var titleVariants: [String] { ConceptTable.sectionTitles[self]! }

    /// The table printed in this section, if any.
    public var table: TableID? {
        switch self {
        case .proactiveDisclosure: return .t1
        case .applications: return .t2
        case .reviewLitigation: return .t3
        default: return nil
        }
    }
}
