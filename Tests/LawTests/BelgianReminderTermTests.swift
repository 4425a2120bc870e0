import Law
import Money
import PropertyBased
import Testing

/// Hand-computed Belgian waiting periods (Book XIX Code of Economic Law). "(1)" to "(3)" are the
/// working days counted after a posted reminder.
@Suite struct BelgianReminderTermTests {
    /// A hand-computed reminder: when and how it was sent and the period that must follow.
    struct Reminder: Sendable, CustomTestStringConvertible {
        let name: String
        let sent: String
        let channel: BelgianReminderTerm.Channel
        let waitingStart: String
        let waitingEnd: String
        let damagesFrom: String
        var testDescription: String { name }
    }

    static let reminders: [Reminder] = [
        // Mon 3 March 2025: Tue 4 (1), Wed 5 (2), Thu 6 (3). Days 6 to 19 March.
        Reminder(
            name: "post on a Monday", sent: "2025-03-03", channel: .post, waitingStart: "2025-03-06",
            waitingEnd: "2025-03-19", damagesFrom: "2025-03-20"),
        // Thu 17 April 2025: Good Friday is a Belgian working day (1); the weekend and Easter Monday
        // are not; Tue 22 (2), Wed 23 (3).
        Reminder(
            name: "post before Easter Monday", sent: "2025-04-17", channel: .post, waitingStart: "2025-04-23",
            waitingEnd: "2025-05-06", damagesFrom: "2025-05-07"),
        // Fri 18 July 2025: National Day (Mon 21) is skipped with the weekend; Tue 22 (1), Wed 23 (2),
        // Thu 24 (3). Days 24 July to 6 August.
        Reminder(
            name: "post before National Day", sent: "2025-07-18", channel: .post, waitingStart: "2025-07-24",
            waitingEnd: "2025-08-06", damagesFrom: "2025-08-07"),
        // Tue 23 December 2025: Wed 24 (1), Christmas skipped, Boxing Day is a working day (2),
        // Mon 29 (3). The 14th day, Sun 11 January 2026, runs on to Mon 12 January.
        Reminder(
            name: "post before Christmas, the 14th day a Sunday", sent: "2025-12-23", channel: .post,
            waitingStart: "2025-12-29", waitingEnd: "2026-01-12", damagesFrom: "2026-01-13"),
        // E-mail on Fri 7 March 2025: the period starts Saturday 8 March and ends Fri 21 March.
        Reminder(
            name: "e-mail starts the next calendar day", sent: "2025-03-07", channel: .email,
            waitingStart: "2025-03-08", waitingEnd: "2025-03-21", damagesFrom: "2025-03-22"),
        // E-mail on Tue 28 October 2025: the 14th day is Armistice Day (Tue 11 November), so the
        // period runs on to Wed 12 November.
        Reminder(
            name: "e-mail, the 14th day a holiday", sent: "2025-10-28", channel: .email, waitingStart: "2025-10-29",
            waitingEnd: "2025-11-12", damagesFrom: "2025-11-13"),
    ]

    @Test(arguments: reminders) func handComputed(reminder: Reminder) {
        let term = BelgianReminderTerm(sent: day(reminder.sent), channel: reminder.channel)
        #expect(term.sent == day(reminder.sent))
        #expect(term.channel == reminder.channel)
        #expect(term.waitingStart == day(reminder.waitingStart))
        #expect(term.waitingEnd == day(reminder.waitingEnd))
        #expect(term.damagesFrom == day(reminder.damagesFrom))
    }

    @Test func damagesNeverBeforeFifteenDaysAfterSending() async {
        await propertyCheck(count: 500, input: daysFrom2000To2040, Gen<BelgianReminderTerm.Channel>.case) {
            sent, channel in
            let term = BelgianReminderTerm(sent: sent, channel: channel)
            #expect(term.waitingStart > sent)
            #expect(term.waitingStart.days(until: term.waitingEnd) >= 13)
            #expect(BelgianHolidays.isWorkingDay(term.waitingEnd))
            #expect(term.damagesFrom == term.waitingEnd.adding(days: 1))
            if channel == .post { #expect(BelgianHolidays.isWorkingDay(term.waitingStart)) }
        }
    }
}
