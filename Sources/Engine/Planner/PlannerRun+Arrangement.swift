import Domain
import Money

extension PlannerRun {
    /// Watches the arrangement (ArrangementMonitor): reminders and warnings go out, a broken one
    /// resumes collection, a kept one with something still owed returns to collection.
    mutating func monitorArrangement() {
        guard let stored = progress.arrangement else {
            move(.to(.collecting), reason: "no arrangement on record")
            return
        }
        let paid = snapshot.balances[.paymentsReceived] - stored.paidBefore
        progress.arrangement?.assumeSentOnTheirDays(before: day, paid: paid, rules: context.monitoring)
        let arrangement = progress.arrangement ?? stored
        let signals = ArrangementMonitor.signals(
            terms: arrangement.terms, paid: paid, on: day, rules: context.monitoring, agreedDay: arrangement.agreedDay,
            sent: arrangement.sent)
        for signal in signals {
            switch signal {
            case .kept:
                record(.arrangementKept, ["paid": paid.description])
                return leaveArrangement(reason: "the arrangement is kept; \(outstanding) remains")
            case .broken(let instalment):
                record(.arrangementBroken, ["instalment": String(instalment), "paid": paid.description])
                return leaveArrangement(reason: "the arrangement broke after instalment \(instalment) was missed")
            case .remindBeforeDue(let instalment):
                signalled("arrangement-reminder-before", instalment: instalment, kind: .reminderBefore)
            case .remindAfterMissed(let instalment):
                signalled("arrangement-reminder-after", instalment: instalment, kind: .reminderAfter)
            case .warnBeforeBreaking(let instalment, let breaksOn):
                signalled("arrangement-warning", instalment: instalment, kind: .warning, breaksOn: breaksOn)
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

    /// Sends a monitoring signal and remembers it as sent on the day its message is planned for: a
    /// message the policy puts off to a later permitted day counts from that day, and a warning's
    /// break moves with it so the debtor always has the full term. When no channel may carry it at
    /// all (opted out everywhere, no address), it counts as sent today, so the arrangement can still
    /// end instead of waiting for a message that can never go.
    mutating func signalled(_ template: String, instalment: Int, kind: SentSignal.Kind, breaksOn: Day? = nil) {
        let sentDay = plannedDay(answerChannel) ?? day
        let breaksOn = breaksOn.map { max($0, sentDay.adding(days: context.monitoring.warningTermDays)) }
        progress.arrangement?.sent.append(SentSignal(instalment: instalment, kind: kind, day: sentDay))
        var fields = ["signal": template, "instalment": String(instalment)]
        if let breaksOn { fields["breaksOn"] = breaksOn.description }
        record(.arrangementSignalled, fields)
        _ = contact(answerChannel, template: template, reason: "instalment \(instalment)", deadline: breaksOn, acceptLaterDay: true)
    }

    /// Wakes the dossier on the next day a signal could fire for an unpaid instalment.
    mutating func wakeForArrangement() {
        guard let arrangement = progress.arrangement else { return }
        let paid = snapshot.balances[.paymentsReceived] - arrangement.paidBefore
        let next = ArrangementMonitor.nextDay(
            terms: arrangement.terms, paid: paid, after: day, rules: context.monitoring, sent: arrangement.sent)
        wake(on: next ?? day.adding(days: 1))
    }
}
