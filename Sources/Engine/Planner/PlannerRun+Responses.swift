import Domain
import Law
import Money

extension PlannerRun {
    /// Acts on one response: each kind's rule is in docs/engine.md ("Responses").
    mutating func handle(_ response: DebtorResponse) {
        progress.lastResponseSequence = response.sequence
        progress.lastResponseDay = response.day
        guard isOpen else { return }
        switch response.kind {
        case .replied:
            wake(on: day)
        case .disputeOpened(let reason):
            dossier.flags.insert(.disputed)
            record(.disputeOpened, ["reason": reason])
            pause(in: .disputed, reason: "the debtor disputes the claim: \(reason)")
            startFreeze(.dispute)
            pauseContact()
        case .disputeResolved(let upheld):
            dossier.flags.remove(.disputed)
            record(.disputeClosed, ["upheld": String(upheld)])
            if upheld {
                move(closing(.writtenOff), reason: "the dispute was upheld: the claim is not owed")
            } else {
                endFreeze()
                if dossier.state == .disputed { resume(reason: "the dispute was resolved in the client's favour") }
            }
        case .helpRequested:
            pauseContact()
            _ = contact(answerChannel, template: "debt-help", reason: "the debtor asked for help", acceptLaterDay: true)
        case .arrangementRequested(let circumstances):
            progress.circumstances = circumstances
            proposeArrangement(circumstances)
        case .deferralRequested(let days):
            deferPayment(days: min(max(1, days), context.deferralDaysMax), reason: "the debtor asked for a deferral of \(days) days")
        case .debtCounsellingStarted(let counsellor, let consent):
            referToDebtCounselling(counsellor: counsellor, consent: consent)
        case .debtCounsellingEnded:
            guard dossier.flags.contains(.inDebtCounselling) else { return }
            dossier.flags.remove(.inDebtCounselling)
            endFreeze()
            if dossier.state == .inDebtCounselling { resume(reason: "debt counselling ended") }
        case .vulnerabilitySignalled(let note):
            dossier.flags.insert(.vulnerable)
            dossier.flags.remove(.vulnerabilityReviewed)
            record(.flagsChanged, ["added": "vulnerable", "note": note])
        case .vulnerabilityReviewed(let contactAllowed):
            guard dossier.flags.contains(.vulnerable) else { return }
            record(.flagsChanged, ["reviewed": "vulnerable", "contactAllowed": String(contactAllowed)])
            guard contactAllowed else { return }
            dossier.flags.insert(.vulnerabilityReviewed)
            if dossier.state == .onHold { resume(reason: "a person reviewed the vulnerability flag and allowed contact") }
        case .withdrawnByClient:
            move(closing(.withdrawn), reason: "the client withdrew the dossier")
        case .settled:
            move(closing(.settled), reason: "the client accepted a settlement")
        }
    }

    mutating func pauseContact() {
        let until = day.adding(days: context.contactPolicy.pauseDays)
        progress.contactPausedUntil = max(progress.contactPausedUntil ?? until, until)
    }

    /// Defers payment of the whole amount for `days` days.
    mutating func deferPayment(days: Int, reason: String) {
        guard moveIfAllowed(.to(.deferred), reason: reason) else { return }
        let until = day.adding(days: days)
        progress.deferredUntil = until
        record(.deferralAgreed, ["until": until.description, "reason": reason])
        if mandate.mayFreezeInterest { startFreeze(.deferral) }
        wake(on: until)
    }

    /// Sizes an arrangement to the debtor's payment capacity; without room, defers and refers to debt help.
    mutating func proposeArrangement(_ circumstances: DebtorCircumstances) {
        guard outstanding.isPositive else { return }
        let capacity: PaymentCapacity
        do {
            capacity = try circumstances.capacity(on: day, law: context.law)
        } catch {
            record(.contactWithheld, ["reason": "no arrangement: \(error)"])
            return
        }
        let advice = mandate.maxArrangementMonths < 1
            ? .deferAndRefer(reason: "the mandate allows no arrangements")
            : ArrangementPlanner.propose(total: outstanding, capacity: capacity.capacity, maxMonths: mandate.maxArrangementMonths,
                                         firstDueDay: day.adding(days: context.firstInstalmentAfterDays))
        switch advice {
        case .plan(let terms):
            guard moveIfAllowed(.to(.arrangement), reason: "arrangement within payment capacity \(capacity.capacity)") else { return }
            progress.arrangement = ArrangementRecord(terms: terms, agreedDay: day, paidBefore: snapshot.balances[.paymentsReceived])
            progress.interruptions.append(day)  // An acknowledgement of the debt interrupts prescription (art. 3:318 BW).
            events.append(JournalEvent.arrangementAgreed(dossier.id, on: day, client: dossier.clientID, months: terms.months,
                                                         monthlyInstalment: terms.monthlyInstalment)
                .addingPayload([
                    "total": terms.total.description, "firstDueDay": terms.firstDueDay.description,
                    "capacity": capacity.capacity.description, "protectedIncome": capacity.protectedIncome.description,
                ]))
            if mandate.mayFreezeInterest { startFreeze(.arrangement) }
            _ = contact(answerChannel, template: "arrangement-confirmation", reason: "arrangement agreed", acceptLaterDay: true)
            wakeForArrangement()
        case .deferAndRefer(let reason):
            deferPayment(days: context.deferralDaysMax, reason: reason)
            _ = contact(answerChannel, template: "debt-help", reason: "no room for a plan: \(reason)", acceptLaterDay: true)
        }
    }

    /// With the debtor's consent, refers the dossier to debt counselling: collection freezes and the
    /// counsellor gets the claim statement.
    mutating func referToDebtCounselling(counsellor: String, consent: Bool) {
        guard consent else {
            record(.flagsChanged, ["note": "debt counselling reported without consent to refer; collection continues gently"])
            pauseContact()
            return
        }
        dossier.flags.insert(.inDebtCounselling)
        pause(in: .inDebtCounselling, reason: "the debtor is in debt counselling with \(counsellor)")
        startFreeze(.debtCounselling)
        var balances = snapshot.balances
        for transaction in transactions { balances.add(transaction) }
        let statement = ClaimStatement(dossierID: dossier.id, claims: snapshot.claims, balances: balances, on: day)
        claimStatement = statement
        // A dossier is referred to debt counselling at most once (docs/journal-payloads.md, rule 4).
        guard !progress.referredToDebtCounselling else { return }
        progress.referredToDebtCounselling = true
        events.append(JournalEvent.referred(dossier.id, on: day, client: dossier.clientID, to: .debtCounselling).addingPayload([
            "to": counsellor, "referenceDay": day.description,
            "principal": statement.principal.description, "interest": statement.interest.description,
            "costs": statement.costs.description, "paid": statement.paid.description,
            "outstanding": statement.outstanding.description, "claims": String(statement.lines.count),
            // Without the mandate's leave the statement goes to the debtor, who passes it on.
            "statementTo": mandate.mayContactDebtCounsellors ? "counsellor" : "debtor",
        ]))
    }
}
