/// Blank reports: the official skeleton an agency fills in.
public enum BlankReport {
    /// The first and last year a template can be made for.
    public static let years = 2008...2100

    /// The official title, "{agency}{year}年政府信息公开工作年度报告" (without the year when it is
    /// unknown).
    public static func title(agency: String, year: Int?) -> String {
        agency + (year.map { "\($0)年" } ?? "") + "政府信息公开工作年度报告"
    }

    /// A blank report: metadata (agency, year, official title, edition), the six sections with
    /// their official headings (in edition 2021, section 一 holds the five sub-topics as
    /// sub-headings （一）…（五）), and the three tables with every cell of the edition blank.
    public static func make(agency: String, year: Int, edition: Edition = .e2021) -> Report {
        var sections = SectionKind.allCases.map { Section(kind: $0) }
        if edition == .e2021 {
            // The sub-topics are numbered （一）…（五） with the same numerals as the sections.
            sections[0].blocks = ConceptTable.overviewSubtopics2021.enumerated().map { i, topic in
                Block(.heading, "（" + (SectionKind(rawValue: i + 1)?.numeral ?? "") + "）" + topic)
            }
        }
        return Report(
            metadata: Metadata(agency: agency, year: year, title: title(agency: agency, year: year), edition: edition),
            sections: sections,
            tables: blankTables(edition))
    }

    /// The three tables of an edition with every cell blank.
    public static func blankTables(_ edition: Edition) -> [StatTable] {
        TableID.allCases.map { t in
            StatTable(id: t, cells: ConceptTable.concepts(t, edition).map { CellValue.blank($0.id) })
        }
    }
}
