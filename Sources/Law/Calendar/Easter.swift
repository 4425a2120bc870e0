public import Money

/// Easter Sunday (Eerste Paasdag) of the Gregorian calendar, the day the movable holidays hang on.
public enum Easter {
    /// Easter Sunday of `year`, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    ///
    /// Valid for every Gregorian year; the results for 2000-2035 are checked in the tests against
    /// an independent implementation (python-dateutil).
    public static func sunday(in year: Int) -> Day {
        let goldenNumber = year % 19
        let century = year / 100
        let yearOfCentury = year % 100
        let leapCenturies = century / 4
        let centuryRemainder = century % 4
        let moonCorrection = (century + 8) / 25
        let solarCorrection = (century - moonCorrection + 1) / 3
        let epact = (19 * goldenNumber + century - leapCenturies - solarCorrection + 15) % 30
        let leapYears = yearOfCentury / 4
        let yearRemainder = yearOfCentury % 4
        let weekdayOffset = (32 + 2 * centuryRemainder + 2 * leapYears - epact - yearRemainder) % 7
        let lateCorrection = (goldenNumber + 11 * epact + 22 * weekdayOffset) / 451
        let monthAndDay = epact + weekdayOffset - 7 * lateCorrection + 114
        guard let day = Day(year: year, month: monthAndDay / 31, day: monthAndDay % 31 + 1) else {
            preconditionFailure("the Easter algorithm always yields a day in March or April")
        }
        return day
    }
}
