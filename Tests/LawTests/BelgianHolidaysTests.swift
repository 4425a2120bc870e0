import Law
import Money
import Testing

@Suite struct BelgianHolidaysTests {
    @Test func theTenHolidaysOf2025() {
        let holidays = BelgianHolidays.holidays(in: 2025).map { "\($0.day) \($0.name)" }
        #expect(
            holidays == [
                "2025-01-01 Nieuwjaar", "2025-04-21 Paasmaandag", "2025-05-01 Feest van de Arbeid",
                "2025-05-29 Hemelvaartsdag", "2025-06-09 Pinkstermaandag", "2025-07-21 Nationale Feestdag",
                "2025-08-15 Onze-Lieve-Vrouw-Hemelvaart", "2025-11-01 Allerheiligen",
                "2025-11-11 Wapenstilstand", "2025-12-25 Kerstmis",
            ])
    }

    @Test func goodFridayBoxingDayAndSaturdaysAreNoHolidaysButSaturdaysAreNoWorkingDays() {
        #expect(BelgianHolidays.isWorkingDay(day("2025-04-18")))  // Good Friday
        #expect(BelgianHolidays.isWorkingDay(day("2025-12-26")))  // Boxing Day
        #expect(!BelgianHolidays.isWorkingDay(day("2025-03-08")))  // a Saturday
        #expect(!BelgianHolidays.isWorkingDay(day("2025-07-21")))  // National Day, a Monday
    }
}
