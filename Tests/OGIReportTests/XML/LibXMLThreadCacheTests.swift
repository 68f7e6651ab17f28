import CLibXML2
import Foundation
import Testing
@testable import OGIReport

/// The per-thread block caches libxml2 allocates through (`thread_cache.h`, installed by
/// ``LibXML/initialised``): blocks keep their contents through reallocation, freed blocks are
/// reused, blocks cross threads, blocks of the C library are given back to it, and libxml2
/// works through them on several threads at once.
@Suite struct LibXMLThreadCacheTests {
    /// A pattern that tells blocks and offsets apart.
    private static func fill(_ p: UnsafeMutableRawPointer, _ n: Int, seed: UInt8) {
        for i in 0..<n { p.storeBytes(of: UInt8(truncatingIfNeeded: i &* 31 &+ Int(seed)), toByteOffset: i, as: UInt8.self) }
    }

    private static func holds(_ p: UnsafeMutableRawPointer, _ n: Int, seed: UInt8) -> Bool {
        (0..<n).allSatisfy { p.load(fromByteOffset: $0, as: UInt8.self) == UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
    }

    /// Every size from 0 to past the largest class: writable, aligned to 16, and its contents
    /// kept by growing and shrinking reallocations.
    @Test func sizesAndReallocationKeepContents() throws {
        for size in [0, 1, 15, 16, 17, 31, 32, 100, 255, 256, 511, 512, 513, 1000, 4096, 100_000] {
            for grown in [size + 1, size * 2 + 7, size + 600, 70_000] {
                let p = try #require(ogi_xc_test_malloc(size))
                #expect(Int(bitPattern: p) % 16 == 0, "size \(size)")
                Self.fill(p, size, seed: UInt8(size & 0xFF))
                let q = try #require(ogi_xc_test_realloc(p, grown))
                #expect(Self.holds(q, min(size, grown), seed: UInt8(size & 0xFF)), "size \(size) grown to \(grown)")
                let r = try #require(ogi_xc_test_realloc(q, size))
                #expect(Self.holds(r, min(size, grown), seed: UInt8(size & 0xFF)), "size \(size) shrunk back from \(grown)")
                ogi_xc_test_free(r)
            }
        }
    }

    /// A freed small block is the next one of its class (no lock, no C library call), and the
    /// cache keeps at most its depth.
    @Test func freedBlocksAreReused() throws {
        let p = try #require(ogi_xc_test_malloc(40))
        let cachedBefore = ogi_xc_test_cached(2)
        ogi_xc_test_free(p)
        #expect(ogi_xc_test_cached(2) == min(cachedBefore + 1, 32))
        let q = try #require(ogi_xc_test_malloc(48))
        if cachedBefore < 32 { #expect(q == p) }
        var blocks = (0..<100).map { _ in ogi_xc_test_malloc(33)! }
        for b in blocks { ogi_xc_test_free(b) }
        #expect(ogi_xc_test_cached(2) == 32)
        blocks = (0..<100).map { _ in ogi_xc_test_malloc(33)! }
        for b in blocks { ogi_xc_test_free(b) }
        ogi_xc_test_free(q)
        #expect(ogi_xc_test_cached(2) == 32)
    }

    /// A block allocated on one thread and freed on another, and a block of the C library's own
    /// malloc freed or reallocated through the cache: nothing breaks (a corrupt heap aborts).
    @Test func blocksCrossThreadsAndForeignBlocksGoBack() throws {
        let made = UncheckedPointers((0..<64).map { ogi_xc_test_malloc(24 + $0 * 8)! })
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            for p in made.values { ogi_xc_test_free(p) }
            let mine = (0..<64).map { ogi_xc_test_malloc(24 + $0 * 8)! }
            for p in mine { ogi_xc_test_free(p) }
            done.signal()
        }
        done.wait()
        let foreign = try #require(malloc(100))
        Self.fill(foreign, 100, seed: 9)
        let grown = try #require(ogi_xc_test_realloc(foreign, 5000))
        #expect(Self.holds(grown, 100, seed: 9))
        ogi_xc_test_free(grown)
        ogi_xc_test_free(try #require(malloc(10)))
    }

    /// libxml2 allocating through the caches on four threads at once: the same diagnostics for
    /// every validation as on one thread.
    @Test func validationOnSeveralThreadsAgrees() throws {
        var gen = RandomReports(seed: 0x7C_2026)
        var documents: [[UInt8]] = []
        for _ in 0..<24 { documents.append(CanonicalXML.writeBytes(gen.report())) }
        let broken = documents.map { doc -> [UInt8] in
            var d = doc
            let needle = Array("concept=\"".utf8)
            if let at = ByteSearch.firstIndex(of: needle, in: d[...]) { d.insert(contentsOf: Array("x".utf8), at: at + needle.count) }
            return d
        }
        let all = UncheckedPointers(documents + broken)
        let expected: [[String]] = all.values.indices.map { i in
            SchemaValidator.shared.validateOwnOutput(all.values[i], fileName: "d\(i).xml").map(\.description)
        }
        #expect(expected.prefix(24).allSatisfy { $0.isEmpty })
        #expect(expected.suffix(24).allSatisfy { !$0.isEmpty })
        let results = Results(all.values.count)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for round in 0..<5 {
                for i in all.values.indices where (i + round) % 4 == worker {
                    results.set(i, SchemaValidator.shared.validateOwnOutput(all.values[i], fileName: "d\(i).xml").map(\.description))
                }
            }
        }
        #expect(results.values == expected)
    }
}

/// Values handed to other threads in these tests, read only.
private final class UncheckedPointers<T>: @unchecked Sendable {
    let values: T
    init(_ values: T) { self.values = values }
}

/// Per-document results written from several threads (under a lock).
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [[String]]
    init(_ count: Int) { stored = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [String]) { lock.withLock { stored[i] = v } }
    var values: [[String]] { lock.withLock { stored } }
}
