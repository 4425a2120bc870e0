import Domain
import Money

extension PlannerRun {
    /// Watches the arrangement (ArrangementMonitor): reminders and warnings go out, a broken one
    /// resumes collection, a kept one with something still owed returns to collection.
    mutating func monitorArrangement() {
        guard let arrangement = progress.arrangement else {
            move(.to(.collecting), reason: "no arrangement on record")
            return
        }
        let paid = snapshot.balances[.paymentsReceived] - arrangement.paidBefore
        for signal in ArrangementMonitor.signals(terms: arrangement.terms, paid: paid, on: day, rules: context.monitoring) {
            switch signal {
            case .kept:
                record(.arrangementKept, ["paid": paid.description])
                return leaveArrangement(reason: "the arrangement is kept; \(outstanding) remains")
            case .broken(let instalment):
                record(.arrangementBroken, ["instalment": String(instalment), "paid": paid.description])
                return leaveArrangement(reason: "the arrangement broke after instalment \(instalment) was missed")
            case .remindBeforeDue(let instalment):
                signalled("arrangement-reminder-before", instalment: instalment)
            case .remindAfterMissed(let instalment):
                signalled("arrangement-reminder-after", instalment: instalment)
            case .warnBeforeBreaking(let instalment, let breaksOn):
                signalled("arrangement-warning", instalment: instalment, breaksOn: breaksOn)
            }
        }
        wakeForArrangement()
    }

    /// Ends the arrangement (kept with something still owed, or broken): the freeze ends and the
    /// strategy resumes after the 14-day letter from tomorrow.
    private mutating func leaveArrangement(reason: String) {
        progress.arrangement = nil
        endFreeze()
        move(.to(.collecting), reason: reason)
        resumeStrategyAfterLetter()
        wake(on: day.adding(days: 1))
    }

    /// After a pause (a dispute, a hold) the instalments that fell in it are not missed: the rest of
    /// the arrangement starts again at the same instalment, the first one `firstInstalmentAfterDays` on.
    mutating func rescheduleArrangement() {
        guard let arrangement = progress.arrangement else { return }
        let received = snapshot.balances[.paymentsReceived]
        let remaining = arrangement.terms.total - (received - arrangement.paidBefore)
        guard remaining.isPositive else { return }
        let instalment = Money.min(arrangement.terms.monthlyInstalment, remaining)
        let months = ArrangementPlanner.monthsToPay(remaining, at: instalment)
        let terms = ArrangementTerms(total: remaining, monthlyInstalment: instalment, months: months,
                                     firstDueDay: day.adding(days: context.firstInstalmentAfterDays))
        progress.arrangement = ArrangementRecord(terms: terms, agreedDay: day, paidBefore: received)
        // Not a new arrangement for the report: a signal that the same one was rescheduled.
        record(.arrangementSignalled, [
            "signal": "rescheduled", "total": terms.total.description, "monthlyInstalment": terms.monthlyInstalment.description,
            "months": String(terms.months), "firstDueDay": terms.firstDueDay.description,
        ])
    }

    mutating func signalled(_ template: String, instalment: Int, breaksOn: Day? = nil) {
        var fields = ["signal": template, "instalment": String(instalment)]
        if let breaksOn { fields["breaksOn"] = breaksOn.description }
        record(.arrangementSignalled, fields)
        _ = contact(answerChannel, template: template, reason: "instalment \(instalment)", deadline: breaksOn, acceptLaterDay: true)
    }

    /// Wakes the dossier on the next day a signal could fire for an unpaid instalment.
    mutating func wakeForArrangement() {
        guard let arrangement = progress.arrangement else { return }
        let rules = context.monitoring
        let paid = snapshot.balances[.paymentsReceived] - arrangement.paidBefore
        var dueSoFar = Money.zero
        var candidates: [Day] = []
        for instalment in arrangement.terms.schedule {
            dueSoFar += instalment.amount
            guard paid < dueSoFar else { continue }
            for offset in [-rules.reminderBeforeDays, rules.reminderAfterDays, rules.warningAfterDays, rules.breakAfterDays] {
                let candidate = instalment.dueDay.adding(days: offset)
                if candidate > day { candidates.append(candidate) }
            }
        }
        wake(on: candidates.min() ?? day.adding(days: 1))
    }
}
