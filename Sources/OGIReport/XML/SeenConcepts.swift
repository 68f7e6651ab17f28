import Foundation

/// The concepts seen in the current table of one document, by index in ``ConceptTable/all``:
/// a stamp per concept (the table's number), so moving to the next table clears nothing.
struct SeenConcepts {
    private var stamp: [Int32]
    private var firstLine: [Int32]
    private var table: Int32 = 0

    init() {
        stamp = Array(repeating: 0, count: ConceptTable.all.count)
        firstLine = Array(repeating: 0, count: ConceptTable.all.count)
    }

    /// Starts the next table.
    mutating func nextTable() { table += 1 }

    /// Records concept `i` on `line`; the line of its first occurrence when it was already seen
    /// in this table (0 when that one had no line), nil otherwise.
    mutating func insert(_ i: Int, line: Int) -> Int? {
        if stamp[i] == table { return Int(firstLine[i]) }
        stamp[i] = table
        firstLine[i] = Int32(clamping: line)
        return nil
    }
}
