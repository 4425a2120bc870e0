/// An amount of euros, held exactly as a whole number of cents.
///
/// Arithmetic traps on overflow rather than wrapping: an amount beyond ±92 quadrillion euros is a
/// programmer error, never a value to carry on with. Multiplying by a rate always names its rounding.
public struct Money: Hashable, Comparable, Sendable {
    /// The amount in euro cents.
    public let cents: Int64

    /// An amount of `cents` euro cents.
    public init(cents: Int64) {
        self.cents = cents
    }

    /// Whole euros and cents, e.g. `Money(euros: 12, cents: 30)` for EUR 12.30 and
    /// `Money(euros: -12, cents: 30)` for EUR -12.30: the sign is the sign of `euros`.
    ///
    /// `cents` must be 0-99. A negative `cents` used to be accepted and silently shrank a negative
    /// amount (`euros: -12, cents: -30` made -11.70); an amount below one euro with a sign is
    /// `Money(cents: -30)`.
    public init(euros: Int64, cents: Int64 = 0) {
        precondition((0..<100).contains(cents), "cents must be 0-99; the sign goes on euros")
        let (scaled, overflow) = euros.multipliedReportingOverflow(by: 100)
        precondition(!overflow, "Money overflow")
        self.cents = euros < 0 ? scaled - cents : scaled + cents
    }

    /// Zero euros.
    public static let zero = Money(cents: 0)

    /// True when the amount is below zero.
    public var isNegative: Bool { cents < 0 }

    /// True when the amount is exactly zero.
    public var isZero: Bool { cents == 0 }

    /// True when the amount is above zero.
    public var isPositive: Bool { cents > 0 }

    /// The amount with its sign flipped.
    public static prefix func - (amount: Money) -> Money { Money(cents: -amount.cents) }

    public static func + (left: Money, right: Money) -> Money { Money(cents: left.cents + right.cents) }
    public static func - (left: Money, right: Money) -> Money { Money(cents: left.cents - right.cents) }
    public static func += (left: inout Money, right: Money) { left = left + right }
    public static func -= (left: inout Money, right: Money) { left = left - right }
    public static func < (left: Money, right: Money) -> Bool { left.cents < right.cents }

    /// The amount times a whole count (e.g. a monthly instalment times months).
    public static func * (amount: Money, count: Int) -> Money {
        let (product, overflow) = amount.cents.multipliedReportingOverflow(by: Int64(count))
        precondition(!overflow, "Money overflow")
        return Money(cents: product)
    }

    /// The amount times `rate`, rounded to cents by `rounding`.
    public func multiplied(by rate: Rate, rounding: Rounding) -> Money {
        Money(exactCents: rounding.divide(Int128(cents) * Int128(rate.millionths), by: Int128(Rate.scale)))
    }

    /// The amount times `rate` times `numerator / denominator`, rounded once at the end.
    ///
    /// Interest uses this: base x rate x days / 365 with a single rounding per sub-period.
    public func multiplied(by rate: Rate, times numerator: Int, over denominator: Int, rounding: Rounding) -> Money {
        precondition(denominator > 0, "denominator must be positive")
        let exact = Int128(cents) * Int128(rate.millionths) * Int128(numerator)
        return Money(exactCents: rounding.divide(exact, by: Int128(Rate.scale) * Int128(denominator)))
    }

    /// Splits the amount over `weights` in proportion, cents distributed by largest remainder so the
    /// parts add up to the whole exactly (used for pro-rata allocation).
    ///
    /// A negative amount (a refund spread back) is split as its magnitude and negated, so its parts
    /// add up too. Weights must not be negative (a programmer error). When every weight is zero
    /// there is no proportion: every part is zero and the parts do not add up to the amount.
    public func split(proportionalTo weights: [Money]) -> [Money] {
        precondition(weights.allSatisfy { !$0.isNegative }, "split weights must not be negative")
        if isNegative { return (-self).split(proportionalTo: weights).map { -$0 } }
        let total = weights.reduce(Int128(0)) { $0 + Int128($1.cents) }
        guard total > 0 else { return weights.map { _ in .zero } }
        var parts = weights.map { Int128(cents) * Int128($0.cents) / total }
        var remainders = weights.enumerated().map { index, weight in
            (index: index, remainder: Int128(cents) * Int128(weight.cents) % total)
        }
        var leftover = Int128(cents) - parts.reduce(0, +)
        remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
        var position = 0
        while leftover > 0 {
            parts[remainders[position % remainders.count].index] += 1
            leftover -= 1
            position += 1
        }
        return parts.map { Money(exactCents: $0) }
    }

    private init(exactCents: Int128) {
        guard let narrowed = Int64(exactly: exactCents) else { preconditionFailure("Money overflow") }
        self.cents = narrowed
    }

    /// The smaller of two amounts.
    public static func min(_ first: Money, _ second: Money) -> Money { first < second ? first : second }

    /// The larger of two amounts.
    public static func max(_ first: Money, _ second: Money) -> Money { first < second ? second : first }
}

extension Money: CustomStringConvertible {
    /// Plain decimal with two places and a dot, no grouping: `1234.56`, `-0.05`. The JSON and file form.
    public var description: String {
        // Written from the right into the string's buffer: at most a sign, 19 digits and the point.
        let magnitude = cents.magnitude
        return String(unsafeUninitializedCapacity: 22) { text in
            var index = DecimalDigits.write(magnitude % 100, into: text, endingAt: 21, digits: 2)
            text[index] = UInt8(ascii: ".")
            index = DecimalDigits.write(magnitude / 100, into: text, endingAt: index - 1)
            if cents < 0 {
                text[index] = UInt8(ascii: "-")
                index -= 1
            }
            // Move the text to the start of the buffer.
            let count = 21 - index
            for offset in 0..<count { text[offset] = text[index + 1 + offset] }
            return count
        }
    }

    /// Dutch display form with grouping: `€ 1.234,56`.
    public var dutchDisplay: String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        var whole = String(magnitude / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "." + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        return (cents < 0 ? "-€ " : "€ ") + whole + grouped + "," + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}

extension Money {
    /// Sums a sequence of amounts.
    public static func sum<Amounts: Sequence>(_ amounts: Amounts) -> Money where Amounts.Element == Money {
        amounts.reduce(.zero, +)
    }
}

extension Money: Codable {
    /// Decodes from the plain decimal string form, `"1234.56"` (negative amounts allowed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Money(parsing: text, allowNegative: true)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes as the plain decimal string form with two decimals, `"1234.56"`: the form of every
    /// amount in Ademruimte's JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
