import Money

/// The day `year`-`month`-`day` of a holiday on a fixed date; every such date exists every year.
func fixedDay(_ year: Int, _ month: Int, _ day: Int) -> Day {
    guard let result = Day(year: year, month: month, day: day) else {
        preconditionFailure("\(year)-\(month)-\(day) is not a day")
    }
    return result
}

/// `holidays` sorted by day; two holidays on one day keep their listed order, so the result
/// never depends on how the sort treats ties.
func inCalendarOrder(_ holidays: [(day: Day, name: String)]) -> [(day: Day, name: String)] {
    holidays.enumerated()
        .sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
        .map(\.element)
}
