import Law
import Money
import Testing

@Suite struct EasterTests {
    /// Easter Sunday 2000-2035 from python-dateutil (`dateutil.easter.easter`, the Western method),
    /// generated once and pasted here as the independent reference.
    static let dateutilEasterSundays = [
        "2000-04-23", "2001-04-15", "2002-03-31", "2003-04-20", "2004-04-11", "2005-03-27",
        "2006-04-16", "2007-04-08", "2008-03-23", "2009-04-12", "2010-04-04", "2011-04-24",
        "2012-04-08", "2013-03-31", "2014-04-20", "2015-04-05", "2016-03-27", "2017-04-16",
        "2018-04-01", "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09",
        "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01",
        "2030-04-21", "2031-04-13", "2032-03-28", "2033-04-17", "2034-04-09", "2035-03-25",
    ]

    @Test func matchesDateutilFrom2000To2035() {
        for (offset, expected) in Self.dateutilEasterSundays.enumerated() {
            #expect(Easter.sunday(in: 2000 + offset) == day(expected), "year \(2000 + offset)")
        }
    }

    @Test func isAlwaysASundayBetween22MarchAnd25April() {
        for year in 1583...2500 {
            let easter = Easter.sunday(in: year)
            #expect(easter.weekday == .sunday)
            #expect(easter >= Day(year: year, month: 3, day: 22)!)
            #expect(easter <= Day(year: year, month: 4, day: 25)!)
        }
    }
}
