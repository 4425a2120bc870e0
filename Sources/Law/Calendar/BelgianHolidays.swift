public import Money

/// The ten Belgian legal holidays (wettelijke feestdagen) of art. 1 of the Royal Decree of
/// 18 April 1974 (implementing the law of 4 January 1974 on public holidays).
///
/// `isWorkingDay` (from `HolidayCalendar`): Monday to Friday when the day is not a legal holiday,
/// a working day (werkdag) as the project reads Book XIX Code of Economic Law. Saturdays are not
/// counted, the cautious choice, since counting fewer working days can only start a waiting period
/// later.
public enum BelgianHolidays: HolidayCalendar {
    /// The holidays of `year` in calendar order, with their Dutch names.
    public static func holidays(in year: Int) -> [(day: Day, name: String)] {
        let easter = Easter.sunday(in: year)
        let all: [(day: Day, name: String)] = [
            (fixedDay(year, 1, 1), "Nieuwjaar"),
            (easter.adding(days: 1), "Paasmaandag"),
            (fixedDay(year, 5, 1), "Feest van de Arbeid"),
            (easter.adding(days: 39), "Hemelvaartsdag"),
            (easter.adding(days: 50), "Pinkstermaandag"),
            (fixedDay(year, 7, 21), "Nationale Feestdag"),
            (fixedDay(year, 8, 15), "Onze-Lieve-Vrouw-Hemelvaart"),
            (fixedDay(year, 11, 1), "Allerheiligen"),
            (fixedDay(year, 11, 11), "Wapenstilstand"),
            (fixedDay(year, 12, 25), "Kerstmis"),
        ]
        // Ascension can fall on 1 May (as in 2008): sort so the list reads as a calendar.
        return inCalendarOrder(all)
    }
}
