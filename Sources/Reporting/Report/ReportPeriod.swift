public import Money

/// The days a report covers, both ends included (`--from` and `--through`).
public struct ReportPeriod: Hashable, Sendable {
    /// The first day.
    public let from: Day
    /// The last day.
    public let through: Day

    /// The period from `from` through `through`; `from` after `through` is a programmer error.
    public init(from: Day, through: Day) {
        precondition(from <= through, "a period starts on or before its last day")
        self.from = from
        self.through = through
    }

    /// The calendar year `year`.
    public static func year(_ year: Int) -> ReportPeriod {
        ReportPeriod(from: Day(year: year, month: 1, day: 1)!, through: Day(year: year, month: 12, day: 31)!)
    }

    /// True when `day` lies in the period.
    public func contains(_ day: Day) -> Bool { from <= day && day <= through }

    /// The calendar months the period touches, each cut to the period.
    public var months: [ReportMonth] {
        var months: [ReportMonth] = []
        var start = from
        while start <= through {
            let (year, month, _) = start.components
            let monthEnd = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
            months.append(
                ReportMonth(year: year, month: month, days: ReportPeriod(from: start, through: min(monthEnd, through))))
            start = monthEnd.adding(days: 1)
        }
        return months
    }
}

/// One calendar month of a period, for the monthly series.
public struct ReportMonth: Hashable, Sendable {
    /// The year.
    public let year: Int
    /// The month, 1-12.
    public let month: Int
    /// The days of the month inside the period.
    public let days: ReportPeriod
}
