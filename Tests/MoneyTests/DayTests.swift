import Foundation
import Money
import PropertyBased
import Testing

@Suite struct DayTests {
    /// The first and last day every exhaustive test walks: four centuries either side of the epoch,
    /// all after Foundation's switch from the Julian calendar (1582-10-15).
    static let firstDay = Day(year: 1600, month: 1, day: 1)!
    static let lastDay = Day(year: 2400, month: 12, day: 31)!

    @Test func epochIsDayZero() {
        #expect(Day(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(Day(year: 1969, month: 12, day: 31)!.daysSinceEpoch == -1)
        #expect(Day(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 11_017)
    }

    /// Walks the calendar by hand (year, month, day of month, using only `daysIn`) and checks that
    /// each date is exactly one day after the one before, in both directions of the conversion.
    @Test func componentsRoundTripEveryDayFrom1600To2400() {
        var expected = Self.firstDay.daysSinceEpoch
        for year in 1600...2400 {
            for month in 1...12 {
                for dayOfMonth in 1...Day.daysIn(month: month, year: year) {
                    let day = Day(year: year, month: month, day: dayOfMonth)!
                    if day.daysSinceEpoch != expected {
                        Issue.record(
                            "\(year)-\(month)-\(dayOfMonth) is day \(day.daysSinceEpoch), expected \(expected)")
                    }
                    let components = Day(daysSinceEpoch: expected).components
                    if components != (year, month, dayOfMonth) { Issue.record("day \(expected) gives \(components)") }
                    expected += 1
                }
            }
        }
        #expect(expected == Self.lastDay.daysSinceEpoch + 1)
    }

    /// Foundation's Gregorian calendar in UTC is an independent implementation of the same calendar.
    @Test func componentsAndWeekdayAgreeWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // Foundation numbers weekdays from Sunday = 1.
        let foundationWeekdays: [Weekday] = [.sunday, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday]
        for day in Self.firstDay...Self.lastDay {
            let date = Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400)
            let expected = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            if day.components != (expected.year!, expected.month!, expected.day!)
                || day.weekday != foundationWeekdays[expected.weekday! - 1]
            {
                Issue.record("\(day) (\(day.weekday)) differs from Foundation: \(expected)")
            }
        }
    }

    @Test func weekdayOfKnownDays() {
        #expect(Day(year: 1970, month: 1, day: 1)!.weekday == .thursday)
        #expect(Day(year: 1969, month: 12, day: 31)!.weekday == .wednesday)
        #expect(Day(year: 2025, month: 3, day: 7)!.weekday == .friday)
        #expect(Day(year: 1600, month: 1, day: 1)!.weekday == .saturday)
    }

    @Test func rejectsDaysThatDoNotExist() {
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day(year: 2025, month: 4, day: 31) == nil)
        #expect(Day(year: 2025, month: 0, day: 1) == nil)
        #expect(Day(year: 2025, month: 1, day: 0) == nil)
    }

    @Test func parsesISODays() {
        #expect(Day(iso: "2025-02-03") == Day(year: 2025, month: 2, day: 3))
        #expect(Day(iso: "2024-02-29") == Day(year: 2024, month: 2, day: 29))
        #expect(Day(iso: "2025-03-07")?.description == "2025-03-07")
    }

    @Test(arguments: [
        "2025-2-3", "2025-02-30", "2025-13-01", "20250203", " 2025-02-03", "2025-02-03 ", "2023-02-29",
        "2025-00-10", "2025-01-00", "", "2025-02", "2025-02-03-04", "+025-02-03", "2025-0\u{0661}-03",
    ])
    func rejectsISOText(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test(arguments: [
        ("2024-01-31", 1, "2024-02-29"),
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-03-31", 1, "2024-04-30"),
        ("2024-11-30", 3, "2025-02-28"),
        ("2024-01-15", 12, "2025-01-15"),
        ("2024-03-31", -1, "2024-02-29"),
        ("2023-03-31", -1, "2023-02-28"),
        ("2025-01-15", -13, "2023-12-15"),
        ("2025-05-31", -24, "2023-05-31"),
        ("0000-01-31", -1, "-0001-12-31"),
    ])
    func addingMonthsClampsToTheLastDay(start: String, months: Int, expected: String) {
        #expect(Day(iso: start)!.adding(months: months).description == expected)
    }

    @Test(arguments: [
        ("2024-02-29", 1, "2025-02-28"),
        ("2024-02-29", 4, "2028-02-29"),
        ("2024-02-29", -1, "2023-02-28"),
        ("2024-02-29", -4, "2020-02-29"),
        ("2024-02-29", 76, "2100-02-28"),
        ("2023-03-01", -3, "2020-03-01"),
    ])
    func addingYearsMovesLeapDays(start: String, years: Int, expected: String) {
        #expect(Day(iso: start)!.adding(years: years).description == expected)
    }

    /// For days of the month up to the 28th nothing is clamped, so month steps add up.
    @Test func addingMonthsComposesWhenNothingIsClamped() async {
        let startDays = Gen.int(in: Self.firstDay.daysSinceEpoch...Self.lastDay.daysSinceEpoch)
        await propertyCheck(count: 500, input: startDays, Gen.int(in: -600...600), Gen.int(in: -600...600)) {
            daysSinceEpoch, first, second in
            let start = Day(daysSinceEpoch: daysSinceEpoch)
            let day = Day(year: start.year, month: start.month, day: min(start.dayOfMonth, 28))!
            #expect(day.adding(months: first).adding(months: second) == day.adding(months: first + second))
            #expect(day.adding(months: first).adding(months: -first) == day)
        }
    }

    @Test func dayArithmeticAndStriding() {
        let start = Day(iso: "2024-02-27")!
        #expect(start.adding(days: 3).description == "2024-03-01")
        #expect(start.adding(days: -58).description == "2023-12-31")
        #expect(start.days(until: Day(iso: "2025-02-27")!) == 366)
        #expect(Day(iso: "2025-02-27")!.days(until: start) == -366)
        #expect(Array(start...start.adding(days: 2)).map(\.description) == ["2024-02-27", "2024-02-28", "2024-02-29"])
        #expect(start < start.adding(days: 1))
    }

    @Test func descriptionPadsToISOWidth() {
        #expect(Day(year: 812, month: 3, day: 4)!.description == "0812-03-04")
        #expect(Day(year: -1, month: 12, day: 31)!.description == "-0001-12-31")
    }

    /// The ISO form has four year digits: days outside 0000-9999 print, but do not read back
    /// (see docs/decisions/0002-money-representation.md).
    @Test func isoTextCoversYears0000To9999() {
        #expect(Day(iso: Day(year: 0, month: 1, day: 1)!.description) == Day(year: 0, month: 1, day: 1))
        #expect(Day(iso: Day(year: 9999, month: 12, day: 31)!.description) == Day(year: 9999, month: 12, day: 31))
        #expect(Day(year: 10_000, month: 1, day: 1)!.description == "10000-01-01")
        #expect(Day(iso: "10000-01-01") == nil)
        #expect(Day(iso: "-0001-12-31") == nil)
    }

    @Test func codableRoundTripsAsISOText() throws {
        let days = [Day(iso: "2024-02-29")!, Day(iso: "1970-01-01")!, Day(iso: "1600-01-01")!]
        let data = try JSONEncoder().encode(days)
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-02-29","1970-01-01","1600-01-01"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: data) == days)
    }

    @Test func decodingRejectsAnImpossibleDay() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Day].self, from: Data(#"["2025-02-30"]"#.utf8))
        }
    }
}
