import Foundation
import OGIReport

/// Paths to the package's fixtures, found from this file's location (no resources needed).
enum Fixtures {
    /// The package root.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let directory = root.appendingPathComponent("Fixtures")

    static func url(_ relative: String) -> URL { directory.appendingPathComponent(relative) }

    static func data(_ relative: String) throws -> Data { try Data(contentsOf: url(relative)) }

    static func string(_ relative: String) throws -> String { String(decoding: try data(relative), as: UTF8.self) }

    /// Files in a fixture folder with a given extension, sorted by name.
    static func files(in folder: String, ext: String) -> [URL] {
        let dir = url(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { dir.appendingPathComponent($0) }
    }
}

extension Fixtures {
    /// The invalid canonical documents (`canonical/invalid/*.xml`): each one's name as
    /// diagnostics give it, its bytes, and the first diagnostic line it must fail with.
    static func invalidCanonical() throws -> [(name: String, data: Data, expected: String)] {
        try files(in: "canonical/invalid", ext: "xml").map { url in
            let expected = try String(contentsOf: url.deletingPathExtension().appendingPathExtension("expected"), encoding: .utf8)
                .trimmingCharacters(in: .newlines)
            return ("Fixtures/canonical/invalid/" + url.lastPathComponent, try Data(contentsOf: url), expected)
        }
    }
}

/// The property tests' seeded generator: the library's ``SplitMix64``.
typealias SeededRNG = SplitMix64
