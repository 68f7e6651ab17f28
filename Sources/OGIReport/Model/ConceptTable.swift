/// The one concept table: every statistic of both editions, its id, its official labels per
/// edition and its value kind. Readers, writers, checks and the XSD all derive from it.
public enum ConceptTable {

    // MARK: Sections

    /// Official section titles (first) and known variant wordings.
    public static let sectionTitles: [SectionKind: [String]] = [
        .overview: ["总体情况"],
        .proactiveDisclosure: ["主动公开政府信息情况"],
        .applications: ["收到和处理政府信息公开申请情况"],
        .reviewLitigation: [
            "政府信息公开行政复议、行政诉讼情况",
            "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
        ],
        .problems: ["存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况"],
        .otherMatters: ["其他需要报告的事项"],
    ]

    /// The five sub-topics the 2021 edition asks for under section 一.
    public static let overviewSubtopics2021 = ["主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"]

    // MARK: Table 1

    private static func t1Item(_ n: String) -> String { "第二十条第（\(n)）项" }
    private static let contentLabel = "信息内容"

    static let t1_2021 = TableSpec(table: .t1, edition: .e2021, note: nil, blocks: [
        BlockSpec(key: "item1", caption: t1Item("一"), headerLabel: contentLabel,
                  columns: [ColumnSpec("issued", "本年制发件数"),
                            ColumnSpec("repealed", "本年废止件数"),
                            ColumnSpec("inForce", "现行有效件数")],
                  rows: [RowSpec("regulations", "规章"),
                         RowSpec("normativeDocs", "行政规范性文件", variants: ["规范性文件"])]),
        BlockSpec(key: "item5", caption: t1Item("五"), headerLabel: contentLabel,
                  columns: [ColumnSpec("decisions", "本年处理决定数量", variants: ["处理决定数量"])],
                  rows: [RowSpec("licensing", "行政许可")]),
        BlockSpec(key: "item6", caption: t1Item("六"), headerLabel: contentLabel,
                  columns: [ColumnSpec("decisions", "本年处理决定数量", variants: ["处理决定数量"])],
                  rows: [RowSpec("penalty", "行政处罚"), RowSpec("enforcement", "行政强制")]),
        BlockSpec(key: "item8", caption: t1Item("八"), headerLabel: contentLabel,
                  columns: [ColumnSpec("feeAmount", "本年收费金额（单位：万元）", kind: .amountWan,
                                       variants: ["本年收费金额（万元）", "本年收费金额"])],
                  rows: [RowSpec("fees", "行政事业性收费")]),
    ])

    private static let t1_2019_changeColumns = [
        ColumnSpec("previousItems", "上一年项目数量"),
        ColumnSpec("change", "本年增/减", kind: .signedCount, variants: ["本年增减", "本年增／减"]),
    ]

    static let t1_2019 = TableSpec(table: .t1, edition: .e2019, note: nil, blocks: [
        BlockSpec(key: "item1", caption: t1Item("一"), headerLabel: contentLabel,
                  columns: [ColumnSpec("newlyMade", "本年新制作数量"),
                            ColumnSpec("newlyPublished", "本年新公开数量"),
                            ColumnSpec("publishedTotal", "对外公开总数量")],
                  rows: [RowSpec("regulations", "规章"),
                         RowSpec("normativeDocs", "规范性文件", variants: ["行政规范性文件"])]),
        BlockSpec(key: "item5", caption: t1Item("五"), headerLabel: contentLabel,
                  columns: t1_2019_changeColumns + [ColumnSpec("decisions", "处理决定数量", variants: ["本年处理决定数量"])],
                  rows: [RowSpec("licensing", "行政许可"), RowSpec("otherServices", "其他对外管理服务事项")]),
        BlockSpec(key: "item6", caption: t1Item("六"), headerLabel: contentLabel,
                  columns: t1_2019_changeColumns + [ColumnSpec("decisions", "处理决定数量", variants: ["本年处理决定数量"])],
                  rows: [RowSpec("penalty", "行政处罚"), RowSpec("enforcement", "行政强制")]),
        BlockSpec(key: "item8", caption: t1Item("八"), headerLabel: contentLabel,
                  columns: t1_2019_changeColumns,
                  rows: [RowSpec("fees", "行政事业性收费")]),
        BlockSpec(key: "item9", caption: t1Item("九"), headerLabel: contentLabel,
                  columns: [ColumnSpec("projects", "采购项目数量"),
                            ColumnSpec("amount", "采购总金额", kind: .amountWithUnit)],
                  rows: [RowSpec("procurement", "政府集中采购")]),
    ])

    // MARK: Table 2

    /// The 勾稽关系 note printed in table 2's top-left header cell.
    public static let t2Note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

    static let t2Columns: [ColumnSpec] = {
        let top = "申请人情况", org = "法人或其他组织"
        return [
            ColumnSpec("naturalPerson", "自然人", parents: [top]),
            ColumnSpec("commercial", "商业企业", parents: [top, org]),
            ColumnSpec("research", "科研机构", parents: [top, org]),
            ColumnSpec("publicWelfare", "社会公益组织", parents: [top, org]),
            ColumnSpec("legalService", "法律服务机构", parents: [top, org]),
            ColumnSpec("otherOrg", "其他", parents: [top, org]),
            ColumnSpec("total", "总计", parents: [top]),
        ]
    }()

    static func t2Rows(_ edition: Edition) -> [RowSpec] {
        let results = "三、本年度办理结果"
        let withheld = "（三）不予公开", unavailable = "（四）无法提供"
        let notProcessed = "（五）不予处理", other = "（六）其他处理"
        var rows: [RowSpec] = [
            RowSpec("received", "一、本年新收政府信息公开申请数量"),
            RowSpec("carriedOver", "二、上年结转政府信息公开申请数量"),
            RowSpec("disclosed", "（一）予以公开", parents: [results]),
            RowSpec("partlyDisclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", parents: [results],
                    variants: ["（二）部分公开"]),
        ]
        let w = [("stateSecret", "1.属于国家秘密"), ("lawProhibited", "2.其他法律行政法规禁止公开"),
                 ("threeSecurities", "3.危及“三安全一稳定”"), ("thirdParty", "4.保护第三方合法权益"),
                 ("internalAffairs", "5.属于三类内部事务信息"), ("process", "6.属于四类过程性信息"),
                 ("enforcementFile", "7.属于行政执法案卷"), ("queryMatter", "8.属于行政查询事项")]
        rows += w.map { RowSpec("withheld." + $0.0, $0.1, parents: [results, withheld]) }
        let u = [("notHeld", "1.本机关不掌握相关政府信息"), ("needsCreation", "2.没有现成信息需要另行制作"),
                 ("unclear", "3.补正后申请内容仍不明确")]
        rows += u.map { RowSpec("unavailable." + $0.0, $0.1, parents: [results, unavailable]) }
        let n = [("petition", "1.信访举报投诉类申请"), ("repeated", "2.重复申请"), ("publication", "3.要求提供公开出版物"),
                 ("massRepeated", "4.无正当理由大量反复申请"), ("confirmation", "5.要求行政机关确认或重新出具已获取信息")]
        rows += n.map { RowSpec("notProcessed." + $0.0, $0.1, parents: [results, notProcessed]) }
        switch edition {
        case .e2019:
            rows.append(RowSpec("otherProcessing", other, parents: [results]))
        case .e2021:
            let o = [("noCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                     ("unpaidFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                     ("other", "3.其他")]
            rows += o.map { RowSpec("otherProcessing." + $0.0, $0.1, parents: [results, other]) }
        }
        rows.append(RowSpec("total", "（七）总计", parents: [results]))
        rows.append(RowSpec("carriedForward", "四、结转下年度继续办理"))
        return rows
    }

    // Built once: `spec` is called for every row of every table read.
    static let t2_2019 = t2(.e2019), t2_2021 = t2(.e2021)
    static let t3_2019 = t3(.e2019), t3_2021 = t3(.e2021)

    static func t2(_ edition: Edition) -> TableSpec {
        TableSpec(table: .t2, edition: edition, note: t2Note,
                  blocks: [BlockSpec(key: "main", caption: nil, headerLabel: nil, columns: t2Columns, rows: t2Rows(edition))])
    }

    // MARK: Table 3

    static let t3Columns: [ColumnSpec] = {
        let five = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"),
                    ("pending", "尚未审结"), ("total", "总计")]
        let groups: [(String, [String])] = [("review", ["行政复议"]),
                                            ("suitDirect", ["行政诉讼", "未经复议直接起诉"]),
                                            ("suitAfterReview", ["行政诉讼", "复议后起诉"])]
        return groups.flatMap { g in five.map { ColumnSpec(g.0 + "." + $0.0, $0.1, parents: g.1) } }
    }()

    static func t3(_ edition: Edition) -> TableSpec {
        TableSpec(table: .t3, edition: edition, note: nil,
                  blocks: [BlockSpec(key: "main", caption: nil, headerLabel: nil, columns: t3Columns, rows: [RowSpec("", "")])])
    }

    // MARK: Lookup

    /// The layout of a table in an edition.
    public static func spec(_ table: TableID, _ edition: Edition) -> TableSpec {
        switch (table, edition) {
        case (.t1, .e2019): return t1_2019
        case (.t1, .e2021): return t1_2021
        case (.t2, .e2019): return t2_2019
        case (.t2, .e2021): return t2_2021
        case (.t3, .e2019): return t3_2019
        case (.t3, .e2021): return t3_2021
        }
    }

    /// The three table layouts of an edition, in report order.
    public static func specs(_ edition: Edition) -> [TableSpec] { TableID.allCases.map { spec($0, edition) } }

    /// Builds the concept id of a (table, row, column).
    public static func id(_ table: TableID, rowKey: String, columnKey: String) -> ConceptID {
        ([table.rawValue] + (rowKey.isEmpty ? [] : [rowKey]) + [columnKey]).joined(separator: ".")
    }

    /// Every concept of both editions, in a stable order in which each edition's reading order
    /// (``concepts(_:)``) is a subsequence: the canonical order of cells.
    public static let all: [Concept] = buildAll()

    /// Concepts by id.
    public static let byID: [ConceptID: Concept] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// Position of each concept in ``all``; the canonical order of cells.
    public static let order: [ConceptID: Int] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.id, $0) })

    /// The concepts of one edition, in that edition's reading order.
    public static func concepts(_ edition: Edition) -> [Concept] { specs(edition).flatMap(\.concepts) }

    /// The concepts of one table in one edition, in reading order.
    public static func concepts(_ table: TableID, _ edition: Edition) -> [Concept] { spec(table, edition).concepts }

    static func concept(_ table: TableID, _ row: RowSpec, _ column: ColumnSpec) -> Concept? {
        byID[id(table, rowKey: row.key, columnKey: column.key)]
    }

    private static func buildAll() -> [Concept] {
        struct Acc { var table: TableID; var block: String; var row: String; var col: String; var kind: ValueKind
                     var labels: [Edition: ConceptLabel] }
        // Start from the 2019 reading order; insert each 2021-only concept right after the
        // previous 2021 concept, so both editions' reading orders are subsequences.
        var order: [ConceptID] = []
        var acc: [ConceptID: Acc] = [:]
        for edition in [Edition.e2019, .e2021] {
            var cursor = -1
            for spec in TableID.allCases.map({ spec($0, edition) }) {
                for b in spec.blocks {
                    for r in b.rows {
                        for c in b.columns {
                            let cid = id(spec.table, rowKey: r.key, columnKey: c.key)
                            let label = ConceptLabel(caption: b.caption, rowParents: r.parents, row: r.label,
                                                     columnParents: c.parents, column: c.label)
                            if acc[cid] == nil {
                                cursor += 1
                                order.insert(cid, at: cursor)
                                acc[cid] = Acc(table: spec.table, block: b.key, row: r.key, col: c.key, kind: c.kind, labels: [:])
                            } else {
                                let at = order.firstIndex(of: cid)!
                                precondition(at > cursor, "editions order \(cid) differently")
                                cursor = at
                            }
                            precondition(acc[cid]!.kind == c.kind, "concept \(cid) changes kind between editions")
                            acc[cid]!.labels[edition] = label
                        }
                    }
                }
            }
        }
        return order.map { cid in
            let a = acc[cid]!
            return Concept(id: cid, table: a.table, block: a.block, rowKey: a.row, columnKey: a.col, kind: a.kind,
                           editions: Set(a.labels.keys), labels: a.labels)
        }
    }
}
