import Foundation

/// The ways a row's glued value cells can be split into a given number of numbers.
///
/// A glued cell is a run of digits that holds several table cells concatenated ("3960181"); the
/// runs of one row are separated by spaces where the source kept any ("230 000023"), and a space
/// is always a boundary. A number is "0" or a run not starting with "0" (a leading zero starts a
/// cell of its own); a decimal point must lie inside a number, and only positions whose column
/// allows decimals may hold one; a minus sign starts a number, only in a signed column (本年增/减);
/// a unit written after a run ("元") belongs to the run's last number.
/// Nothing is guessed here: every split is listed, and the caller decides (see ``GluedCellRepair``).
enum GluedSplits {
    /// One number of a split: the cell it comes from and its scalar offset and length there.
    struct Piece: Hashable, Sendable {
        var cell: Int
        var offset: Int
        var length: Int
    }

    /// A run after its unit suffix was taken off.
    struct Run {
        var scalars: [Unicode.Scalar]
        /// The unit written right after the digits ("元", "万元"), or "".
        var unit: String
    }

    /// Most steps of one enumeration.
    static let maxSteps = 50_000
    /// Most scalars of one number (digits, a sign and a point): no cell of these tables holds more
    /// than fifteen digits (the largest, amounts in 元, have eleven or so).
    static let maxLength = 17

    /// Units that may follow an amount glued to it.
    static let units = ["万元", "元"]

    /// Splits the runs into exactly `count` numbers, in order; at most `limit` splits are
    /// returned (`truncated` says whether there were more). `allowsDecimal(k)` says whether the
    /// `k`-th number (0-based) may have a decimal point, `allowsSign(k)` whether it may be negative.
    /// `accept`, when given, keeps only the splits it holds for (so that `limit` counts those only).
    static func splits(_ cells: [String], count: Int, limit: Int = 4096,
                       allowsDecimal: (Int) -> Bool = { _ in false },
                       allowsSign: (Int) -> Bool = { _ in false },
                       accept: (([Piece]) -> Bool)? = nil) -> (splits: [[Piece]], truncated: Bool) {
        let runs = cells.map(run)
        guard count > 0, !runs.isEmpty, runs.count <= count, runs.allSatisfy({ !$0.scalars.isEmpty }) else { return ([], false) }
        var out: [[Piece]] = []
        var truncated = false
        var current: [Piece] = []
        // Remaining numbers needed must fit: each run gives at least 1 and at most its length.
        var maxAfter = [Int](repeating: 0, count: runs.count + 1)
        for i in stride(from: runs.count - 1, through: 0, by: -1) { maxAfter[i] = maxAfter[i + 1] + runs[i].scalars.count }

        // Work is bounded too, not only the splits kept: a long run with a filter that keeps few
        // (hostile input: a thousand digits for seven cells) stops here, as truncated.
        var steps = 0
        func go(_ r: Int, _ offset: Int) {
            if truncated { return }
            steps += 1
            if steps > maxSteps { truncated = true; return }
            let s = runs[r].scalars
            if offset == s.count {
                if r + 1 == runs.count {
                    if current.count == count, accept?(current) ?? true {
                        if out.count == limit { truncated = true; return }
                        out.append(current)
                    }
                    return
                }
                go(r + 1, 0)
                return
            }
            let position = current.count
            guard position < count else { return }
            let runsLeft = runs.count - r - 1
            let needAfterThis = count - position - 1  // numbers still needed after this one
            guard needAfterThis >= runsLeft else { return }
            for length in tokenLengths(s, from: offset, decimal: allowsDecimal(position), sign: allowsSign(position)) {
                let end = offset + length
                // Whatever is left of this run and the later runs must give the other numbers.
                let restHere = s.count - end
                let maxRest = restHere + maxAfter[r + 1]
                let minRest = (restHere > 0 ? 1 : 0) + runsLeft
                guard needAfterThis <= maxRest, needAfterThis >= minRest, maxRest <= needAfterThis * maxLength else { continue }
                current.append(Piece(cell: r, offset: offset, length: length))
                go(r, end)
                current.removeLast()
                if truncated { return }
            }
        }
        go(0, 0)
        return (out, truncated)
    }

    /// The splits of runs of digits into `count` whole numbers of which the last is the sum of the
    /// others (table 2's 总计, R4) — the same as ``splits(_:count:limit:allowsDecimal:allowsSign:accept:)``
    /// with that rule as `accept`, but the total is taken first and a partial sum above it ends a
    /// branch, so long runs cost little. Nil when a run holds anything but digits.
    static func sumSplits(_ cells: [String], count: Int, limit: Int = 4096) -> (splits: [[Piece]], truncated: Bool)? {
        let runs = cells.map(run)
        guard runs.allSatisfy({ !$0.scalars.isEmpty && $0.unit.isEmpty && $0.scalars.allSatisfy(isDigit) }) else { return nil }
        guard count >= 2, !runs.isEmpty, runs.count <= count else { return ([], false) }
        var out: [[Piece]] = []
        var truncated = false
        var steps = 0
        func value(_ r: Int, _ o: Int, _ l: Int) -> Int64 {
            var v: Int64 = 0
            for c in runs[r].scalars[o..<(o + l)] { v = v &* 10 &+ Int64(c.value - 0x30) }
            return v
        }
        let last = runs.count - 1, lastRun = runs[last].scalars
        for totalLength in 1...min(lastRun.count, maxLength) {
            let start = lastRun.count - totalLength
            if totalLength > 1 && lastRun[start] == "0" { continue }
            let total = value(last, start, totalLength)
            // The parts before the total: the earlier runs, and what is left of the last one.
            var parts: [(cell: Int, scalars: ArraySlice<Unicode.Scalar>)] = runs.dropLast().enumerated().map { ($0.offset, $0.element.scalars[...]) }
            if start > 0 { parts.append((last, lastRun[0..<start])) }
            guard !parts.isEmpty, parts.count <= count - 1 else { continue }
            var current: [Piece] = []
            func go(_ p: Int, _ offset: Int, _ sum: Int64) {
                if truncated { return }
                steps += 1
                if steps > maxSteps { truncated = true; return }
                let s = parts[p].scalars
                let base = s.startIndex
                if base + offset == s.endIndex {
                    if p + 1 == parts.count {
                        if current.count == count - 1, sum == total {
                            if out.count == limit { truncated = true; return }
                            out.append(current + [Piece(cell: last, offset: start, length: totalLength)])
                        }
                        return
                    }
                    go(p + 1, 0, sum); return
                }
                guard current.count < count - 1 else { return }
                let partsLeft = parts.count - p - 1
                let need = count - 1 - current.count - 1
                guard need >= partsLeft else { return }
                let isZero = s[base + offset] == "0"
                var v: Int64 = 0
                for length in 1...min(s.count - offset, maxLength) {
                    v = v &* 10 &+ Int64(s[base + offset + length - 1].value - 0x30)
                    if sum + v > total { break }  // longer numbers here are larger still
                    let restHere = s.count - offset - length
                    var maxRest = restHere
                    for q in (p + 1)..<parts.count { maxRest += parts[q].scalars.count }
                    if need <= maxRest, need >= (restHere > 0 ? 1 : 0) + partsLeft {
                        current.append(Piece(cell: parts[p].cell, offset: offset, length: length))
                        go(p, offset + length, sum + v)
                        current.removeLast()
                    }
                    if isZero || truncated { break }  // a zero is a number of its own
                }
            }
            go(0, 0, 0)
            if truncated { break }
        }
        return (out, truncated)
    }

    /// The lengths a number starting at `from` can have.
    static func tokenLengths(_ s: [Unicode.Scalar], from: Int, decimal: Bool, sign: Bool = false) -> [Int] {
        guard from < s.count else { return [] }
        if s[from] == "-" {
            // "-12": a sign before a number that does not start with 0.
            guard sign, from + 1 < s.count, isDigit(s[from + 1]), s[from + 1] != "0" else { return [] }
            return tokenLengths(s, from: from + 1, decimal: decimal).map { $0 + 1 }
        }
        guard isDigit(s[from]) else { return [] }
        if s[from] == "0" {
            // "0", or "0.5" where decimals are allowed.
            var out = [1]
            if decimal, from + 2 < s.count, s[from + 1] == ".", isDigit(s[from + 2]) {
                var e = from + 2
                while e < s.count, isDigit(s[e]) { out.append(e + 1 - from); e += 1 }
            }
            return out
        }
        var out: [Int] = []
        var e = from
        var seenPoint = false
        while e < s.count {
            let c = s[e]
            if c == "." {
                // A point is inside a number: never at its end, once, and only where allowed.
                guard decimal, !seenPoint, e + 1 < s.count, isDigit(s[e + 1]) else { break }
                seenPoint = true
                e += 1
                continue
            }
            guard isDigit(c), e - from < maxLength else { break }
            e += 1
            // A number may end here unless the next scalar is a point it must swallow.
            if e < s.count, s[e] == "." { if !decimal { break } else { continue } }
            out.append(e - from)
        }
        // A point not allowed here: the run cannot be split at all past it.
        return out
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    /// The run's scalars with full-width digits folded and a trailing unit taken off.
    static func run(_ text: String) -> Run {
        // Full-width digits folded; every dash or minus read as "-".
        var s: [Unicode.Scalar] = []
        s.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars { if let f = Unicode.Scalar(LabelText.fold(u.value)) { s.append(f) } }
        var unit = ""
        for u in units {
            let us = Array(u.unicodeScalars)
            if s.count > us.count, Array(s.suffix(us.count)) == us { unit = u; s.removeLast(us.count); break }
        }
        return Run(scalars: s, unit: unit)
    }

    /// The number a piece holds (parsed from its digits, sign and point).
    static func number(_ piece: Piece, in runs: [Run]) -> Decimal? {
        let s = runs[piece.cell].scalars[piece.offset..<(piece.offset + piece.length)]
        var n: Int64 = 0, negative = false, digits = 0
        for c in s {
            if c == "-" { negative = true; continue }
            guard isDigit(c), digits < 18 else {
                return Decimal(string: String(String.UnicodeScalarView(s)), locale: Locale(identifier: "en_US_POSIX"))
            }
            n = n * 10 + Int64(c.value - 0x30); digits += 1
        }
        return Decimal(negative ? -n : n)
    }

    /// The text of a piece (with the run's unit when it is the run's last piece).
    static func text(_ piece: Piece, in cells: [String]) -> String { text(piece, in: cells.map(run)) }

    /// The text of a piece of runs already taken apart (``run(_:)``).
    static func text(_ piece: Piece, in runs: [Run]) -> String {
        let r = runs[piece.cell]
        var t = String(String.UnicodeScalarView(r.scalars[piece.offset..<(piece.offset + piece.length)]))
        if piece.offset + piece.length == r.scalars.count { t += r.unit }
        return t
    }
}
