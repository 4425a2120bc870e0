/// A civil date (a day on the calendar) with no time and no time zone.
///
/// Held as the number of days since 1970-01-01 in the proleptic Gregorian calendar, so day
/// arithmetic is integer arithmetic. The conversion follows Howard Hinnant's `days_from_civil`.
public struct Day: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 (negative before it).
    public let daysSinceEpoch: Int

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// The day with this year, month (1-12) and day of month, or nil when no such day exists.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        self.daysSinceEpoch = era * 146_097 + dayOfEra - 719_468
    }

    /// Parses an ISO-8601 calendar date, `YYYY-MM-DD`; nil for anything else.
    public init?(iso text: String) {
        var text = text
        guard let day = text.withUTF8({ Day(isoUTF8: $0) }) else { return nil }
        self = day
    }

    /// Parses the UTF-8 bytes of an ISO-8601 calendar date, `YYYY-MM-DD`: exactly four, two and two
    /// ASCII digits separated by `-`; nil for anything else.
    public init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) &- 0x30
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The calendar year.
    public var year: Int { components.year }
    /// The month, 1-12.
    public var month: Int { components.month }
    /// The day of the month, 1-31.
    public var dayOfMonth: Int { components.day }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((daysSinceEpoch % 7) + 7 + 3) % 7
        return Weekday.allCases[index]
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + count) }

    /// The same day of the month `count` months later; the 29th-31st become the month's last day
    /// when the target month is shorter (31 January + 1 month = 28 or 29 February).
    public func adding(months count: Int) -> Day {
        let (year, month, day) = components
        let monthIndex = year * 12 + (month - 1) + count
        let targetYear = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
        let targetMonth = monthIndex - targetYear * 12 + 1
        let clampedDay = min(day, Day.daysIn(month: targetMonth, year: targetYear))
        return Day(year: targetYear, month: targetMonth, day: clampedDay)!
    }

    /// The same day `count` years later; 29 February becomes 28 February in a common year.
    public func adding(years count: Int) -> Day { adding(months: 12 * count) }

    /// Days from this day to `later` (positive when `later` is after this day).
    public func days(until later: Day) -> Int { later.daysSinceEpoch - daysSinceEpoch }

    /// True for 29 February... and every other day of a leap year.
    public static func isLeap(year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The number of days in a month of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year: year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (left: Day, right: Day) -> Bool { left.daysSinceEpoch < right.daysSinceEpoch }
}

extension Day: CustomStringConvertible {
    /// ISO-8601: `2025-03-07`.
    public var description: String {
        let (year, month, day) = components
        if (0...9999).contains(year) {
            return String(unsafeUninitializedCapacity: 10) { text in
                _ = DecimalDigits.write(UInt64(year), into: text, endingAt: 3, digits: 4)
                text[4] = UInt8(ascii: "-")
                _ = DecimalDigits.write(UInt64(month), into: text, endingAt: 6, digits: 2)
                text[7] = UInt8(ascii: "-")
                _ = DecimalDigits.write(UInt64(day), into: text, endingAt: 9, digits: 2)
                return 10
            }
        }
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value.magnitude)
            return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

extension Day: Codable {
    /// Decodes from an ISO-8601 string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a day as YYYY-MM-DD, got \(text)")
        }
        self = day
    }

    /// Encodes as an ISO-8601 string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Day: Strideable {
    public func distance(to other: Day) -> Int { days(until: other) }
    public func advanced(by count: Int) -> Day { adding(days: count) }
}

/// A day of the week.
public enum Weekday: String, CaseIterable, Sendable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
}
