import Foundation

/// How a value was present in the source. A blank is never silently a zero.
public enum Presence: String, Sendable, Hashable, CaseIterable, Codable {
    /// A number other than zero.
    case value
    /// An explicit zero ("0", "０").
    case zero
    /// An empty cell.
    case blank
    /// A not-applicable mark: "/", "-", "—", "无" ….
    case notApplicable = "not-applicable"
    /// Text that is not a number; the raw text is kept.
    case text
}

/// One cell of a statistical table: its concept, its number if any and how it was present.
public struct CellValue: Sendable, Hashable {
    public var concept: ConceptID
    public var presence: Presence
    /// The number when `presence` is `.value` or `.zero`, in `unit` (or the concept's default unit).
    public var number: Decimal?
    /// A unit written in the cell ("元", "万元"), if any.
    public var unit: String?
    /// The cell text as it was in the source, verbatim (nil for generated values).
    public var raw: String?
    /// True when the number was read from a doubtful cell (e.g. "增72"); checks then say UNCERTAIN.
    public var uncertain: Bool
    /// Where the cell was in the source.
    public var position: SourcePosition?

    public init(concept: ConceptID, presence: Presence, number: Decimal? = nil, unit: String? = nil,
                raw: String? = nil, uncertain: Bool = false, position: SourcePosition? = nil) {
        self.concept = concept; self.presence = presence; self.number = number; self.unit = unit
        self.raw = raw; self.uncertain = uncertain; self.position = position
    }

    /// A number value (zero becomes `.zero`).
    public static func number(_ concept: ConceptID, _ n: Decimal, raw: String? = nil, position: SourcePosition? = nil) -> CellValue {
        CellValue(concept: concept, presence: n == 0 ? .zero : .value, number: n, raw: raw, position: position)
    }

    /// A blank cell.
    public static func blank(_ concept: ConceptID, position: SourcePosition? = nil) -> CellValue {
        CellValue(concept: concept, presence: .blank, position: position)
    }

    /// True when the cell holds a usable number.
    public var hasNumber: Bool { (presence == .value || presence == .zero) && number != nil }
}
