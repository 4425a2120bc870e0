import Money
import PropertyBased
import Testing

@Suite struct RoundingTests {
    /// Quotients as numerator / denominator, with what each rule makes of them.
    /// Columns: numerator, denominator, halfUp, halfEven, towardZero, awayFromZero.
    static let table: [(Int128, Int128, Int128, Int128, Int128, Int128)] = [
        (5, 2, 3, 2, 2, 3),  // 2.5
        (-5, 2, -3, -2, -2, -3),  // -2.5
        (7, 2, 4, 4, 3, 4),  // 3.5
        (-7, 2, -4, -4, -3, -4),  // -3.5
        (1, 2, 1, 0, 0, 1),  // 0.5
        (-1, 2, -1, 0, 0, -1),  // -0.5
        (7, 3, 2, 2, 2, 3),  // 2.33...
        (-7, 3, -2, -2, -2, -3),  // -2.33...
        (8, 3, 3, 3, 2, 3),  // 2.67...
        (-8, 3, -3, -3, -2, -3),  // -2.67...
        (2_499_999, 1_000_000, 2, 2, 2, 3),  // just below a half
        (-2_500_001, 1_000_000, -3, -3, -2, -3),  // just beyond a half
        (6, 3, 2, 2, 2, 2),  // exact
        (-6, 3, -2, -2, -2, -2),  // exact
        (0, 7, 0, 0, 0, 0),
    ]

    @Test func eachRuleOnHalvesAndNonHalves() {
        for (numerator, denominator, halfUp, halfEven, towardZero, awayFromZero) in Self.table {
            let quotient = "\(numerator)/\(denominator)"
            #expect(Rounding.halfUp.divide(numerator, by: denominator) == halfUp, "halfUp \(quotient)")
            #expect(Rounding.halfEven.divide(numerator, by: denominator) == halfEven, "halfEven \(quotient)")
            #expect(Rounding.towardZero.divide(numerator, by: denominator) == towardZero, "towardZero \(quotient)")
            #expect(
                Rounding.awayFromZero.divide(numerator, by: denominator) == awayFromZero, "awayFromZero \(quotient)")
        }
    }

    static let numerators = Gen.int64(in: -1_000_000_000_000...1_000_000_000_000)
    static let denominators = Gen.int64(in: 1...1_000_000_000)

    /// The nearest rules are never more than half a unit off: |rounded x denominator - numerator| <= denominator / 2.
    @Test func nearestRulesAreWithinHalfAUnit() async {
        await propertyCheck(count: 500, input: Self.numerators, Self.denominators) { numerator, denominator in
            for rule in [Rounding.halfUp, .halfEven] {
                let rounded = rule.divide(Int128(numerator), by: Int128(denominator))
                let error = (rounded * Int128(denominator) - Int128(numerator)).magnitude
                #expect(error * 2 <= UInt128(denominator), "\(rule) \(numerator)/\(denominator) gave \(rounded)")
            }
        }
    }

    /// Toward zero never increases the magnitude, away from zero never decreases it, and both stay
    /// within one unit of the exact quotient.
    @Test func directedRulesStayOnTheirSide() async {
        await propertyCheck(count: 500, input: Self.numerators, Self.denominators) { numerator, denominator in
            let exact = Int128(numerator)
            let scale = Int128(denominator)
            let down = Rounding.towardZero.divide(exact, by: scale)
            let up = Rounding.awayFromZero.divide(exact, by: scale)
            #expect((down * scale).magnitude <= exact.magnitude)
            #expect((up * scale).magnitude >= exact.magnitude)
            #expect((down * scale - exact).magnitude < UInt128(denominator))
            #expect((up * scale - exact).magnitude < UInt128(denominator))
        }
    }

    /// On an exact tie half-even lands on the even neighbour and half-up away from zero.
    @Test func tiesGoToTheirNamedNeighbour() async {
        await propertyCheck(count: 500, input: Gen.int64(in: -1_000_000_000...1_000_000_000), Self.denominators) {
            whole, halfDenominator in
            let denominator = Int128(halfDenominator) * 2
            let sign: Int128 = whole < 0 ? -1 : 1
            // whole + 1/2 (or whole - 1/2 below zero), exactly.
            let numerator = Int128(whole) * denominator + sign * Int128(halfDenominator)
            let even = whole % 2 == 0 ? Int128(whole) : Int128(whole) + sign
            #expect(Rounding.halfEven.divide(numerator, by: denominator) == even)
            #expect(Rounding.halfUp.divide(numerator, by: denominator) == Int128(whole) + sign)
        }
    }

    @Test func everyRuleIsExactOnWholeQuotients() async {
        await propertyCheck(count: 200, input: Self.numerators, Self.denominators) { quotient, denominator in
            for rule in Rounding.allCases {
                #expect(
                    rule.divide(Int128(quotient) * Int128(denominator), by: Int128(denominator)) == Int128(quotient))
            }
        }
    }
}
