import Domain
import Law
import Money

extension PlannerRun {
    /// Takes the strategy's next due step (at most one contact a day), or, after the last step,
    /// screens or closes per the strategy.
    mutating func followStrategy() {
        let steps = strategy.steps
        while progress.nextStepIndex < steps.count {
            let step = steps[progress.nextStepIndex]
            let firstDay = dossier.openedDay.adding(days: steps[0].waitDays)
            let dueDay = max(progress.nextStepDay ?? firstDay, earliestDay(for: step))
            // A step due on a Sunday or holiday, or looked at on one for another reason, waits for the next
            // contact day rather than being deferred on it.
            guard dueDay <= day, ContactPolicy.isContactDay(day) else {
                return wake(on: Self.contactDay(onOrAfter: max(dueDay, day)))
            }
            guard step.conditions.hold(outstanding: outstanding, kind: kind, daysOverdue: daysOverdue,
                                       responded: progress.lastResponseDay != nil)
            else {
                advance(past: step, taken: false)
                continue
            }
            switch take(step) {
            case .allowed:
                advance(past: step, taken: true)
                let next = progress.nextStepIndex < steps.count ? earliestDay(for: steps[progress.nextStepIndex]) : day
                return wake(on: Self.contactDay(onOrAfter: max(progress.nextStepDay ?? day, next)))
            case .deferred(let later, _):
                progress.nextStepDay = later
                return wake(on: later)
            case .refused:
                advance(past: step, taken: false)
            }
        }
        afterLastStep()
    }

    /// The first day on or after `day` on which contact may happen at all.
    static func contactDay(onOrAfter day: Day) -> Day {
        var candidate = day
        while !ContactPolicy.isContactDay(candidate) { candidate = candidate.adding(days: 1) }
        return candidate
    }

    /// Steps after the 14-day letter wait for its term: the debtor has the full 14 days.
    func earliestDay(for step: StrategyStep) -> Day {
        guard step.action != .reminderLetter, let letter = progress.reminderLetter else { return dossier.openedDay }
        return letter.costsDueFrom
    }

    var daysOverdue: Int {
        guard let oldest = snapshot.claims.map(\.dueDay).min() else { return 0 }
        return max(0, oldest.days(until: day))
    }

    mutating func advance(past step: StrategyStep, taken: Bool) {
        progress.nextStepIndex += 1
        if taken { progress.lastContactStepDay = day }
        let base = progress.lastContactStepDay ?? dossier.openedDay
        if progress.nextStepIndex < strategy.steps.count {
            progress.nextStepDay = base.adding(days: strategy.steps[progress.nextStepIndex].waitDays)
        }
    }

    /// Plans the step's contact by its channel, or its fallback when the first is refused.
    mutating func take(_ step: StrategyStep) -> ContactDecision {
        let reason = "strategy \(strategy.name), step \(step.id)"
        var decision = ContactDecision.refused(reason: "no channel")
        for (channel, note) in [(step.channel, ""), step.fallback.map { ($0, " (fallback)") }].compactMap({ $0 }) {
            // The 14-day letter states its deadline, which depends on how it travels.
            let deadline = step.action == .reminderLetter ? reminderTerm(by: channel)?.termEnd : nil
            decision = contact(channel, template: step.template, reason: reason + note,
                               inClientName: step.action == .preCollectionReminder, deadline: deadline)
            if case .refused = decision { continue }
            if case .allowed = decision { stepTaken(step, channel: channel) }
            return decision
        }
        return decision
    }

    /// The 14-day letter's term when it is sent today by `channel` (e-mail arrives the same day).
    func reminderTerm(by channel: Channel) -> ReminderTerm? {
        try? context.law.reminderTerm(posted: day, delivered: channel == .letter ? nil : day)
    }

    /// The state and bookkeeping a taken step implies.
    mutating func stepTaken(_ step: StrategyStep, channel: Channel) {
        switch step.action {
        case .preCollectionReminder:
            if dossier.state == .new { move(.to(.preCollection), reason: "pre-collection reminder in the client's name") }
        case .reminderLetter:
            let reminderChannel: ReminderChannel = channel == .letter ? .post : .email
            guard let term = reminderTerm(by: channel) else { return }
            progress.reminderLetter = ReminderLetterRecord(sentDay: day, channel: reminderChannel, costsDueFrom: term.costsDueFrom)
            progress.collectionStartDay = progress.collectionStartDay ?? day
            progress.interruptions.append(term.delivered)  // A written reminder interrupts prescription (art. 3:317 BW).
            moveIfAllowed(.to(.reminderLetter), reason: "14-day letter sent; costs may be charged from \(term.costsDueFrom)")
            wake(on: kind == .consumer ? term.costsDueFrom : day.adding(days: 1))
        case .reminder, .call:
            if dossier.state == .new || dossier.state == .preCollection {
                moveIfAllowed(.to(.collecting), reason: "collection step \(step.id)")
            }
        }
    }

    /// After the last step: screen when the legal route may pay, else close after the closing wait.
    mutating func afterLastStep() {
        let last = progress.lastContactStepDay ?? dossier.openedDay
        if dossier.state == .reminderLetter { return }  // passLetterTerm wakes the dossier at the term's end.
        let screenable = !dossier.flags.contains(.legalRouteClosed) && progress.screening == nil
            && outstanding >= strategy.screening.minimumAmount
        if screenable {
            let screenDay = last.adding(days: strategy.screening.afterDays)
            guard day >= screenDay else { return wake(on: screenDay) }
            if mandate.mayGoToCourt {
                move(.to(.screening), reason: "the strategy's steps are done: recovery investigation")
                screen()
                return
            }
            screen()  // Journals the negative outcome: the mandate does not allow court.
            return
        }
        let closeDay = (progress.closingFrom ?? last).adding(days: strategy.closing.afterDays)
        guard day >= closeDay else { return wake(on: closeDay) }
        move(closing(strategy.closing.reason), reason: "no result \(strategy.closing.afterDays) days after the last step")
    }

    /// After a broken arrangement or a deferral: continue with the first contact step after the 14-day letter.
    mutating func resumeStrategyAfterLetter() {
        let steps = strategy.steps
        let letterIndex = steps.firstIndex { $0.action == .reminderLetter } ?? -1
        let resumeIndex = progress.reminderLetter == nil ? max(0, letterIndex) : letterIndex + 1
        progress.nextStepIndex = min(resumeIndex, steps.count)
        progress.nextStepDay = day
    }
}
