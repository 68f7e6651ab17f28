import Foundation
import OGIReport

/// Rows for the text layouts of PDF tools, converters and crawlers: each report's text template
/// (tab rows, the baseline) rewritten as space rows, markdown pipe rows, glued cells (a line per
/// row) and glued cells flattened onto one line, each read through the registry; the cost per KB of
/// source and its ratio to the tab layout's, measured in the same run.
enum LayoutBench {
    static let layouts = ["tab rows", "space rows", "pipe rows (markdown)", "glued cells", "glued, flattened"]

    /// The template text rewritten in a layout.
    static func rewrite(_ text: String, _ layout: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func tableLines(_ f: ([Substring]) -> String) -> String {
            lines.map { l in l.contains("\t") ? f(l.split(separator: "\t", omittingEmptySubsequences: false)) : String(l) }
                .joined(separator: "\n")
        }
        switch layout {
        case "space rows": return tableLines { $0.filter { !$0.isEmpty }.joined(separator: " ") }
        case "pipe rows (markdown)": return tableLines { "| " + $0.map { $0.isEmpty ? " " : String($0) }.joined(separator: " | ") + " |" }
        case "glued cells": return tableLines { $0.joined() }
        case "glued, flattened": return tableLines { $0.joined() }.split(separator: "\n").joined()
        default: return text
        }
    }

    /// Prints the rows for the reports read from `paths` (and, for PDFs, the time per page).
    static func run(_ paths: [String]) {
        var time = [String: Double](), bytes = [String: Int]()
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path),
                  let report = try? ReaderRegistry.read(data, fileName: path).result.report else { continue }
            if path.lowercased().hasSuffix(".pdf"), let doc = try? ReaderRegistry.document(data, fileName: path) {
                let pages = doc.units.compactMap(\.range.page).max() ?? 1
                let t = (try? measure(rounds: 5, inner: 2) { _ = try ReaderRegistry.read(data, fileName: path) }) ?? 0
                print(String(format: "\nPDF %@: %d pages, %.0f µs per page (read, recognise), peak RSS so far %d KiB",
                             (path as NSString).lastPathComponent, pages, t / 1000 / Double(pages), peakRSSKiB()))
                continue
            }
            let text = TemplateWriter.write(report, format: .text)
            for l in layouts {
                let input = Data(rewrite(text, l).utf8)
                time[l, default: 0] += (try? measure(rounds: 9, inner: 50) { _ = try ReaderRegistry.read(input, fileName: "bench.txt") }) ?? 0
                bytes[l, default: 0] += input.count
            }
        }
        guard let base = time["tab rows"], base > 0, let baseBytes = bytes["tab rows"] else { return }
        let basePerKB = base / Double(baseBytes)
        print("\nread per KB of source, by text layout (ratio to tab rows per KB):")
        for l in layouts {
            let perKB = time[l]! / Double(bytes[l]!)
            print(String(format: "  %-24@ %8.1f µs/KB  (%.2f×)", l as NSString, perKB * 1024 / 1000, perKB / basePerKB))
        }
    }
}
