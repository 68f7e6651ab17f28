import CLibXML2
import Foundation
import Testing
@testable import OGIReport

@Suite struct SchemaTests {
    @Test func committedSchemaIsTheGeneratedOne() throws {
        let committed = try String(contentsOf: Fixtures.root.appendingPathComponent("Schema/ogi-report-1.xsd"), encoding: .utf8)
        #expect(committed == SchemaGenerator.xsd, "regenerate with: swift run ogi schema > Schema/ogi-report-1.xsd")
        #expect(SchemaGenerator.xsd.hasSuffix("</xs:schema>\n"))
        #expect(!SchemaGenerator.xsd.contains("\r"))
    }

    @Test func schemaCompiles() {
        #expect(compiledSchema.schema != nil, "\(compiledSchema.diagnostics.map(\.description))")
        #expect(compiledSchema.diagnostics.isEmpty)
    }

    /// Concept ids are checked in code (``CanonicalXMLRules``), not by enumerations: the XSD
    /// has one lean `ConceptId` token type and no identity constraints, and says so; the small
    /// enumerations (sections, presence) stay in the XSD and agree with the model.
    @Test func conceptIdsAreCheckedInCodeNotInTheXSD() throws {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("Schema/ogi-report-1.xsd"))
        let sink = XMLErrorSink(fileName: "xsd")
        let parsed = try #require(XMLParsing.parse(data, sink: sink))
        var enums: [String: [String]] = [:]
        var constraints = 0
        func walk(_ node: xmlNodePtr, _ typeName: String?) {
            for el in XMLNode.elements(node) {
                let name = XMLNode.name(el)
                var t = typeName
                if name == "simpleType", let n = XMLNode.attribute(el, "name") { t = n }
                if name == "enumeration", let t, let v = XMLNode.attribute(el, "value") { enums[t, default: []].append(v) }
                if ["unique", "key", "keyref"].contains(name) { constraints += 1 }
                walk(el, t)
            }
        }
        walk(try #require(parsed.root), nil)
        #expect(constraints == 0)
        #expect(enums.keys.filter { $0.hasPrefix("Concept") }.isEmpty)
        #expect(SchemaGenerator.xsd.contains("<xs:simpleType name=\"ConceptId\">"))
        for line in CanonicalXMLRules.documentation { #expect(SchemaGenerator.xsd.contains(MarkupEscaping.escape(line)), "\(line)") }
        #expect(enums["SectionKind"] == SectionKind.allCases.map(\.id))
        #expect(enums["Presence"] == Presence.allCases.map(\.rawValue))
    }

    /// Every concept validates in its own table, edition and element; in another table, or under
    /// the element of another value kind, it is refused with a message saying so; twice in a
    /// table it is refused at the second one.
    @Test func conceptsAreCheckedAgainstTheConceptTable() {
        func diags(_ edition: Edition, _ table: TableID, _ cells: [(String, String)]) -> [Diagnostic] {
            let body = cells.map { "<\($0.0) concept=\"\($0.1)\" presence=\"blank\"/>" }.joined(separator: "\n")
            let xml = """
                <report xmlns="\(CanonicalXML.namespace)" schemaVersion="1.1" edition="\(edition.rawValue)"><metadata/>
                <tables\(edition.rawValue) edition="\(edition.rawValue)"><\(table.rawValue)>
                \(body)
                </\(table.rawValue)></tables\(edition.rawValue)></report>
                """
            return SchemaValidator.shared.validate(Data(xml.utf8), fileName: "c.xml")
        }
        for e in Edition.allCases {
            for c in ConceptTable.concepts(e) {
                let element = XMLName.cell(c.kind)
                #expect(diags(e, c.table, [(element, c.id)]).isEmpty, "\(c.id)")
                let twice = diags(e, c.table, [(element, c.id), (element, c.id)])
                #expect(twice.map(\.description) == ["c.xml:4: error: Element '\(element)', attribute 'concept': '\(c.id)' appears more than once in table \(c.table.rawValue) (first on line 3)"])
                let other = TableID.allCases.first { $0 != c.table }!
                let otherElement = XMLName.cell(ConceptTable.concepts(other, e)[0].kind)
                #expect(diags(e, other, [(otherElement, c.id)]).first?.message
                    .contains("belongs in table \(c.table.rawValue), not in \(other.rawValue)") == true, "\(c.id)")
            }
        }
        // A known element of the table under the wrong kind (table 1 of 2021 has counts and amountWan).
        let amount = ConceptTable.concepts(.t1, .e2021).first { $0.kind == .amountWan }!
        #expect(diags(.e2021, .t1, [("count", amount.id)]).first?.message
            .contains("holds a \(amount.kind.rawValue) value: write it as <amountWan>, not <count>") == true)
        #expect(diags(.e2021, .t2, [("count", " t2.received.total ")]).isEmpty, "whitespace around a token is ignored, as by the schema")
        #expect(diags(.e2021, .t2, [("count", "t2.nope")]).first?.description
            == "c.xml:3: error: Element 'count', attribute 'concept': 't2.nope' is not a concept id of the concept table")
        // A check's ref names any concept of the concept table.
        let checks = (try? Fixtures.string("canonical/valid/with-checks.xml")) ?? ""
        var lines = checks.components(separatedBy: "\n")
        let i = lines.firstIndex { $0.contains("<ref concept=\"") }!
        let old = lines[i].components(separatedBy: "concept=\"")[1].components(separatedBy: "\"")[0]
        lines[i] = lines[i].replacingOccurrences(of: "concept=\"\(old)\"", with: "concept=\"t9.unknown\"")
        let d = SchemaValidator.shared.validate(Data(lines.joined(separator: "\n").utf8), fileName: "r.xml")
        #expect(d.map(\.description) == ["r.xml:\(i + 1): error: Element 'ref', attribute 'concept': 't9.unknown' is not a concept id of the concept table"])
    }

    /// A concept validates in its own edition and fails in the other one when it is not there.
    @Test func conceptsOfTheOtherEditionFail() {
        for e in Edition.allCases {
            for other in Edition.allCases where other != e {
                for c in ConceptTable.concepts(e) {
                    var r = Report(metadata: Metadata(edition: other))
                    r.tables = [StatTable(id: c.table, cells: [.blank(c.id)])]
                    let diags = SchemaValidator.shared.validate(Data(CanonicalXML.write(r).utf8), fileName: "x")
                    if c.editions.contains(other) {
                        #expect(diags.isEmpty, "\(c.id) in \(other): \(diags)")
                    } else {
                        #expect(diags.first?.message.contains("is a concept of edition \(e.rawValue), not of edition \(other.rawValue)") == true,
                                "\(c.id) in \(other): \(diags)")
                    }
                }
            }
        }
    }

    @Test func rootEditionMustAgreeWithTheTables() {
        var r = SampleReports.allBlank2021()
        #expect(SchemaValidator.shared.validate(Data(CanonicalXML.write(r).utf8)).isEmpty)
        r.metadata.edition = nil
        let diags = SchemaValidator.shared.validate(Data(CanonicalXML.write(r).utf8), fileName: "x")
        #expect(diags.first?.message.contains("A report with tables must name its edition") == true, "\(diags)")
        let xml = CanonicalXML.write(SampleReports.allBlank2021())
            .replacingOccurrences(of: "schemaVersion=\"\(CanonicalXML.schemaVersion)\" edition=\"2021\"", with: "schemaVersion=\"\(CanonicalXML.schemaVersion)\" edition=\"2019\"")
        let d2 = SchemaValidator.shared.validate(Data(xml.utf8), fileName: "x")
        #expect(d2.first?.message.contains("the root's edition attribute ('2019') must be the edition of the tables container (2021)") == true, "\(d2)")
    }

    @Test func numberTypesFollowTheValueKind() {
        func diags(_ concept: ConceptID, _ edition: Edition, _ number: String) -> [Diagnostic] {
            let c = ConceptTable.byID[concept]!
            let xml = """
                <report xmlns="\(CanonicalXML.namespace)" schemaVersion="1.0" edition="\(edition.rawValue)"><metadata/>\
                <tables\(edition.rawValue) edition="\(edition.rawValue)"><\(c.table.rawValue)>\
                <\(XMLName.cell(c.kind)) concept="\(concept)" presence="value" number="\(number)"/>\
                </\(c.table.rawValue)></tables\(edition.rawValue)></report>
                """
            return SchemaValidator.shared.validate(Data(xml.utf8), fileName: "n")
        }
        #expect(diags("t2.received.total", .e2021, "12").isEmpty)
        #expect(!diags("t2.received.total", .e2021, "-1").isEmpty)
        #expect(!diags("t2.received.total", .e2021, "1.5").isEmpty)
        #expect(!diags("t2.received.total", .e2021, "012").isEmpty)
        #expect(diags("t1.licensing.change", .e2019, "-58").isEmpty)
        #expect(diags("t1.licensing.change", .e2019, "58").isEmpty)
        #expect(!diags("t1.licensing.change", .e2019, "+58").isEmpty)
        #expect(diags("t1.fees.feeAmount", .e2021, "282.1").isEmpty)
        #expect(!diags("t1.fees.feeAmount", .e2021, "-282.1").isEmpty)
        #expect(diags("t1.procurement.amount", .e2019, "251000").isEmpty)
        #expect(!diags("t1.procurement.amount", .e2019, "2.5e3").isEmpty)
    }

    @Test func presenceAndNumberMustAgree() {
        func first(_ presence: String, _ number: String?) -> String? {
            let n = number.map { " number=\"\($0)\"" } ?? ""
            let xml = """
                <report xmlns="\(CanonicalXML.namespace)" schemaVersion="1.0" edition="2021"><metadata/>
                <tables2021 edition="2021"><t3><count concept="t3.review.total" presence="\(presence)"\(n)/></t3></tables2021></report>
                """
            return SchemaValidator.shared.validate(Data(xml.utf8), fileName: "p.xml").first?.description
        }
        #expect(first("value", "3") == nil)
        #expect(first("value", nil) == "p.xml:2: error: Element 'count' (concept 't3.review.total'): presence 'value' requires a number")
        #expect(first("value", "0")?.contains("other than 0") == true)
        #expect(first("zero", "0") == nil)
        #expect(first("zero", nil) != nil)
        #expect(first("zero", "2") != nil)
        #expect(first("blank", nil) == nil)
        #expect(first("blank", "2") != nil)
        #expect(first("not-applicable", "0") != nil)
        #expect(first("text", nil) == nil)
        #expect(first("text", "4") == nil)
        #expect(first("maybe", nil)?.contains("presence") == true)
    }

    /// One schema, many threads: each call has its own contexts; results match a serial run.
    @Test func validationIsSafeFromSeveralThreads() throws {
        var list: [(String, Data)] = SampleReports.validFixtures.map { ($0.0, Data(CanonicalXML.write($0.1).utf8)) }
        for url in Fixtures.files(in: "canonical/invalid", ext: "xml") {
            list.append((url.lastPathComponent, try Data(contentsOf: url)))
        }
        let docs = list
        let serial = docs.map { SchemaValidator.shared.validate($0.1, fileName: $0.0) }
        let results = ResultBox(count: docs.count * 8)
        DispatchQueue.concurrentPerform(iterations: docs.count * 8) { i in
            let d = docs[i % docs.count]
            results.set(i, SchemaValidator.shared.validate(d.1, fileName: d.0))
        }
        for i in 0..<(docs.count * 8) {
            #expect(results.get(i) == serial[i % docs.count], "\(docs[i % docs.count].0)")
        }
        let reads = ResultBox(count: 64)
        let full = Data(CanonicalXML.write(SampleReports.full2021()).utf8)
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let ok = (try? CanonicalXML.read(full, fileName: "f")) == CanonicalXML.canonicalOrder(SampleReports.full2021())
            reads.set(i, ok ? [] : [.error("mismatch")])
        }
        for i in 0..<64 { #expect(reads.get(i) == []) }
    }
}

/// Thread-safe result slots for the concurrency test.
final class ResultBox: @unchecked Sendable {
    private var slots: [[Diagnostic]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [Diagnostic]) { lock.lock(); slots[i] = v; lock.unlock() }
    func get(_ i: Int) -> [Diagnostic] { lock.lock(); defer { lock.unlock() }; return slots[i] }
}
