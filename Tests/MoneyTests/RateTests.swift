import Money
import PropertyBased
import Testing

@Suite struct RateTests {
    @Test(arguments: [
        ("7", Int64(70_000)),
        ("12.25", 122_500),
        ("0.5", 5_000),
        ("12.25%", 122_500),
        ("11.15", 111_500),
        ("100", 1_000_000),
        ("0.0001", 1),
        (" 8 ", 80_000),
        ("0", 0),
    ])
    func parsesPercentages(text: String, millionths: Int64) {
        #expect(Rate(percent: text)?.millionths == millionths)
    }

    @Test(arguments: ["-1", "1.23456", "abc", "", "%", "12.", ".5", "+1", "1.2.3", "12,25", "12.25%%"])
    func rejectsPercentages(_ text: String) {
        #expect(Rate(percent: text) == nil)
    }

    /// Regression: a digit followed by a combining mark passed the digit check, and the decimals
    /// were then force-unwrapped from `Int64(_:)`, which trapped on `1.2\u{301}`.
    @Test(arguments: ["1.2\u{301}", "1\u{301}"])
    func digitWithCombiningMarkIsNotARate(_ text: String) {
        #expect(Rate(percent: text) == nil)
    }

    /// Regression: a percentage beyond Int64 millionths trapped instead of being rejected.
    @Test(arguments: ["99999999999999999", "922337203685477.5808"])
    func percentageTooLargeIsNotARate(_ text: String) {
        #expect(Rate(percent: text) == nil)
    }

    @Test func largestPercentageStillParses() {
        #expect(Rate(percent: "922337203685477.5807")?.millionths == Int64.max)
    }

    @Test func percentTextDropsTrailingZeros() {
        #expect(Rate(basisPoints: 1225).percentText == "12.25")
        #expect(Rate(basisPoints: 700).percentText == "7")
        #expect(Rate(basisPoints: 50).percentText == "0.5")
        #expect(Rate(millionths: 123).percentText == "0.0123")
        #expect(Rate(basisPoints: 1225).description == "12.25%")
        #expect(Rate.zero.description == "0%")
    }

    /// Regression: `percentText` of a negative rate padded with a negative count and trapped.
    @Test func negativeRatePrintsItsSignOnce() {
        #expect(Rate(millionths: -122_500).description == "-12.25%")
        #expect(Rate(basisPoints: -50).percentText == "-0.5")
        #expect(Rate(basisPoints: -700).percentText == "-7")
    }

    @Test func percentTextRoundTripsBasisPoints() async {
        await propertyCheck(count: 500, input: Gen.int64(in: 0...1_000_000)) { basisPoints in
            let rate = Rate(basisPoints: basisPoints)
            #expect(Rate(percent: rate.percentText) == rate, "\(basisPoints) basis points as \(rate.percentText)")
            #expect(Rate(percent: rate.description) == rate)
        }
    }

    @Test func percentTextRoundTripsMillionths() async {
        await propertyCheck(count: 500, input: Gen.int64(in: 0...Int64.max)) { millionths in
            let rate = Rate(millionths: millionths)
            #expect(Rate(percent: rate.percentText) == rate, "\(millionths) millionths as \(rate.percentText)")
        }
    }

    @Test func ordersByValue() {
        #expect(Rate(percent: "0.5")! < Rate(percent: "7")!)
        #expect(Rate(basisPoints: 1225) == Rate(millionths: 122_500))
    }
}
