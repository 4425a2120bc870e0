import Law
import Money
import PropertyBased
import Testing

@Suite struct StatutoryInterestTests {
    let netherlands = Shipped.netherlands

    /// netherlands-law.md section 2, the consumer example.
    @Test func consumerExampleFromTheLawDoc() throws {
        let result = try netherlands.statutoryInterest(
            kind: .consumer, principal: euros("1000.00"), from: day("2024-03-15"), through: day("2026-03-14"))
        let rows = result.periods.map {
            "\($0.from) \($0.through) \($0.days) \($0.rate.percentText) \($0.base) \($0.interest)"
        }
        #expect(
            rows == [
                "2024-03-15 2024-12-31 292 7 1000.00 56.00",
                "2025-01-01 2025-03-14 73 6 1000.00 12.00",
                "2025-03-15 2025-12-31 292 6 1068.00 51.26",
                "2026-01-01 2026-03-14 73 4 1068.00 8.54",
            ])
        #expect(result.interest == euros("127.80"))
        #expect(result.total == euros("1127.80"))
        #expect(!result.usesUnconfirmedRates)
    }

    /// netherlands-law.md section 2, the commercial example.
    @Test func commercialExampleFromTheLawDoc() throws {
        let result = try netherlands.statutoryInterest(
            kind: .commercial, principal: euros("10000.00"), from: day("2024-06-01"), through: day("2025-05-31"))
        #expect(result.periods.map(\.days) == [30, 184, 151])
        #expect(result.periods.map(\.interest) == [euros("102.74"), euros("617.53"), euros("461.27")])
        #expect(result.interest == euros("1181.54"))
    }

    /// A published half-year with an unchanged rate does not split (2024-07-01 keeps 7% consumer).
    @Test func unchangedHalfYearDoesNotSplit() throws {
        let result = try netherlands.statutoryInterest(
            kind: .consumer, principal: euros("500.00"), from: day("2024-01-01"), through: day("2024-12-31"))
        #expect(result.periods.count == 1)
        #expect(result.periods[0].days == 366)
        // 500 x 7% x 366 / 365 = 35.0958... -> 35.10 (the 365-day convention in a leap year).
        #expect(result.interest == euros("35.10"))
    }

    /// Independent hand computation: three years of 2% with capitalisation, 2017-2019.
    @Test func capitalisesEachAnniversary() throws {
        let result = try netherlands.statutoryInterest(
            kind: .consumer, principal: euros("1000.00"), from: day("2017-01-01"), through: day("2019-12-31"))
        // Year 1: 1000 x 2% = 20.00; year 2 on 1020.00: 20.40; year 3 on 1040.40: 20.81 (20.808).
        #expect(result.periods.map(\.base) == [euros("1000.00"), euros("1020.00"), euros("1040.40")])
        #expect(result.interest == euros("61.21"))
    }

    /// The anniversary of 29 February is 28 February in a common year.
    @Test func leapDayAnniversaryFallsOnTheTwentyEighth() throws {
        let result = try netherlands.statutoryInterest(
            kind: .consumer, principal: euros("1000.00"), from: day("2020-02-29"), through: day("2021-03-31"))
        #expect(result.periods.map(\.from) == [day("2020-02-29"), day("2021-02-28")])
        #expect(result.periods[0].days == 365)
        #expect(result.periods[1].base == euros("1020.00"))
    }

    @Test func unconfirmedRatesAreFlagged() throws {
        let result = try netherlands.statutoryInterest(
            kind: .commercial, principal: euros("1000.00"), from: day("2013-04-01"), through: day("2013-05-01"))
        #expect(result.usesUnconfirmedRates)
    }

    @Test func badPeriodsAreRejected() {
        #expect(throws: LawError.interest(.periodReversed(from: day("2025-01-02"), through: day("2025-01-01")))) {
            try netherlands.statutoryInterest(
                kind: .consumer, principal: euros("1.00"), from: day("2025-01-02"), through: day("2025-01-01"))
        }
        #expect(throws: LawError.interest(.noRateKnown(before: day("2009-07-01")))) {
            try netherlands.statutoryInterest(
                kind: .consumer, principal: euros("1.00"), from: day("2009-01-01"), through: day("2010-01-01"))
        }
    }

    @Test func interestIsNeverNegative() async {
        await propertyCheck(
            count: 300, input: Gen.int(in: 0...100_000_000), Gen.int(in: 14_426...20_800), Gen.int(in: 0...3_000)
        ) { cents, start, length in
            let from = Day(daysSinceEpoch: start)
            let result = try! netherlands.statutoryInterest(
                kind: .consumer, principal: Money(cents: Int64(cents)), from: from, through: from.adding(days: length))
            #expect(!result.interest.isNegative)
            #expect(result.periods.map(\.days).reduce(0, +) == length + 1)
        }
    }

    /// Within one interest year, splitting a period where the rate changes gives exactly the same
    /// interest; splitting anywhere else differs by at most the one extra rounding (one cent).
    @Test func interestIsAdditiveWithinAYear() async {
        await propertyCheck(
            count: 300, input: Gen.int(in: 0...50_000_000), Gen.int(in: 14_426...20_800), Gen.int(in: 1...363),
            Gen.int(in: 0...363)
        ) { cents, start, length, cut in
            let from = Day(daysSinceEpoch: start)
            let through = from.adding(days: length)
            let splitEnd = from.adding(days: min(cut, length - 1))
            let principal = Money(cents: Int64(cents))
            for kind in InterestKind.allCases {
                let whole = try! netherlands.statutoryInterest(
                    kind: kind, principal: principal, from: from, through: through)
                let first = try! netherlands.statutoryInterest(
                    kind: kind, principal: principal, from: from, through: splitEnd)
                let second = try! netherlands.statutoryInterest(
                    kind: kind, principal: principal, from: splitEnd.adding(days: 1), through: through)
                let difference = (whole.interest - first.interest - second.interest).cents
                let splitsAtChange = whole.periods.contains { $0.from == splitEnd.adding(days: 1) }
                if splitsAtChange {
                    #expect(difference == 0)
                } else {
                    #expect(abs(difference) <= 1)
                }
            }
        }
    }
}
