/// An exact quotient, kept as numerator and denominator so that every rendering rounds once, from
/// the exact value (a share shown as 12.3% is not first rounded to 0.1235 and then again).
///
/// Rounding is half up (away from zero for the non-negative figures of the report), the project's
/// default rule.
public struct Ratio: Hashable, Sendable {
    /// The numerator.
    public let numerator: Int64
    /// The denominator; 0 means "no data" (a mean of nothing, a share of nothing).
    public let denominator: Int64

    /// `numerator / denominator`.
    public init(_ numerator: Int64, over denominator: Int64) {
        precondition(denominator >= 0 && numerator >= 0, "report ratios are not negative")
        self.numerator = numerator
        self.denominator = denominator
    }

    /// True when there is nothing to divide by.
    public var isUndefined: Bool { denominator == 0 }

    /// The value times 10^`decimals`, rounded half up; nil when undefined.
    public func scaled(decimals: Int) -> Int64? {
        guard denominator > 0 else { return nil }
        var scale: Int128 = 1
        for _ in 0..<decimals { scale *= 10 }
        let exact = Int128(numerator) * scale
        let quotient = (2 * exact + Int128(denominator)) / (2 * Int128(denominator))
        return Int64(quotient)
    }

    /// The value with `decimals` decimals and a dot, e.g. `0.1235`; nil when undefined.
    public func decimalText(decimals: Int) -> String? {
        guard let scaled = scaled(decimals: decimals) else { return nil }
        return Ratio.text(scaled: scaled, decimals: decimals, separator: ".")
    }

    /// `scaled / 10^decimals` as text with `separator` before the decimals.
    static func text(scaled: Int64, decimals: Int, separator: String) -> String {
        let negative = scaled < 0
        var digits = String(scaled.magnitude)
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            digits.insert(contentsOf: separator, at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (negative ? "-" : "") + digits
    }
}
