public import Money

/// The general holidays (algemeen erkende feestdagen) of art. 3 Algemene termijnenwet: the days a
/// term set by law may not end on, and the days the postal delivery assumption skips.
///
/// The list is the project's cautious reading (docs/law-conventions.md): New Year's Day, Good
/// Friday, Easter Sunday and Monday, King's Day, 5 May (every year, not only lustrum years),
/// Ascension Day, Whit Sunday and Monday, Christmas Day and Boxing Day. Good Friday and the two
/// Sundays are listed so that no caller has to remember them separately.
///
/// `isWorkingDay` (from `HolidayCalendar`) gives the days a term set by law runs on to when it
/// would end on a Saturday, Sunday or holiday (art. 1 Algemene termijnenwet).
public enum DutchHolidays: HolidayCalendar {
    /// The holidays of `year` in calendar order, with their Dutch names.
    public static func holidays(in year: Int) -> [(day: Day, name: String)] {
        let easter = Easter.sunday(in: year)
        let listed: [(day: Day, name: String)] = [
            (fixedDay(year, 1, 1), "Nieuwjaarsdag"),
            (easter.adding(days: -2), "Goede Vrijdag"),
            (easter, "Eerste Paasdag"),
            (easter.adding(days: 1), "Tweede Paasdag"),
            monarchsDay(in: year),
            (fixedDay(year, 5, 5), "Bevrijdingsdag"),
            (easter.adding(days: 39), "Hemelvaartsdag"),
            (easter.adding(days: 49), "Eerste Pinksterdag"),
            (easter.adding(days: 50), "Tweede Pinksterdag"),
            (fixedDay(year, 12, 25), "Eerste Kerstdag"),
            (fixedDay(year, 12, 26), "Tweede Kerstdag"),
        ]
        // Ascension can fall on or before 5 May (30 April at the earliest): sort so the list
        // reads as a calendar. Two names on one day both stay.
        return inCalendarOrder(listed)
    }

    /// The years whose holidays `isHoliday` answers from a table, and their days.
    static let tabulatedYears = 1970...2199
    private static let tabulatedDays =
        fixedDay(tabulatedYears.lowerBound, 1, 1).daysSinceEpoch...fixedDay(tabulatedYears.upperBound, 12, 31)
        .daysSinceEpoch

    /// The holidays of `tabulatedYears`, as days since the epoch, built once.
    private static let tabulated: Set<Int> = Set(
        tabulatedYears.flatMap { holidays(in: $0).map(\.day.daysSinceEpoch) })

    /// True when `day` is one of the holidays of its year. The contact policy asks for every step
    /// the daily run takes (no contact on holidays), and building the year's list for each question
    /// was a thirtieth of a run's time; the years around ours are looked up in a table instead.
    public static func isHoliday(_ day: Day) -> Bool {
        guard tabulatedDays.contains(day.daysSinceEpoch) else {
            return holidays(in: day.year).contains { $0.day == day }
        }
        return tabulated.contains(day.daysSinceEpoch)
    }

    /// The day the monarch's birthday is celebrated (art. 3 lid 1: "de dag waarop de verjaardag van
    /// de Koning wordt gevierd").
    ///
    /// From 2014 King's Day, 27 April, or 26 April when the 27th is a Sunday. Before 2014 Queen's
    /// Day, 30 April, or 29 April when the 30th is a Sunday (the rule since 1980; earlier years are
    /// not modelled apart, no claim the project handles reaches back that far).
    static func monarchsDay(in year: Int) -> (day: Day, name: String) {
        if year >= 2014 {
            let birthday = fixedDay(year, 4, 27)
            return (birthday.weekday == .sunday ? birthday.adding(days: -1) : birthday, "Koningsdag")
        }
        let birthday = fixedDay(year, 4, 30)
        return (birthday.weekday == .sunday ? birthday.adding(days: -1) : birthday, "Koninginnedag")
    }
}
