public import Domain

/// Where a lifecycle move goes: an open state, or closed with a reason (a closure always has one).
public enum LifecycleMove: Hashable, Sendable {
    /// Into an open state; `.to(.closed)` is refused, closing needs a reason.
    case to(DossierState)
    /// Closed, with the details the journal's `closed` event carries (docs/journal-payloads.md).
    case close(DossierClosing)

    /// The state the move ends in.
    public var state: DossierState {
        switch self {
        case .to(let state): state
        case .close: .closed
        }
    }
}
