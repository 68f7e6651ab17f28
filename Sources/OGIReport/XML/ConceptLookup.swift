import Foundation

/// The concept table's ids looked up by their bytes in place (libxml2's attribute text), for the
/// per-cell checks of ``CanonicalXMLRules``: no string is made, nothing is retained. Built once
/// from ``ConceptTable/all``; an index is the concept's index there (its canonical order).
struct ConceptLookup: Sendable {
    /// What a cell's checks need of a concept, as plain values.
    struct Facts: Sendable {
        let table: TableID
        /// Bit 0: edition 2019, bit 1: edition 2021.
        let editions: UInt8
        let kind: ValueKind

        func has(_ e: Edition) -> Bool { editions & Self.bit(e) != 0 }
        static func bit(_ e: Edition) -> UInt8 { e == .e2019 ? 1 : 2 }
    }

    static let shared = ConceptLookup(ConceptTable.all)

    let facts: [Facts]
    private let bytes: [UInt8]
    private let starts: [Int]
    private let slots: [Int32]
    private let mask: Int

    init(_ concepts: [Concept]) {
        var bytes: [UInt8] = [], starts: [Int] = [0]
        for c in concepts { bytes += Array(c.id.utf8); starts.append(bytes.count) }
        self.bytes = bytes; self.starts = starts
        facts = concepts.map { c in
            Facts(table: c.table, editions: c.editions.reduce(0) { $0 | Facts.bit($1) }, kind: c.kind)
        }
        var size = 16
        while size < concepts.count * 4 { size *= 2 }
        mask = size - 1
        var slots = [Int32](repeating: -1, count: size)
        for i in concepts.indices {
            var s = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[starts[i]..<starts[i + 1]])) } & (size - 1)
            while slots[s] >= 0 { s = (s + 1) & (size - 1) }
            slots[s] = Int32(i)
        }
        self.slots = slots
    }

    /// The index of the concept whose id is exactly `id`, or nil.
    func index(_ id: UnsafeBufferPointer<UInt8>) -> Int? {
        var s = Self.hash(id) & mask
        return bytes.withUnsafeBufferPointer { all in
            while true {
                let i = Int(slots[s])
                if i < 0 { return nil }
                let a = starts[i], b = starts[i + 1]
                if b - a == id.count, memcmp(all.baseAddress! + a, id.baseAddress!, id.count) == 0 { return i }
                s = (s + 1) & mask
            }
        }
    }

    /// The index of the concept whose id is exactly `id`, trying the few concepts from `next` on
    /// first: a table's cells come in canonical order, so the next cell is almost always one of
    /// them (a length check and one `memcmp` each), and only other ids are hashed.
    func index(_ id: UnsafeBufferPointer<UInt8>, from next: Int) -> Int? {
        if next >= 0, let base = id.baseAddress {
            let found: Int? = bytes.withUnsafeBufferPointer { all in
                var i = next
                let end = min(facts.count, next + 3)
                while i < end {
                    let a = starts[i], b = starts[i + 1]
                    if b - a == id.count, memcmp(all.baseAddress! + a, base, id.count) == 0 { return i }
                    i += 1
                }
                return nil
            }
            if let found { return found }
        }
        return index(id)
    }

    /// FNV-1a, 64 bits.
    private static func hash(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in p { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h)
    }
}
