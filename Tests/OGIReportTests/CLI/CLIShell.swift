import Foundation
import Testing

/// Runs the built `ogi` through `/bin/sh -c`, so that a test can give it what a shell gives it:
/// `>/dev/full`, a closed descriptor (`>&-`), `< file`. `$OGI` in the script is the binary.
struct CLIShell {
    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// The scratch folder the script runs in (removed by ``remove()``).
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("ogi-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    /// Runs a script in ``dir``; standard output and error are captured unless it redirects them.
    func run(_ script: String) throws -> Run {
        let bin = try #require(CLITests.binary, "the ogi executable was not built next to the tests")
        let p = Process()
        // Under timeout(1), which ends the whole process group: a hang fails the test (status
        // 124) instead of stopping the test run.
        p.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        p.arguments = ["-k", "5", "240", "/bin/sh", "-c", script]
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["OGI"] = bin.path
        env["SEED"] = Fixtures.url("seeds/000_44f90c379b4f7fce.txt").path
        env["FIXTURES"] = Fixtures.directory.path
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                   stderr: String(decoding: e, as: UTF8.self))
    }

    /// A file in ``dir``.
    func url(_ name: String) -> URL { dir.appendingPathComponent(name) }

    /// The names in ``dir`` (hidden ones included), sorted.
    func listing() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }
}
