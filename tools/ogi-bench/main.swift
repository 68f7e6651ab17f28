// Benchmark harness: `swift run -c release ogi-bench [FILE…]` (default: Fixtures/seeds/*.txt).
// `ogi-bench --make-corpus N DIR` writes N distinct submissions (``CorpusMaker``) and
// `ogi-bench --read-files DIR` reads every file of DIR once (the "reading the files only" baseline);
// tools/bench-corpus.sh drives both around the release `ogi` and xmllint.
//
// For each stage of the pipeline it reports the median time per report and the ratio to
// libxml2 schema validation of the same report's canonical XML, measured in the same run
// (the brief's baseline: validation sets the pace). Also prints the process's peak RSS.
import Foundation
import OGIReport

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Median nanoseconds of `body` over `rounds` rounds of `inner` calls each.
func measure(rounds: Int = 15, inner: Int = 200, _ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<rounds {
        let t0 = now()
        for _ in 0..<inner { try body() }
        samples.append(Double(now() - t0) / Double(inner))
    }
    samples.sort()
    return samples[samples.count / 2]
}

func peakRSSKiB() -> Int {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? -1
    }
    return -1
}

var args = Array(CommandLine.arguments.dropFirst())
if args.first == "--make-corpus", args.count == 3, let n = Int(args[1]) {
    do {
        let paths = try CorpusMaker(count: n).write(to: args[2])
        print("wrote \(paths.count) reports to \(args[2])")
        exit(0)
    } catch {
        print("ogi-bench: error: \(error)"); exit(2)
    }
}
if args.first == "--read-files", args.count == 2 {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: args[1])) ?? []).sorted()
    var bytes = 0
    for name in names { bytes += FileManager.default.contents(atPath: args[1] + "/" + name)?.count ?? 0 }
    print("read \(names.count) files, \(bytes) bytes")
    exit(0)
}
if args.isEmpty {
    let dir = "Fixtures/seeds"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    args = names.filter { $0.hasSuffix(".txt") }.sorted().map { dir + "/" + $0 }
}
if args.isEmpty {
    print("usage: ogi-bench FILE… (run from the package root; default Fixtures/seeds/*.txt)")
    exit(2)
}

var totals: [String: Double] = [:]
let stages = ["validate XML (baseline)", "read input (its format)", "write XML", "read XML (parse+validate+build)", "checks",
              "template text", "template HTML", "read HTML (its HTML template)", "read text (its text template)",
              "template DOCX", "read DOCX (its DOCX template)"]
var bytesRead: [String: Int] = [:]
print(String(format: "%-28@ %8@ %10@  %@", "file" as NSString, "bytes" as NSString, "stage" as NSString, "median µs (ratio to validate)" as NSString))
for path in args {
    // A PDF takes a second or so to read: it gets its own row (µs per page, LayoutBench) instead.
    if path.lowercased().hasSuffix(".pdf") { continue }
    // OGI_BENCH_ONLY=layouts: the layout and PDF rows only.
    if ProcessInfo.processInfo.environment["OGI_BENCH_ONLY"] == "layouts" { continue }
    guard let data = FileManager.default.contents(atPath: path) else { print("cannot read \(path)"); continue }
    let name = (path as NSString).lastPathComponent
    do {
        let report = try ReaderRegistry.read(data, fileName: name).result.report
        let xml = Data(CanonicalXML.write(report).utf8)
        var t: [String: Double] = [:]
        t[stages[0]] = measure { _ = SchemaValidator.shared.validate(xml, fileName: name) }
        t[stages[1]] = try measure { _ = try ReaderRegistry.read(data, fileName: name) }
        t[stages[2]] = measure { _ = CanonicalXML.write(report) }
        t[stages[3]] = try measure { _ = try CanonicalXML.read(xml, fileName: name) }
        t[stages[4]] = measure { _ = Checker.run(report) }
        t[stages[5]] = measure { _ = TemplateWriter.write(report, format: .text) }
        t[stages[6]] = measure { _ = TemplateWriter.write(report, format: .html) }
        // The same report as an HTML page and as a text submission: the two front ends per KB.
        let html = Data(TemplateWriter.write(report, format: .html).utf8)
        let text = Data(TemplateWriter.write(report, format: .text).utf8)
        t[stages[7]] = try measure { _ = try ReaderRegistry.read(html, fileName: name + ".html") }
        t[stages[8]] = try measure { _ = try ReaderRegistry.read(text, fileName: name + ".txt") }
        t[stages[9]] = try measure { _ = try TemplateWriter.docx(report) }
        let docx = try TemplateWriter.docx(report)
        t[stages[10]] = try measure { _ = try ReaderRegistry.read(docx, fileName: name + ".docx") }
        bytesRead[stages[7], default: 0] += html.count
        bytesRead[stages[8], default: 0] += text.count
        let base = t[stages[0]]!
        for s in stages {
            let v = t[s]!
            totals[s, default: 0] += v
            print(String(format: "%-28@ %8d  %-34@ %9.1f  (%.3f×)", name as NSString, data.count, s as NSString, v / 1000, v / base))
        }
    } catch {
        print("\(name): \(error)")
    }
}
if let base = totals[stages[0]], base > 0 {
    print("\nall files, summed medians:")
    for s in stages { print(String(format: "  %-34@ %9.1f µs  (%.3f× validation)", s as NSString, totals[s]! / 1000, totals[s]! / base)) }
    let perKB = { (s: String) -> Double in totals[s]! / 1000 / (Double(bytesRead[s] ?? 1) / 1024) }
    let h = perKB(stages[7]), x = perKB(stages[8])
    print(String(format: "\nper KB of source: HTML front end %.1f µs/KB, text front end %.1f µs/KB (HTML/text = %.2f×)", h, x, h / x))
}
LayoutBench.run(args)
print("peak RSS: \(peakRSSKiB()) KiB")
