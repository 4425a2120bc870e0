public import Domain

/// A move the lifecycle does not allow.
public enum LifecycleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No edge from `from` to `to` in the lifecycle.
    case illegal(from: DossierState, to: DossierState)
    /// `.to(.closed)` without a reason.
    case closingNeedsReason

    public var description: String {
        switch self {
        case .illegal(let from, let to): "a dossier cannot move from \(from.rawValue) to \(to.rawValue)"
        case .closingNeedsReason: "closing a dossier needs a reason"
        }
    }
}
