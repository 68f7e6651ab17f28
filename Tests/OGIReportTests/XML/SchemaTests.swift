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

    /// The committed XSD's concept enumerations, read back with libxml2, are exactly the concept
    /// table's concepts per table, edition and value kind.
    @Test func conceptEnumerationsAgreeWithTheConceptTable() throws {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("Schema/ogi-report-1.xsd"))
        let sink = XMLErrorSink(fileName: "xsd")
        let parsed = try #require(XMLParsing.parse(data, sink: sink))
        var enums: [String: [String]] = [:]
        func walk(_ node: xmlNodePtr, _ typeName: String?) {
            for el in XMLNode.elements(node) {
                let name = XMLNode.name(el)
                var t = typeName
                if name == "simpleType", let n = XMLNode.attribute(el, "name") { t = n }
                if name == "enumeration", let t, let v = XMLNode.attribute(el, "value") { enums[t, default: []].append(v) }
                walk(el, t)
            }
        }
        walk(try #require(parsed.root), nil)
        var expectedTypes = Set<String>()
        for e in Edition.allCases {
            for t in TableID.allCases {
                for k in SchemaGenerator.kinds(t, e) {
                    let name = SchemaGenerator.conceptTypeName(t, e, k)
                    expectedTypes.insert(name)
                    let expected = ConceptTable.concepts(t, e).filter { $0.kind == k }.map(\.id)
                    #expect(enums[name] == expected, "\(name)")
                }
            }
        }
        let conceptTypes = Set(enums.keys.filter { $0.hasPrefix("Concept") })
        #expect(conceptTypes == expectedTypes)
        // Every concept of an edition is in exactly one of that edition's enumerations.
        for e in Edition.allCases {
            let inSchema = expectedTypes.filter { $0.contains("E" + e.rawValue) }.flatMap { enums[$0] ?? [] }
            #expect(inSchema.sorted() == ConceptTable.concepts(e).map(\.id).sorted())
        }
        #expect(enums["AnyConcept"] == ConceptTable.all.map(\.id))
        #expect(enums["SectionKind"] == SectionKind.allCases.map(\.id))
        #expect(enums["Presence"] == Presence.allCases.map(\.rawValue))
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
        #expect(d2.first?.message.contains("keyref 'tablesEdition'") == true, "\(d2)")
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
