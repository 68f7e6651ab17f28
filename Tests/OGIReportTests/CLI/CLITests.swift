import Foundation
import Testing

/// Runs the built `ogi` executable (built by `swift test` with the tests) and checks its exit
/// codes and output: the contract a newcomer and CI rely on.
@Suite struct CLITests {
    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// The `ogi` binary next to the test bundle.
    static let binary: URL? = {
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("ogi")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    func ogi(_ args: [String], stdin: Data? = nil) throws -> Run {
        let bin = try #require(Self.binary, "the ogi executable was not built next to the tests")
        let p = Process()
        p.executableURL = bin
        p.arguments = args
        p.currentDirectoryURL = Fixtures.root
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(stdin) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func validateAcceptsEveryValidFixture() throws {
        let files = Fixtures.files(in: "canonical/valid", ext: "xml").map { "Fixtures/canonical/valid/" + $0.lastPathComponent }
        let r = try ogi(["validate"] + files)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
    }

    @Test func validateRejectsEveryInvalidFixtureWithItsExpectedLine() throws {
        for url in Fixtures.files(in: "canonical/invalid", ext: "xml") {
            let path = "Fixtures/canonical/invalid/" + url.lastPathComponent
            let expected = try String(contentsOf: url.deletingPathExtension().appendingPathExtension("expected"), encoding: .utf8)
                .trimmingCharacters(in: .newlines)
            let r = try ogi(["validate", path])
            #expect(r.status == 1, "\(path): exit \(r.status)")
            #expect(r.stdout.split(separator: "\n").first.map(String.init) == expected, "\(path): \(r.stdout)")
        }
    }

    @Test func validateReadsStandardInputAndReportsIOErrorsWithExit2() throws {
        let valid = try Fixtures.data("canonical/valid/minimal.xml")
        #expect(try ogi(["validate"], stdin: valid).status == 0)
        let missing = try ogi(["validate", "Fixtures/does-not-exist.xml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Fixtures/does-not-exist.xml"))
        #expect(try ogi(["validate", "--no-such-flag"]).status == 2)
    }

    @Test func normalizeWritesValidXMLForEverySeed() throws {
        for url in Fixtures.files(in: "seeds", ext: "txt") {
            let r = try ogi(["normalize", "Fixtures/seeds/" + url.lastPathComponent])
            #expect(r.status == 0, "\(url.lastPathComponent): \(r.stderr)")
            #expect(r.stdout.hasPrefix("<?xml"))
            let v = try ogi(["validate"], stdin: Data(r.stdout.utf8))
            #expect(v.status == 0, "\(v.stderr)")
        }
    }

    @Test func checkExitCodesFollowTheSeedExpectations() throws {
        let expectFail: Set<String> = ["002_a2c9da7275a0d61c.txt", "003_be85ec6c6b6a0b3c.txt"]
        for url in Fixtures.files(in: "seeds", ext: "txt") {
            let name = url.lastPathComponent
            let r = try ogi(["check", "Fixtures/seeds/" + name])
            #expect(r.status == (expectFail.contains(name) ? 1 : 0), "\(name): \(r.stdout)\(r.stderr)")
        }
    }

    @Test func templateRefusesBadInputAndWritesNothing() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ogi-cli-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: out) }
        for args in [["--agency", "", "--year", "2024"],
                     ["--agency", "某局", "--year", "1999"],
                     ["--agency", "某局", "--year", "2024", "--edition", "2030"],
                     ["--agency", "某局", "--year", "2024", "--from", "Fixtures/canonical/invalid/negative-count.xml"]] {
            let r = try ogi(["template"] + args + ["-o", out.path])
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(args) wrote output")
        }
        let ok = try ogi(["template", "--agency", "某县卫生健康局", "--year", "2024"])
        #expect(ok.status == 0)
        #expect(ok.stdout.hasPrefix("某县卫生健康局2024年政府信息公开工作年度报告"))
    }
}
