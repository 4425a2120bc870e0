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

    /// Days between a warning and the break it announces.
    public var warningTermDays: Int { breakAfterDays - warningAfterDays }

    /// The day a signal of `kind` is due for an instalment due on `dueDay`.
    public func day(of kind: SentSignal.Kind, dueDay: Day) -> Day {
        switch kind {
        case .reminderBefore: dueDay.adding(days: -reminderBeforeDays)
        case .reminderAfter: dueDay.adding(days: reminderAfterDays)
        case .warning: dueDay.adding(days: warningAfterDays)
        }
    }

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
    /// The signals for `day`, given the total paid towards the arrangement so far and the signals
    /// already sent. Payments count towards the earliest instalments first; an instalment is missed
    /// while the cumulative amount due through it exceeds what was paid.
    ///
    /// Each signal has a window, from its day (counted from the due day by `rules`) to the next
    /// signal's day, and goes out once within it: on its day when the daily run runs every day, on
    /// the next run when a day was skipped. An arrangement only breaks after its warning has had its
    /// full term (`breakAfterDays - warningAfterDays`): a warning sent late moves the break with it,
    /// and one never sent is sent first.
    public static func signals(
        terms: ArrangementTerms, paid: Money, on day: Day, rules: ArrangementMonitoringRules = .standard,
        agreedDay: Day? = nil, sent: [SentSignal] = []
    ) -> [ArrangementSignal] {
        if paid >= terms.total { return [.kept] }
        let warningTerm = rules.warningTermDays
        var signals: [ArrangementSignal] = []
        for instalment in terms.unpaidInstalments(paid: paid) {
            let daysLate = instalment.dueDay.days(until: day)
            func wasSent(_ kind: SentSignal.Kind) -> SentSignal? { sent.signal(kind, of: instalment.number) }
            if daysLate >= rules.warningAfterDays {
                if let warned = wasSent(.warning) {
                    if day >= warned.day.adding(days: warningTerm) { return [.broken(instalment: instalment.number)] }
                } else {
                    // On the warning's own day this is the due day plus `breakAfterDays`; later, later.
                    signals.append(.warnBeforeBreaking(instalment: instalment.number, breaksOn: day.adding(days: warningTerm)))
                }
            } else if daysLate >= rules.reminderAfterDays {
                if wasSent(.reminderAfter) == nil { signals.append(.remindAfterMissed(instalment: instalment.number)) }
            } else if daysLate >= -rules.reminderBeforeDays && daysLate < 0 {
                // Only when the arrangement already ran on the reminder's day.
                let reminderDay = rules.day(of: .reminderBefore, dueDay: instalment.dueDay)
                if wasSent(.reminderBefore) == nil && agreedDay.map({ $0 <= reminderDay }) ?? true {
                    signals.append(.remindBeforeDue(instalment: instalment.number))
                }
            }
        }
        return signals
    }

    /// The next day after `day` on which `signals` could have something to say for an unpaid
    /// instalment: a reminder's, warning's or break's day, or the end of a late warning's term.
    public static func nextDay(
        terms: ArrangementTerms, paid: Money, after day: Day, rules: ArrangementMonitoringRules = .standard,
        sent: [SentSignal] = []
    ) -> Day? {
        var candidates: [Day] = []
        for instalment in terms.unpaidInstalments(paid: paid) {
            candidates += SentSignal.Kind.allCases.map { rules.day(of: $0, dueDay: instalment.dueDay) }
            candidates.append(instalment.dueDay.adding(days: rules.breakAfterDays))
            if let warned = sent.signal(.warning, of: instalment.number) {
                candidates.append(warned.day.adding(days: rules.warningTermDays))
            }
        }
        return candidates.filter { $0 > day }.min()
    }
}
