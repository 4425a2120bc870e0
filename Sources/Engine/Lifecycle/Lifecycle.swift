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

    /// Whether `to` is among the successors of `from`: the daily run asks on every move, so the
    /// answer comes from a table of bits built once from `successors(of:)`.
    public static func canMove(from: DossierState, to: DossierState) -> Bool {
        successorBits[ordinal(from)] & (1 << ordinal(to)) != 0
    }

    private static let successorBits: [UInt32] = {
        var bits = [UInt32](repeating: 0, count: DossierState.allCases.count)
        for state in DossierState.allCases {
            bits[ordinal(state)] = successors(of: state).reduce(0) { $0 | 1 << ordinal($1) }
        }
        return bits
    }()

    /// A distinct bit position per state (a switch: no array of all cases, no string compared).
    private static func ordinal(_ state: DossierState) -> Int {
        switch state {
        case .new: 0
        case .preCollection: 1
        case .reminderLetter: 2
        case .collecting: 3
        case .arrangement: 4
        case .onHold: 5
        case .legal: 6
        case .closed: 7
        case .deferred: 8
        case .disputed: 9
        case .inDebtCounselling: 10
        case .screening: 11
        case .referredAbroad: 12
        }
    }

    /// Moves `dossier` on `day` and returns the `stateChanged` event carrying `reason`, or for a closing
    /// the report's `closed` event with `from` and the `explanation` added.
    /// A move to the state the dossier is already in is refused like any other illegal move.
    public static func move(
        _ dossier: inout Dossier, _ move: LifecycleMove, reason: String, on day: Day
    ) throws(LifecycleError) -> JournalEvent {
        if case .to(.closed) = move { throw .closingNeedsReason }
        let from = dossier.state
        guard canMove(from: from, to: move.state) else { throw .illegal(from: from, to: move.state) }
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
