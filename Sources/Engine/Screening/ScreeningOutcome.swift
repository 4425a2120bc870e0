public import Money

/// The outcome of a recovery investigation (verhaalsonderzoek).
public struct ScreeningOutcome: Hashable, Sendable, Codable {
    /// Whether a lawsuit is advised.
    public let isPositive: Bool
    /// The amount a judgment could be expected to recover.
    public let expectedRecovery: Money
    /// The estimated cost of the legal track.
    public let estimatedCost: Money
    /// Why, in words for the journal.
    public let reason: String

    /// An outcome.
    public init(isPositive: Bool, expectedRecovery: Money, estimatedCost: Money, reason: String) {
        self.isPositive = isPositive
        self.expectedRecovery = expectedRecovery
        self.estimatedCost = estimatedCost
        self.reason = reason
    }
}
