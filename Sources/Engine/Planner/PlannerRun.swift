import Domain
import Law
import Money

/// One step in progress: the snapshot's values being changed, and what the step has produced so far.
struct PlannerRun {
    let snapshot: DossierSnapshot
    let day: Day
    let context: EngineContext
    let strategy: Strategy
    var dossier: Dossier
    var progress: CollectionProgress
    var events: [JournalEvent] = []
    var transactions: [LedgerTransaction] = []
    var outbox: [OutboxMessage] = []
    var claimStatement: ClaimStatement?
    /// The person's contacts including those planned in this step.
    var history: [ContactRecord]
    /// Days on which the dossier wants to be looked at again; the earliest after today wins.
    var wakeDays: [Day] = []
    /// Interest and costs booked in this step (not yet in the snapshot's balances).
    var bookedToday = Money.zero

    init(snapshot: DossierSnapshot, day: Day, context: EngineContext) {
        self.snapshot = snapshot
        self.day = day
        self.context = context
        self.strategy = context.strategies.strategy(for: snapshot.client.strategy)
        self.dossier = snapshot.dossier
        self.progress = snapshot.progress
        self.history = snapshot.contactHistory
    }

    var kind: DebtorKind { snapshot.debtor.kind }
    var mandate: Mandate { snapshot.client.mandate }
    var isOpen: Bool { dossier.state != .closed }
    /// What the debtor owes after today's bookings.
    var outstanding: Money { snapshot.balances.outstanding + bookedToday }

    func result() -> DossierStep {
        var dossier = self.dossier
        if dossier.state != .closed {
            dossier.nextActionDay = wakeDays.filter { $0 > day }.min()
        }
        return DossierStep(dossier: dossier, progress: progress, events: events, transactions: transactions, outbox: outbox,
                           claimStatement: claimStatement, changed: true)
    }

    mutating func record(_ type: JournalEventType, _ fields: [String: String] = [:]) {
        events.append(JournalEvent(dossierID: dossier.id, day: day, type: type, payload: JournalPayload(fields)))
    }

    /// Moves the dossier; an illegal move here is a programmer error (the planner checks states first).
    mutating func move(_ move: LifecycleMove, reason: String) {
        // A freeze still running is ended before the dossier closes (docs/journal-payloads.md, rule 2).
        if move.state == .closed && Lifecycle.canMove(from: dossier.state, to: .closed) {
            endFreeze(endingWaiver: true)
        }
        do {
            events.append(try Lifecycle.move(&dossier, move, reason: reason, on: day))
        } catch {
            preconditionFailure("planner attempted \(error): \(reason)")
        }
        if move.state == .closed { progress.arrangement = nil }
    }

    /// The closing move for `reason`, with what the journal's `closed` event needs to know.
    func closing(_ reason: CloseReason) -> LifecycleMove {
        .close(DossierClosing(
            reason: reason, debtor: snapshot.debtor.id, debtorKind: kind, debtorOpenDossiers: snapshot.personOtherOpenDossiers,
            mayGoToCourt: mandate.mayGoToCourt, inDebtCounselling: dossier.flags.contains(.inDebtCounselling)))
    }

    /// Moves the dossier when the lifecycle allows it; returns whether it moved.
    @discardableResult
    mutating func moveIfAllowed(_ target: LifecycleMove, reason: String) -> Bool {
        guard Lifecycle.canMove(from: dossier.state, to: target.state) else { return false }
        move(target, reason: reason)
        return true
    }

    /// Pauses collection in `state` (dispute, counselling, hold), remembering where to resume.
    mutating func pause(in state: DossierState, reason: String) {
        guard dossier.state != state, isOpen else { return }
        if ![.disputed, .inDebtCounselling, .onHold].contains(dossier.state) { progress.resumeState = dossier.state }
        move(.to(state), reason: reason)
    }

    /// Resumes from a pause into the remembered state (collecting when none).
    mutating func resume(reason: String) {
        let target = progress.resumeState ?? .collecting
        progress.resumeState = nil
        if !moveIfAllowed(.to(target), reason: reason) { moveIfAllowed(.to(.collecting), reason: reason) }
        if dossier.state == .arrangement {
            if mandate.mayFreezeInterest { startFreeze(.arrangement) }
            rescheduleArrangement()
        }
        wakeDays.append(day.adding(days: 1))
    }

    mutating func wake(on candidate: Day) { wakeDays.append(max(candidate, day.adding(days: 1))) }

    /// What the contact policy weighs for this dossier now; a contact that may go on a later day
    /// (`acceptLaterDay`) is not held back by a contact pause.
    func contactSituation(acceptLaterDay: Bool) -> ContactSituation {
        var situation = ContactSituation(
            flags: dossier.flags, consent: snapshot.debtor.profile.consent, reachable: reachableChannels,
            pausedUntil: progress.contactPausedUntil, history: history)
        if acceptLaterDay { situation.pausedUntil = nil }
        return situation
    }

    /// The day a contact by `channel` that may go later would be planned for, or nil when the policy
    /// refuses it: what `contact(..., acceptLaterDay: true)` will do, asked beforehand.
    func plannedDay(_ channel: Channel) -> Day? {
        switch context.contactPolicy.decide(channel, on: day, contactSituation(acceptLaterDay: true)) {
        case .allowed: return day
        case .deferred(let later, _): return later
        case .refused: return nil
        }
    }

    /// Plans a contact through the contact policy; returns the decision. An allowed contact goes to
    /// the outbox with its event; a withheld one is journalled with the reason.
    mutating func contact(
        _ channel: Channel, template: String, reason: String, inClientName: Bool = false, deadline: Day? = nil,
        acceptLaterDay: Bool = false
    ) -> ContactDecision {
        let decision = context.contactPolicy.decide(channel, on: day, contactSituation(acceptLaterDay: acceptLaterDay))
        var plannedDay = day
        switch decision {
        case .allowed: break
        case .deferred(let later, let why):
            guard acceptLaterDay else {
                record(.contactWithheld, ["channel": channel.rawValue, "template": template, "until": later.description, "reason": why])
                return decision
            }
            plannedDay = later
        case .refused(let why):
            record(.contactWithheld, ["channel": channel.rawValue, "template": template, "reason": why])
            return decision
        }
        let window = context.contactPolicy.windows[channel] ?? ContactPolicy.wholeDay
        let message = OutboxMessage(dossierID: dossier.id, channel: channel, template: template, plannedDay: plannedDay,
                                    window: window, reason: reason, inClientName: inClientName, deadline: deadline)
        outbox.append(message)
        history.append(message.contact)
        var fields = ["channel": channel.rawValue, "template": template, "plannedDay": plannedDay.description, "reason": reason]
        if let deadline { fields["deadline"] = deadline.description }
        record(.contactPlanned, fields)
        return plannedDay == day ? decision : .deferred(to: plannedDay, reason: "planned for a later permitted day")
    }

    var reachableChannels: Set<Channel> {
        let profile = snapshot.debtor.profile
        var channels: Set<Channel> = [.letter, .portal]
        if profile.email != nil { channels.insert(.email) }
        if profile.phone != nil { channels.formUnion([.sms, .phone]) }
        return channels
    }

    /// The channel for messages that answer the debtor: e-mail when we have it and may use it, else a letter.
    var answerChannel: Channel { reachableChannels.contains(.email) && snapshot.debtor.profile.consent.allows(.email) ? .email : .letter }
}
