import Foundation
import OGIReport

/// What every fuzz execution checks of the canonical XML written for a report, and when the
/// (slow) schema validation runs.
///
/// The cheap checks run on every output: the report's tables have an edition, each cell's concept
/// is a known concept of its table and edition, no concept twice in one table (the causes of every
/// schema failure found so far), and the XML text is framed as the writer frames it and holds no
/// character XML 1.0 forbids. Full XSD validation (``SchemaValidator``) runs on a deterministic
/// sample, one input in `OGI_FUZZ_XSD_EVERY` (default 16) chosen by a hash of the input bytes, so a
/// reproducer is validated or not the same way every time (`OGI_FUZZ_XSD_EVERY=1` validates all), and
/// always when a cheap check fails. Only a failed validation aborts: it is the arbiter.
enum OutputCheck {
    /// 1 in this many inputs is validated against the schema.
    static let sampleEvery: UInt64 = {
        let v = ProcessInfo.processInfo.environment["OGI_FUZZ_XSD_EVERY"].flatMap { UInt64($0) } ?? 16
        return max(v, 1)
    }()

    /// Inputs run and inputs validated (printed when the process ends, by `atexit` in the driver).
    nonisolated(unsafe) static var runs = 0, validated = 0, flagged = 0

    /// Checks the XML written for `report` (read from `input`); aborts when it fails the schema.
    static func check(_ report: Report, input: Data) {
        let xml = CanonicalXML.write(report)
        runs += 1
        let problem = structuralProblem(report) ?? textProblem(xml)
        if problem != nil { flagged += 1 }
        guard problem != nil || fnv1a(input) % sampleEvery == 0 else { return }
        validated += 1
        let errors = SchemaValidator.shared.validate(Data(xml.utf8), fileName: "fuzz.xml").filter { $0.severity == .error }
        if !errors.isEmpty {
            let why = problem.map { " (cheap check: \($0))" } ?? ""
            FileHandle.standardError.write(Data("ogi-fuzz: output fails the schema\(why): \(errors.map(\.description).joined(separator: "; "))\n".utf8))
            abort()
        }
    }

    /// A broken model invariant the schema would reject, or nil.
    static func structuralProblem(_ report: Report) -> String? {
        guard !report.tables.isEmpty else { return nil }
        guard let edition = report.metadata.edition else { return "tables without an edition" }
        var tables = Set<TableID>()
        for table in report.tables {
            guard tables.insert(table.id).inserted else { return "table \(table.id.rawValue) twice" }
            var seen = Set<ConceptID>()
            for cell in table.cells {
                guard seen.insert(cell.concept).inserted else { return "concept \(cell.concept) twice" }
                guard let concept = ConceptTable.byID[cell.concept] else { return "unknown concept \(cell.concept)" }
                guard concept.table == table.id, concept.editions.contains(edition) else {
                    return "concept \(cell.concept) outside table \(table.id.rawValue) of edition \(edition.rawValue)"
                }
            }
        }
        return nil
    }

    /// The writer's framing broken, or a character XML 1.0 cannot hold, or nil.
    static func textProblem(_ xml: String) -> String? {
        guard xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report"), xml.hasSuffix("</report>\n") else {
            return "not framed as canonical XML"
        }
        for s in xml.unicodeScalars {
            let v = s.value
            if (v < 0x20 && v != 0x9 && v != 0xA && v != 0xD) || v == 0xFFFE || v == 0xFFFF {
                return "character U+\(String(v, radix: 16, uppercase: true)) in the XML"
            }
        }
        return nil
    }

    /// FNV-1a, 64 bits: the sample is a function of the input bytes only.
    static func fnv1a(_ data: Data) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        data.withUnsafeBytes { raw in
            for b in raw.bindMemory(to: UInt8.self) { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        }
        return h
    }
}
