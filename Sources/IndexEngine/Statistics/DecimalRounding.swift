#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rounding to a number of decimal places as published figures are rounded: half to even, on
/// the value the `Double` actually holds.
///
/// `2.675` is stored as 2.67499999999999982…, below the half, so it rounds to 2.67; `0.125` is
/// stored exactly and is a true half, so it rounds to the even 0.12. Scaling by 10ᵈ first would
/// round the product instead (`26.15 × 10` is exactly 261.5 after rounding, so 26.2, where the
/// value held is below 26.15 and rounds to 26.1). The C library's `%.*f` conversion rounds the
/// exact binary value half to even, and reading its decimal text back gives the nearest `Double`
/// to the rounded decimal: the same as Python's `round(x, digits)`.
enum DecimalRounding {
    /// The most decimal places a rounding may keep; beyond 15 a `Double` holds no more decimal digits.
    static let maximumDigits = 15

    /// `x` rounded to `digits` decimal places (0…15), half to even; missing and infinite values
    /// are returned as they are, and so are values too large to have a fraction.
    static func halfEven(_ x: Double, digits: Int) -> Double {
        // Beyond 2⁵², every Double is a whole number and rounding leaves it unchanged.
        guard x.isFinite, abs(x) < 0x1p52, (0...maximumDigits).contains(digits) else { return x }
        // At most 16 integer digits, a sign, a point and 15 decimals: 34 bytes with the terminator.
        var buffer = [CChar](repeating: 0, count: 48)
        let written = buffer.withUnsafeMutableBufferPointer { out in
            withVaList([Int32(digits), x]) { vsnprintf(out.baseAddress, out.count, "%.*f", $0) }
        }
        guard written > 0, written < buffer.count else { return x }
        let text = String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Double(text) ?? x
    }
}
