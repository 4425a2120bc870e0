import Domain
import Law
import Money

extension PlannerRun {
    /// The checks of a day in their order (docs/engine.md): paid, prescription, vulnerability, abroad,
    /// the 14-day letter's term, then what the state asks for.
    mutating func decide() {
        guard isOpen else { return }
        if closeIfPaid() || stopIfPrescribed() || holdIfVulnerable() || referIfAbroad() { return }
        passLetterTerm()
        chargeCostsIfDue()
        switch dossier.state {
        case .new, .preCollection, .reminderLetter, .collecting: followStrategy()
        case .arrangement: monitorArrangement()
        case .deferred: endDeferralIfDue()
        case .screening: screen()
        case .disputed, .inDebtCounselling, .onHold, .referredAbroad, .legal, .closed:
            break  // Waiting for a response or a person; nothing is planned.
        }
    }

    /// Closes the dossier as paid once nothing is owed, writing off a small remainder after a payment.
    mutating func closeIfPaid() -> Bool {
        guard !snapshot.claims.isEmpty else { return false }
        let remainder = outstanding
        if remainder.isPositive {
            guard snapshot.balances[.paymentsReceived].isPositive, remainder <= context.smallRemainderWriteOffMax else { return false }
            book(id: "writeoff:\(dossier.id.rawValue)", memo: "small remainder after payment written off", account: .writeOff,
                 amount: -remainder)
            record(.correctionBooked, ["writtenOff": remainder.description, "reason": "small remainder after payment"])
        }
        if dossier.state == .arrangement { record(.arrangementKept) }
        move(closing(.paid), reason: "nothing is owed any more")
        return true
    }

    /// A prescribed claim may not be collected as if enforceable: flag it; when every claim has
    /// prescribed, close the dossier as prescribed, otherwise hold it for a person.
    mutating func stopIfPrescribed() -> Bool {
        let prescriptionKind = context.prescriptionKinds[kind] ?? .contract
        let prescribed = snapshot.claims.filter { claim in
            (try? context.law.prescription(kind: prescriptionKind, due: claim.dueDay, interruptions: progress.interruptions))?
                .isPrescribed(on: day) ?? false
        }
        guard !prescribed.isEmpty else { return false }
        if !dossier.flags.contains(.prescribed) {
            dossier.flags.insert(.prescribed)
            record(.flagsChanged, ["added": "prescribed", "term": prescriptionKind.article,
                                   "claims": prescribed.map(\.invoiceNumber).sorted().joined(separator: ",")])
        }
        if prescribed.count == snapshot.claims.count {
            move(closing(.prescribed), reason: "every claim has prescribed (\(prescriptionKind.article))")
        } else {
            pause(in: .onHold, reason: "a claim has prescribed: a person decides what may still be collected")
        }
        return true
    }

    /// No contact at all to a vulnerable dossier until a person reviewed it: hold it.
    mutating func holdIfVulnerable() -> Bool {
        guard dossier.flags.contains(.vulnerable), !dossier.flags.contains(.vulnerabilityReviewed) else { return false }
        pause(in: .onHold, reason: "signs of vulnerability: no contact until a person has reviewed the dossier")
        return true
    }

    /// A debtor living abroad goes to the partner office of that country (or to a person, without one).
    mutating func referIfAbroad() -> Bool {
        let country = snapshot.debtor.profile.address.country
        // The import flags a foreign debtor `abroad` already, so the flag alone cannot mean "handled":
        // the dossier's first step always decides, a later one only when the debtor moved abroad since.
        let firstStep = progress.lastStepDay == nil
        guard country != context.homeCountry, firstStep || !dossier.flags.contains(.abroad) else { return false }
        dossier.flags.insert(.abroad)
        guard let office = context.partnerOffices.office(for: country) else {
            record(.flagsChanged, ["added": "abroad", "country": country.code, "note": "no partner office for \(country)"])
            pause(in: .onHold, reason: "the debtor lives in \(country) and no partner office is configured")
            return true
        }
        guard moveIfAllowed(.to(.referredAbroad), reason: "the debtor lives in \(country)") else { return false }
        // Interest there is the partner office's to charge or waive: our waiver ends with the hand-over.
        if progress.openFreeze?.kind == .waived { endFreeze(endingWaiver: true) }
        events.append(JournalEvent.referred(dossier.id, on: day, client: dossier.clientID, to: .abroad(country: country))
            .addingPayload(["to": office.name, "handover": office.handover]))
        return true
    }

    /// After the 14-day letter's term the dossier is in amicable collection.
    mutating func passLetterTerm() {
        guard dossier.state == .reminderLetter, let letter = progress.reminderLetter else { return }
        let firstDay = kind == .consumer ? letter.costsDueFrom : letter.sentDay
        if day >= firstDay {
            move(.to(.collecting), reason: "the 14-day letter's term passed; costs may be charged from \(letter.costsDueFrom)")
        } else {
            wake(on: firstDay)
        }
    }

    /// Ends a deferral on its day.
    mutating func endDeferralIfDue() {
        guard let until = progress.deferredUntil, day < until else {
            progress.deferredUntil = nil
            endFreeze()
            move(.to(.collecting), reason: "the deferral ended")
            resumeStrategyAfterLetter()
            followStrategy()
            return
        }
        wake(on: until)
    }

    /// Runs the recovery investigation; a positive one hands the dossier to the legal track.
    mutating func screen() {
        let outcome = Screening.assess(
            outstanding: outstanding, circumstances: progress.circumstances,
            vulnerable: dossier.flags.contains(.vulnerable), prescribed: dossier.flags.contains(.prescribed),
            mayGoToCourt: mandate.mayGoToCourt, claimant: .company, on: day, law: context.law)
        progress.screening = outcome
        events.append(JournalEvent.screened(dossier.id, on: day, client: dossier.clientID,
                                            outcome: outcome.isPositive ? .positive : .negative)
            .addingPayload(["explanation": outcome.reason, "expectedRecovery": outcome.expectedRecovery.description,
                            "estimatedCost": outcome.estimatedCost.description]))
        if outcome.isPositive {
            move(.to(.legal), reason: "screening positive: hand-off to the legal track")
        } else {
            dossier.flags.insert(.legalRouteClosed)
            if dossier.state == .screening { move(.to(.collecting), reason: "screening negative: the legal route is closed") }
            progress.closingFrom = day
            wake(on: day.adding(days: strategy.closing.afterDays))
        }
    }
}
