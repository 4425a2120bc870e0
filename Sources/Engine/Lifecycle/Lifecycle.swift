public import Domain
public import Money

/// The dossier lifecycle (docs/engine.md has the diagram): which state may follow which, and the
/// one function that moves a dossier and writes the journal event that says why.
public enum Lifecycle {
    /// States any open dossier may move to: a dispute, debt counselling, a hold for a person, closing.
    static let fromAnyOpenState: Set<DossierState> = [.disputed, .inDebtCounselling, .onHold, .closed]

    /// The states reachable from `state` in one move.
    public static func successors(of state: DossierState) -> Set<DossierState> {
        let specific: Set<DossierState>
        switch state {
        case .closed: return []
        case .new: specific = [.preCollection, .reminderLetter, .collecting, .referredAbroad]
        case .preCollection: specific = [.reminderLetter, .collecting, .arrangement, .deferred, .referredAbroad]
        case .reminderLetter: specific = [.collecting, .arrangement, .deferred, .referredAbroad]
        case .collecting: specific = [.arrangement, .deferred, .screening, .referredAbroad]
        case .arrangement: specific = [.collecting, .deferred]
        case .deferred: specific = [.collecting, .arrangement]
        case .screening: specific = [.legal, .collecting, .arrangement]
        case .legal: specific = [.arrangement]
        case .referredAbroad: specific = [.collecting]
        case .disputed, .inDebtCounselling, .onHold:
            // Resuming returns to where the dossier was before the pause.
            specific = [.new, .preCollection, .reminderLetter, .collecting, .arrangement, .deferred, .screening, .legal,
                        .referredAbroad]
        }
        return specific.union(fromAnyOpenState).subtracting([state])
    }

    /// Moves `dossier` on `day` and returns the `stateChanged` event carrying `reason`, or for a closing
    /// the report's `closed` event with `from` and the `explanation` added.
    /// A move to the state the dossier is already in is refused like any other illegal move.
    public static func move(
        _ dossier: inout Dossier, _ move: LifecycleMove, reason: String, on day: Day
    ) throws(LifecycleError) -> JournalEvent {
        if case .to(.closed) = move { throw .closingNeedsReason }
        let from = dossier.state
        guard successors(of: from).contains(move.state) else { throw .illegal(from: from, to: move.state) }
        switch move {
        case .to(let state):
            dossier.state = state
            let fields = ["from": from.rawValue, "to": state.rawValue, "reason": reason]
            return JournalEvent(dossierID: dossier.id, day: day, type: .stateChanged, payload: JournalPayload(fields))
        case .close(let closing):
            dossier.close(on: day, reason: closing.reason)
            return JournalEvent.closed(dossier.id, on: day, client: dossier.clientID, closing: closing)
                .addingPayload(["from": from.rawValue, "explanation": reason])
        }
    }
}
