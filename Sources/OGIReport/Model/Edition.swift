/// The edition of the national table format a report uses.
///
/// Detected from the table headers, never from the report year: later reports on the
/// 2019 tables exist ("2024-style" tables with the added columns).
public enum Edition: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// 国办公开办函〔2019〕60号: section 二 has 上一年项目数量 / 本年增/减 and 第二十条第（九）项.
    case e2019 = "2019"
    /// 国办公开办函〔2021〕30号: section 二 has 本年制发件数 …; 其他处理 has three sub-rows.
    case e2021 = "2021"

    public static func < (a: Edition, b: Edition) -> Bool { a.rawValue < b.rawValue }
}

/// The three statistical tables of a report.
public enum TableID: String, Sendable, Hashable, CaseIterable, Codable {
    /// 主动公开政府信息情况 (section 二).
    case t1
    /// 收到和处理政府信息公开申请情况 (section 三).
    case t2
    /// 政府信息公开行政复议、行政诉讼情况 (section 四).
    case t3

    /// The section the table belongs to.
    public var section: SectionKind {
        switch self {
        case .t1: return .proactiveDisclosure
        case .t2: return .applications
        case .t3: return .reviewLitigation
        }
    }
}

/// What kind of number a concept holds; decides parsing, the XSD type and printing.
public enum ValueKind: String, Sendable, Hashable, Codable {
    /// A non-negative integer.
    case count
    /// A signed integer (本年增/减).
    case signedCount = "signed-count"
    /// A non-negative decimal amount in 万元 (本年收费金额).
    case amountWan = "amount-wan"
    /// A non-negative decimal amount whose unit is often written in the cell (采购总金额: "2560万元").
    case amountWithUnit = "amount-unit"
}
