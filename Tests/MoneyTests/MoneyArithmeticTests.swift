import Money
import PropertyBased
import Testing

// Overflow (an amount beyond ±92 quadrillion euros, a product past Int128) traps by design: it is a
// programmer error, not an input to handle, so no test here provokes it.

@Suite struct MoneyArithmeticTests {
    @Test func arithmetic() {
        let amount = Money(cents: 12_345)
        #expect(amount + Money(cents: 55) == Money(cents: 12_400))
        #expect(amount - Money(cents: 12_400) == Money(cents: -55))
        #expect(-amount == Money(cents: -12_345))
        #expect(amount * 3 == Money(cents: 37_035))
        #expect(amount * -2 == Money(cents: -24_690))
        #expect(amount * 0 == .zero)
        var running = amount
        running += Money(cents: 5)
        running -= Money(cents: 50)
        #expect(running == Money(cents: 12_300))
        #expect(Money.sum([Money(cents: 1), Money(cents: -3), Money(cents: 10)]) == Money(cents: 8))
        #expect(Money.sum([Money]()) == .zero)
        #expect(Money.min(amount, -amount) == -amount)
        #expect(Money.max(amount, -amount) == amount)
        #expect(Money(cents: -1) < .zero)
        #expect(Money(cents: -1).isNegative && Money.zero.isZero && Money(cents: 1).isPositive)
    }

    @Test func eurosAndCents() {
        #expect(Money(euros: 12, cents: 30) == Money(cents: 1_230))
        #expect(Money(euros: 12) == Money(cents: 1_200))
        #expect(Money(euros: 0, cents: 5) == Money(cents: 5))
    }

    /// `Money(euros: -12, cents: -30)` used to be accepted and made -11.70; now a negative `cents`
    /// traps (a programmer error, so not tested here) and the sign is taken from `euros` alone.
    @Test func eurosAndCentsTakeTheSignOfEuros() {
        #expect(Money(euros: -12, cents: 30) == Money(cents: -1_230))
        #expect(Money(euros: -12, cents: 30).description == "-12.30")
    }

    @Test func multipliedByRateRoundsByTheNamedRule() {
        let base = Money(cents: 100_000)
        #expect(base.multiplied(by: Rate(basisPoints: 1225), rounding: .halfUp) == Money(cents: 12_250))
        // 50 cents x 1% = 0.5 cent, a tie.
        let tie = Money(cents: 50)
        let onePercent = Rate(basisPoints: 100)
        #expect(tie.multiplied(by: onePercent, rounding: .halfUp) == Money(cents: 1))
        #expect(tie.multiplied(by: onePercent, rounding: .halfEven) == .zero)
        #expect(tie.multiplied(by: onePercent, rounding: .towardZero) == .zero)
        #expect(tie.multiplied(by: onePercent, rounding: .awayFromZero) == Money(cents: 1))
        #expect((-tie).multiplied(by: onePercent, rounding: .halfUp) == Money(cents: -1))
        #expect(Money(cents: 150).multiplied(by: onePercent, rounding: .halfEven) == Money(cents: 2))
        // 333 cents x 8% = 26.64 cents.
        #expect(Money(cents: 333).multiplied(by: Rate(basisPoints: 800), rounding: .halfUp) == Money(cents: 27))
        #expect(Money(cents: 333).multiplied(by: Rate(basisPoints: 800), rounding: .towardZero) == Money(cents: 26))
    }

    /// 60 quadrillion cents x 150%: the product of cents and millionths is far past Int64, but the
    /// result fits, so the Int128 intermediate must carry it.
    @Test func intermediatesDoNotOverflowInt64() {
        let large = Money(cents: 6_000_000_000_000_000_000)
        let rate = Rate(basisPoints: 15_000)
        #expect(large.multiplied(by: rate, rounding: .halfUp) == Money(cents: 9_000_000_000_000_000_000))
        let overAYear = large.multiplied(by: rate, times: 365, over: 365, rounding: .halfUp)
        #expect(overAYear == Money(cents: 9_000_000_000_000_000_000))
    }

    @Test func interestForDays() {
        // EUR 10,000 at 8% for 30 days of 365: 6575.342... cents.
        let eightPercent = Rate(basisPoints: 800)
        let interest = Money(euros: 10_000).multiplied(by: eightPercent, times: 30, over: 365, rounding: .halfUp)
        #expect(interest == Money(cents: 6_575))
        // Rounded once at the end, not per factor: 1 cent x 100% x 1/2 is a tie.
        let whole = Rate(basisPoints: 10_000)
        #expect(Money(cents: 1).multiplied(by: whole, times: 1, over: 2, rounding: .halfUp) == Money(cents: 1))
        #expect(Money(cents: 1).multiplied(by: whole, times: 1, over: 2, rounding: .halfEven) == .zero)
    }

    /// Rounds `numerator / denominator` by way of Double, independently of `Rounding.divide`.
    ///
    /// Exact by construction, checked here rather than assumed: the numerator is below 2^53, so it
    /// and the denominator are exact Doubles and their quotient is correctly rounded, off by at most
    /// half an ulp. Two different fractions of this denominator lie at least 1/denominator apart,
    /// and the guard asks that half an ulp be smaller than half of that, so the Double quotient stays
    /// on the same side of every integer and half-integer as the exact one, and lands on a
    /// half-integer only when the exact quotient is one.
    static func doubleRounded(_ numerator: Int128, over denominator: Int128, _ rule: Rounding) throws -> Int128 {
        try #require(numerator.magnitude < 1 << 53 && denominator < 1 << 53)
        let quotient = Double(numerator) / Double(denominator)
        try #require(quotient.ulp < 1 / Double(denominator))
        let doubleRule: FloatingPointRoundingRule =
            switch rule {
            case .halfUp: .toNearestOrAwayFromZero
            case .halfEven: .toNearestOrEven
            case .towardZero: .towardZero
            case .awayFromZero: .awayFromZero
            }
        return Int128(quotient.rounded(doubleRule))
    }

    @Test func multipliedByRateAgreesWithDoubleWhereDoubleIsExact() async throws {
        // Up to EUR 10 million at up to 100%: cents x millionths stays below 10^15 < 2^53.
        let amounts = Gen.int64(in: -1_000_000_000...1_000_000_000)
        let rates = Gen.int64(in: 0...1_000_000)
        await propertyCheck(count: 500, input: amounts, rates, Gen<Rounding>.case) { cents, millionths, rule in
            let expected = try Self.doubleRounded(Int128(cents) * Int128(millionths), over: 1_000_000, rule)
            let actual = Money(cents: cents).multiplied(by: Rate(millionths: millionths), rounding: rule)
            #expect(Int128(actual.cents) == expected, "\(cents) x \(millionths) millionths, \(rule)")
        }
    }

    @Test func multipliedOverDaysAgreesWithDoubleWhereDoubleIsExact() async throws {
        // Up to EUR 100,000 at up to 100% for up to 366 of 365 or 366 days: the numerator stays
        // below 3.7 x 10^15 < 2^53 and the quotient below 2^24, whose half ulp (2^-30) is below
        // 1 / (2 x 366 x 10^6).
        let amounts = Gen.int64(in: -10_000_000...10_000_000)
        let rates = Gen.int64(in: 0...1_000_000)
        await propertyCheck(
            count: 500, input: amounts, rates, Gen.int(in: 0...366), Gen.int(in: 365...366), Gen<Rounding>.case
        ) { cents, millionths, days, yearDays, rule in
            let numerator = Int128(cents) * Int128(millionths) * Int128(days)
            let expected = try Self.doubleRounded(numerator, over: 1_000_000 * Int128(yearDays), rule)
            let rate = Rate(millionths: millionths)
            let actual = Money(cents: cents).multiplied(by: rate, times: days, over: yearDays, rounding: rule)
            #expect(Int128(actual.cents) == expected, "\(cents) x \(millionths) x \(days)/\(yearDays), \(rule)")
        }
    }
}
