import Foundation
#if canImport(FoundationEssentials)
// `Decimal._int64Value` is what `NSDecimalNumber.int64Value` reads; calling it directly spares
// allocating and freeing an NSDecimalNumber for every number written.
@_spi(SwiftCorelibsFoundation) import FoundationEssentials
#endif

/// Decimal numbers as XSD decimals: plain digits, `-` for negatives, `.` before a fraction
/// (without trailing zeros), no exponent. `Decimal.description` gives the same text but is slow
/// (about a microsecond), so numbers that fit 64 bits take a faster path.
enum DecimalText {
    static func format(_ d: Decimal) -> String {
        if d.isNaN { return "NaN" }
        let e = d.exponent
        if e >= 0 && e <= 18 {
            let i = int64(d)
            if Decimal(i) == d { return String(i) }
        } else if e < 0 && e >= -18 {
            var x = d
            var scaled = Decimal()
            if NSDecimalMultiplyByPowerOf10(&scaled, &x, Int16(-e), .plain) == .noError {
                let i = int64(scaled)
                if Decimal(i) == scaled, i != .min { return fixedPoint(i, fractionDigits: -e) }
            }
        }
        return d.description
    }

    /// The decimal's value truncated to 64 bits (callers check it against the decimal).
    @inline(__always)
    private static func int64(_ d: Decimal) -> Int64 {
        #if canImport(FoundationEssentials)
        return d._int64Value
        #else
        return NSDecimalNumber(decimal: d).int64Value
        #endif
    }

    /// `i / 10^fractionDigits` in plain notation.
    private static func fixedPoint(_ i: Int64, fractionDigits: Int) -> String {
        var digits = Array(String(i.magnitude).utf8)
        if digits.count <= fractionDigits {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: fractionDigits - digits.count + 1), at: 0)
        }
        var intPart = digits[..<(digits.count - fractionDigits)]
        var frac = digits[(digits.count - fractionDigits)...]
        while frac.last == UInt8(ascii: "0") { frac.removeLast() }
        if intPart.isEmpty { intPart = [UInt8(ascii: "0")] }
        var out: [UInt8] = i < 0 ? [UInt8(ascii: "-")] : []
        out += intPart
        if !frac.isEmpty { out.append(UInt8(ascii: ".")); out += frac }
        if out == [UInt8(ascii: "-"), UInt8(ascii: "0")] { return "0" }
        return String(decoding: out, as: UTF8.self)
    }
}
