import Domain
import Law
import Money

extension PlannerRun {
    /// Books statutory interest through today: the chargeable amount minus what was booked before
    /// (InterestAccrual). Nothing before collection starts, nothing for a dossier referred abroad.
    mutating func accrueInterest() {
        guard let start = progress.collectionStartDay, isOpen, dossier.state != .referredAbroad,
            progress.interestBookedThrough.map({ $0 < day }) ?? true
        else { return }
        guard let accrual = try? accrual(through: day, start: start) else {
            record(.interestAccrued, ["error": "no statutory rate known for \(day)"])
            return
        }
        let amount = accrual.chargeable - progress.interestBooked
        progress.interestBookedThrough = day
        guard !amount.isZero else { return }
        progress.interestBooked = accrual.chargeable
        book(
            id: "interest:\(day):\(dossier.id.rawValue)", memo: "statutory interest through \(day)", account: .interest,
            amount: amount)
        record(.interestAccrued, ["amount": amount.description, "through": day.description,
                                  "chargeable": accrual.chargeable.description])
    }

    /// Follows the mandate's interest policy: a client that waives statutory interest has the file
    /// frozen from its first step (or from the day the mandate changed) to its closing, so the interest
    /// it would have charged is journalled as avoided; a mandate that charges interest again ends the
    /// waiver, and the freeze the dossier's state calls for (a dispute, a plan ...) takes over. A dossier
    /// referred abroad is the partner office's to charge or not.
    mutating func applyInterestPolicy() {
        guard isOpen, dossier.state != .referredAbroad, snapshot.debtor.profile.address.country == context.homeCountry
        else { return }
        let waiverOpen = progress.openFreeze?.kind == .waived
        if mandate.waivesStatutoryInterest, !waiverOpen {
            startFreeze(.waived)
        } else if !mandate.waivesStatutoryInterest, waiverOpen {
            endFreeze(endingWaiver: true)
            if let kind = freezeOfState { startFreeze(kind) }
        }
    }

    /// The freeze the dossier's state calls for without a waiver (docs/engine.md, "Freezes").
    var freezeOfState: FreezeKind? {
        switch dossier.state {
        case .disputed: return .dispute
        case .inDebtCounselling: return .debtCounselling
        case .arrangement: return mandate.mayFreezeInterest ? .arrangement : nil
        case .deferred: return mandate.mayFreezeInterest ? .deferral : nil
        default: return nil
        }
    }

    func accrual(through last: Day, start: Day) throws(LawError) -> InterestAccrual {
        try InterestAccrual.compute(claims: snapshot.claims, kind: kind, collectionStart: start, freezes: progress.freezes,
                                    repayments: progress.repayments, through: last, law: context.law)
    }

    /// Allocates payments received since the last step (art. 6:44 BW: costs, then interest, then
    /// principal; art. 6:43 BW between claims: the oldest first). The principal part stops interest on
    /// it after today; the payment itself is already in the ledger.
    mutating func allocateNewPayments() {
        let received = snapshot.balances[.paymentsReceived]
        var amount = received - progress.paymentsAllocated
        // A payment after closing is an overpayment for Operations to refund, not the engine's to allocate.
        guard amount.isPositive, isOpen else { return }
        progress.paymentsAllocated = received
        let toCosts = Money.min(amount, (progress.costsCharged ?? .zero) - progress.costsPaid)
        progress.costsPaid += toCosts
        amount -= toCosts
        let toInterest = Money.min(amount, progress.interestBooked - progress.interestPaid)
        progress.interestPaid += toInterest
        amount -= toInterest
        var toPrincipal = Money.zero
        for claim in snapshot.claims.sorted(by: { ($0.dueDay, $0.invoiceNumber) < ($1.dueDay, $1.invoiceNumber) }) {
            let repaid = Money.sum(progress.repayments.filter { $0.claimID == claim.id }.map(\.amount))
            let part = Money.min(amount, claim.principal - repaid)
            guard part.isPositive else { continue }
            progress.repayments.append(PrincipalRepayment(claimID: claim.id, day: day, amount: part))
            toPrincipal += part
            amount -= part
        }
        record(.paymentAllocated, ["costs": toCosts.description, "interest": toInterest.description,
                                   "principal": toPrincipal.description, "unallocated": amount.description])
    }

    /// Debits the receivable and credits `account` by `amount` (a negative amount corrects).
    mutating func book(id: String, memo: String, account: LedgerAccount, amount: Money) {
        transactions.append(LedgerTransaction(
            id: LedgerTransaction.ID(id), dossierID: dossier.id, day: day, memo: memo,
            postings: [Posting(.debtorReceivable, amount), Posting(account, -amount)]))
        bookedToday += amount
    }

    /// Charges collection costs once they are due (CostCharging), once per dossier, and only while the
    /// dossier is in collection: not during an arrangement, a deferral or any pause.
    mutating func chargeCostsIfDue() {
        guard [.collecting, .screening, .legal].contains(dossier.state) else { return }
        // A waiver concerns interest only; collection costs stay due as the law allows them.
        let frozen = progress.openFreeze.map { $0.kind != .waived } ?? false
        guard let amount = try? CostCharging.due(
            claims: snapshot.claims, kind: kind, letter: progress.reminderLetter, alreadyCharged: progress.costsCharged != nil,
            frozen: frozen, earlierCharges: snapshot.earlierCostCharges, on: day, law: context.law)
        else { return }
        progress.costsCharged = amount
        book(id: "costs:\(dossier.id.rawValue)", memo: "collection costs (art. 6:96 BW)", account: .costs, amount: amount)
        record(.costsCharged, ["amount": amount.description, "basis": Money.sum(snapshot.claims.map(\.principal)).description])
    }

    /// Opens a freeze from the first day not yet booked (so booked interest never has to be undone),
    /// ending any other freeze first. Under a waiver of interest nothing accrues anyway: the waiver
    /// stays open and no other freeze starts.
    mutating func startFreeze(_ kind: FreezeKind) {
        if let open = progress.openFreeze, open.kind == kind || open.kind == .waived { return }
        endFreeze()
        let first = max(day, (progress.interestBookedThrough ?? day.adding(days: -1)).adding(days: 1))
        let previousEnd = progress.freezes.last?.through
        progress.freezes.append(Freeze(kind: kind, from: first))
        events.append(JournalEvent.freezeStarted(dossier.id, on: day, client: dossier.clientID, kind: kind,
                                                 previousFreezeEnded: previousEnd.map { min($0, day) })
            .addingPayload(["from": first.description]))
    }

    /// Ends the open freeze (through the last booked day) and journals the interest it avoided. A
    /// waiver of interest outlives the reasons other freezes end (a dispute resolved, a plan left):
    /// only `endingWaiver` (closing, or a mandate that charges interest again) ends it.
    mutating func endFreeze(endingWaiver: Bool = false) {
        guard let index = progress.freezes.indices.last, progress.freezes[index].isOpen,
            endingWaiver || progress.freezes[index].kind != .waived
        else { return }
        let through = max(progress.freezes[index].from.adding(days: -1), progress.interestBookedThrough ?? day)
        progress.freezes[index].through = through
        let avoided = progress.collectionStartDay.flatMap { start in
            try? accrual(through: through, start: start).avoidedPerFreeze[index]
        } ?? .zero
        events.append(JournalEvent.freezeEnded(dossier.id, on: day, client: dossier.clientID, kind: progress.freezes[index].kind,
                                               interestAvoided: Money.max(.zero, avoided))
            .addingPayload(["through": through.description]))
    }
}
