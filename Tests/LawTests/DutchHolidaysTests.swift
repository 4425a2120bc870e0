import Law
import Money
import Testing

@Suite struct DutchHolidaysTests {
    @Test func theElevenHolidaysOf2025() {
        let holidays = DutchHolidays.holidays(in: 2025).map { "\($0.day) \($0.name)" }
        #expect(
            holidays == [
                "2025-01-01 Nieuwjaarsdag", "2025-04-18 Goede Vrijdag", "2025-04-20 Eerste Paasdag",
                "2025-04-21 Tweede Paasdag", "2025-04-26 Koningsdag", "2025-05-05 Bevrijdingsdag",
                "2025-05-29 Hemelvaartsdag", "2025-06-08 Eerste Pinksterdag", "2025-06-09 Tweede Pinksterdag",
                "2025-12-25 Eerste Kerstdag", "2025-12-26 Tweede Kerstdag",
            ])
    }

    /// 27 April 2025 is a Sunday, so King's Day is Saturday 26 April; in 2026 it is Monday 27 April.
    /// `isHoliday` answers 1970-2199 from a table built once; every day from 1968 to 2201 (both
    /// ends of the table and past them) gets the answer the year's list gives.
    @Test func theTableAnswersAsTheListOfEachYear() {
        var holidays = 0
        var day = Day(iso: "1968-01-01")!
        while day <= Day(iso: "2201-12-31")! {
            let listed = DutchHolidays.holidays(in: day.year).contains { $0.day == day }
            #expect(DutchHolidays.isHoliday(day) == listed, "\(day)")
            if listed { holidays += 1 }
            day = day.adding(days: 1)
        }
        // Eleven a year, fewer when Ascension falls on 5 May.
        #expect(holidays > 234 * 10 && holidays <= 234 * 11)
        #expect(DutchHolidays.isHoliday(Day(iso: "2026-04-27")!) && !DutchHolidays.isHoliday(Day(iso: "2026-04-28")!))
    }

    @Test func kingsDayMovesToSaturdayWhenThe27thIsASunday() {
        #expect(DutchHolidays.isHoliday(day("2025-04-26")))
        #expect(!DutchHolidays.isHoliday(day("2025-04-27")))
        #expect(DutchHolidays.isHoliday(day("2026-04-27")))
        #expect(DutchHolidays.isHoliday(day("2014-04-26")))  // the first King's Day; the 27th was a Sunday
    }

    /// Before 2014 the monarch's birthday was celebrated on 30 April (Queen's Day).
    @Test func queensDayBefore2014() {
        #expect(DutchHolidays.isHoliday(day("2013-04-30")))
        #expect(!DutchHolidays.isHoliday(day("2013-04-27")))
        #expect(DutchHolidays.isHoliday(day("2006-04-29")))  // 30 April 2006 was a Sunday
    }

    @Test func liberationDayEveryYearNotOnlyLustrumYears() {
        #expect(DutchHolidays.isHoliday(day("2026-05-05")))
        #expect(DutchHolidays.isHoliday(day("2025-05-05")))
    }

    /// In 2005 Easter fell on 27 March, so Ascension fell on 5 May, together with Liberation Day.
    @Test func ascensionOnLiberationDayKeepsBothNamesInOrder() {
        let may5 = DutchHolidays.holidays(in: 2005).filter { $0.day == day("2005-05-05") }.map(\.name)
        #expect(may5 == ["Bevrijdingsdag", "Hemelvaartsdag"])
    }

    @Test func workingDaysSkipWeekendsAndHolidays() {
        #expect(DutchHolidays.isWorkingDay(day("2025-03-07")))  // a Friday
        #expect(!DutchHolidays.isWorkingDay(day("2025-03-08")))  // a Saturday
        #expect(!DutchHolidays.isWorkingDay(day("2025-04-18")))  // Good Friday
        #expect(!DutchHolidays.isWorkingDay(day("2025-05-29")))  // Ascension Day
    }
}
