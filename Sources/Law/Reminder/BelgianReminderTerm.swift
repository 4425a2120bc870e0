public import Money

/// The waiting period after a first reminder to a Belgian consumer (Book XIX Code of Economic Law,
/// art. XIX.2, law of 4 May 2023): the 14 calendar days before a damages clause, interest or
/// costs may be applied.
///
/// How the project reads "from the third working day after sending" (docs/law-conventions.md):
/// - the day of sending never counts, even when it is a working day; the working days are counted
///   from the day after, and the third of them is the first day of the 14 (day 1, not day 0);
/// - a working day is Monday to Friday and not a legal holiday (`BelgianHolidays.isWorkingDay`):
///   counting Saturdays would start the period earlier, so they are left out;
/// - by e-mail the first of the 14 days is the calendar day after sending, whatever day it is;
/// - the 14 calendar days include weekends and holidays, but when the 14th falls on a Saturday,
///   Sunday or legal holiday the period runs on to the next working day, by analogy with art. 53
///   Judicial Code (Gerechtelijk Wetboek). The law does not say so for Book XIX; the project
///   takes the later day so it never charges early.
/// - damages may be charged from the day after the last day of the period.
public struct BelgianReminderTerm: Equatable, Sendable {
    /// How the reminder was sent; it decides the first day of the waiting period.
    public enum Channel: String, CaseIterable, Equatable, Sendable {
        /// On paper: the period starts on the third working day after sending.
        case post
        /// Electronically: the period starts on the day after sending.
        case email
    }

    /// The day the reminder was sent.
    public let sent: Day
    /// How it was sent.
    public let channel: Channel
    /// The first of the 14 calendar days of the waiting period.
    public let waitingStart: Day
    /// The last day of the waiting period: the 14th day, run on to a working day.
    public let waitingEnd: Day
    /// The first day a damages clause, interest or costs may be applied.
    public let damagesFrom: Day

    /// The length of the waiting period in calendar days (art. XIX.2 Code of Economic Law).
    public static let waitingDays = 14
    /// The working day after sending on which a posted reminder's waiting period starts.
    public static let postalWorkingDays = 3

    /// The waiting period of a first reminder sent on `sent` through `channel`.
    public init(sent: Day, channel: Channel) {
        let waitingStart: Day
        switch channel {
        case .email:
            waitingStart = sent.adding(days: 1)
        case .post:
            var day = sent
            var workingDays = 0
            while workingDays < Self.postalWorkingDays {
                day = day.adding(days: 1)
                if BelgianHolidays.isWorkingDay(day) { workingDays += 1 }
            }
            waitingStart = day
        }
        var waitingEnd = waitingStart.adding(days: Self.waitingDays - 1)
        while !BelgianHolidays.isWorkingDay(waitingEnd) {
            waitingEnd = waitingEnd.adding(days: 1)
        }
        self.sent = sent
        self.channel = channel
        self.waitingStart = waitingStart
        self.waitingEnd = waitingEnd
        self.damagesFrom = waitingEnd.adding(days: 1)
    }
}
