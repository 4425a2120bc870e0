public import Money

/// A country's list of holidays, from which its working days follow.
///
/// Each conforming type supplies the list for a year; `isWorkingDay` is shared so the Dutch and
/// Belgian calendars cannot drift apart in how they use it. By default `isHoliday` builds the list
/// for the year again on every call: about ten entries and one Easter computation, cheap next to a
/// 14-day term that asks a few dozen times. `DutchHolidays`, asked for every step the daily run
/// takes, answers from a table of the years around ours instead.
public protocol HolidayCalendar {
    /// The holidays of `year` in calendar order, with their names.
    static func holidays(in year: Int) -> [(day: Day, name: String)]
    /// True when `day` is one of the holidays of its year (a calendar may answer from a table).
    static func isHoliday(_ day: Day) -> Bool
}

extension HolidayCalendar {
    /// True when `day` is one of the holidays of its year.
    public static func isHoliday(_ day: Day) -> Bool {
        holidays(in: day.year).contains { $0.day == day }
    }

    /// True for Monday to Friday when the day is not a holiday.
    public static func isWorkingDay(_ day: Day) -> Bool {
        day.weekday != .saturday && day.weekday != .sunday && !isHoliday(day)
    }
}
