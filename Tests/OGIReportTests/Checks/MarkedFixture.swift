import Foundation
@testable import OGIReport

/// A fixture text with markers in the style of swift-format's rule tests: `⟪R1⟫` right before
/// a cell value says "a FAIL of OGI-R1 points here"; `⟪R3:NA,R4:NA⟫` says "NOT_ASSESSABLE results
/// of OGI-R3 and OGI-R4 point here"; `⟪A1⟫` an advisory FAIL. Stripping the markers gives the
/// text to read; each marker keeps the line:column (Unicode scalars, 1-based) it had.
struct MarkedFixture {
    struct Marker: Hashable, CustomStringConvertible {
        let rule: String
        let status: CheckStatus
        let line: Int
        let column: Int
        var description: String { "\(rule) \(status.rawValue) at \(line):\(column)" }
    }

    let text: String
    let markers: [Marker]

    enum ParseError: Error { case unclosedMarker(line: Int), badMarker(String) }

    init(_ raw: String) throws {
        var out = String.UnicodeScalarView()
        var markers: [Marker] = []
        var line = 1, column = 1
        var scalars = raw.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            if s == "⟪" {
                var body = ""
                var closed = false
                while let t = scalars.next() {
                    if t == "⟫" { closed = true; break }
                    body.unicodeScalars.append(t)
                }
                guard closed else { throw ParseError.unclosedMarker(line: line) }
                for item in body.split(separator: ",") {
                    let parts = item.split(separator: ":")
                    guard let id = parts.first, parts.count <= 2 else { throw ParseError.badMarker(body) }
                    let status: CheckStatus
                    switch parts.count == 2 ? String(parts[1]) : "FAIL" {
                    case "FAIL": status = .fail
                    case "NA": status = .notAssessable
                    case "U": status = .uncertain
                    default: throw ParseError.badMarker(body)
                    }
                    markers.append(Marker(rule: "OGI-" + id, status: status, line: line, column: column))
                }
                continue
            }
            out.append(s)
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        self.text = String(out)
        self.markers = markers
    }

    /// The located FAIL, NOT_ASSESSABLE and UNCERTAIN results, as markers, for comparison.
    static func found(_ results: [CheckResult]) -> [Marker] {
        results.compactMap { r in
            guard r.status != .pass, let p = CheckReport.position(of: r) else { return nil }
            return Marker(rule: r.rule, status: r.status, line: p.line, column: p.column)
        }
    }
}

/// Whether the parts built on other branches are merged in yet (the stubs throw "not implemented").
enum Availability {
    static let textReader: Bool = {
        do { _ = try TextReportReader.read(Data("一、总体情况\n".utf8), fileName: "probe.txt"); return true }
        catch let e as DiagnosticError { return !e.description.contains("not implemented") }
        catch { return true }
    }()

    static let canonicalXML: Bool = {
        do { _ = try CanonicalXML.read(Data("<probe/>".utf8), fileName: "probe.xml"); return true }
        catch let e as DiagnosticError { return !e.description.contains("not implemented") }
        catch { return true }
    }()

    /// The five seeds, copied into `Fixtures/seeds/` by the readers.
    static let seeds: Bool = Fixtures.files(in: "seeds", ext: "txt").count >= 5
}
