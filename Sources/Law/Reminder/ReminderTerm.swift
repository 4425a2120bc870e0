public import Money

/// The term of the Dutch 14-day letter (veertiendagenbrief, art. 6:96 lid 6 BW): when the debtor
/// received the reminder, the 14 days they have to pay, and the first day collection costs are due.
///
/// Computed with the project's cautious reading (docs/law-conventions.md), so a social collector
/// never charges a day early.
public struct ReminderTerm: Equatable, Sendable {
    /// The day the letter was posted (or the e-mail sent).
    public let posted: Day
    /// The day the debtor received the letter: the actual day when known, otherwise the assumed one.
    public let delivered: Day
    /// True when `delivered` is the postal delivery assumption, false when it is the actual day.
    public let deliveredAssumed: Bool
    /// The first of the 14 days: the day after delivery (HR 25-11-2016, ECLI:NL:HR:2016:2704).
    public let termStart: Day
    /// The last day the debtor may pay without costs: the 14th day, run on past a Saturday, Sunday
    /// or holiday (art. 1 Algemene termijnenwet).
    public let termEnd: Day
    /// The first day the collection costs are due (HR 13-06-2014, ECLI:NL:HR:2014:1405).
    public let costsDueFrom: Day

    /// The length of the payment term in days (art. 6:96 lid 6 BW).
    public static let termDays = 14

    /// The term of a 14-day letter posted on `posted`, received on `actual` when that is known.
    ///
    /// Without an actual day the letter counts as delivered on the second day after posting, where
    /// Sundays, Mondays and holidays (`DutchHolidays`, Good Friday included) count neither as the
    /// day in between nor as the delivery day, and Saturdays do count. The term is the 14 days
    /// after delivery; when the 14th is a Saturday, Sunday or holiday the term runs on to the next
    /// day that is none of these. Costs are due from the day after the term.
    ///
    /// - Precondition: `actual` is not before `posted` (an e-mail may arrive the day it is sent);
    ///   callers check user input before asking.
    public static func netherlands(posted: Day, delivered actual: Day? = nil) -> ReminderTerm {
        if let actual {
            precondition(actual >= posted, "delivered \(actual) before posted \(posted)")
        }
        let delivered = actual ?? assumedDelivery(posted: posted)
        var termEnd = delivered.adding(days: termDays)
        while !DutchHolidays.isWorkingDay(termEnd) {
            termEnd = termEnd.adding(days: 1)
        }
        return ReminderTerm(
            posted: posted,
            delivered: delivered,
            deliveredAssumed: actual == nil,
            termStart: delivered.adding(days: 1),
            termEnd: termEnd,
            costsDueFrom: termEnd.adding(days: 1)
        )
    }

    /// The second counting day after `posted`, where a counting day is no Sunday, Monday or
    /// holiday: the postal delivery assumption courts use in default cases.
    static func assumedDelivery(posted: Day) -> Day {
        var day = posted
        var countingDays = 0
        while countingDays < 2 {
            day = day.adding(days: 1)
            if day.weekday != .sunday, day.weekday != .monday, !DutchHolidays.isHoliday(day) {
                countingDays += 1
            }
        }
        return day
    }
}
