public import Money

/// How an arrangement is watched: when to remind, warn and break (step 5: monitoring, a warning
/// before a missed instalment breaks the plan). Days are counted from an instalment's due day.
public struct ArrangementMonitoringRules: Sendable, Hashable, Codable {
    /// Days before a due day to send a friendly reminder.
    public var reminderBeforeDays: Int
    /// Days after a missed due day to send a reminder.
    public var reminderAfterDays: Int
    /// Days after a missed due day to warn that the arrangement will break.
    public var warningAfterDays: Int
    /// Days after a missed due day the arrangement breaks (the documented grace).
    public var breakAfterDays: Int

    /// The default rules: remind 3 days before, 3 days after, warn after 14, break after 28.
    public static let standard = ArrangementMonitoringRules(
        reminderBeforeDays: 3, reminderAfterDays: 3, warningAfterDays: 14, breakAfterDays: 28)

    /// Rules with the given days; the warning comes before the break.
    public init(reminderBeforeDays: Int, reminderAfterDays: Int, warningAfterDays: Int, breakAfterDays: Int) {
        precondition(reminderAfterDays < warningAfterDays && warningAfterDays < breakAfterDays, "remind, warn, then break")
        self.reminderBeforeDays = reminderBeforeDays
        self.reminderAfterDays = reminderAfterDays
        self.warningAfterDays = warningAfterDays
        self.breakAfterDays = breakAfterDays
    }
}

/// What the monitor sees on a day.
public enum ArrangementSignal: Sendable, Equatable {
    /// An instalment falls due soon: remind kindly.
    case remindBeforeDue(instalment: Int)
    /// An instalment is late: remind.
    case remindAfterMissed(instalment: Int)
    /// An instalment is so late the arrangement will break at `breaksOn` unless paid.
    case warnBeforeBreaking(instalment: Int, breaksOn: Day)
    /// The grace has passed: the arrangement is broken and collection resumes.
    case broken(instalment: Int)
    /// Every instalment is paid: the arrangement is kept.
    case kept
}

/// Watches an arrangement's instalments against the payments received.
public enum ArrangementMonitor {
    /// The signals for `day`, given the total paid towards the arrangement so far. Payments count
    /// towards the earliest instalments first; an instalment is missed while the cumulative amount
    /// due through it exceeds what was paid.
    public static func signals(
        terms: ArrangementTerms, paid: Money, on day: Day, rules: ArrangementMonitoringRules = .standard
    ) -> [ArrangementSignal] {
        if paid >= terms.total { return [.kept] }
        var signals: [ArrangementSignal] = []
        var dueSoFar = Money.zero
        for instalment in terms.schedule {
            dueSoFar += instalment.amount
            let covered = paid >= dueSoFar
            let daysLate = instalment.dueDay.days(until: day)
            if covered { continue }
            if daysLate == -rules.reminderBeforeDays {
                signals.append(.remindBeforeDue(instalment: instalment.number))
            } else if daysLate == rules.reminderAfterDays {
                signals.append(.remindAfterMissed(instalment: instalment.number))
            } else if daysLate == rules.warningAfterDays {
                signals.append(
                    .warnBeforeBreaking(
                        instalment: instalment.number, breaksOn: instalment.dueDay.adding(days: rules.breakAfterDays)))
            } else if daysLate >= rules.breakAfterDays {
                return [.broken(instalment: instalment.number)]
            }
        }
        return signals
    }
}
