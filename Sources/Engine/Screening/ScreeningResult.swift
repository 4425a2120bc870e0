public import Money

/// The result of a recovery investigation (verhaalsonderzoek); the journal records its outcome.
public struct ScreeningResult: Hashable, Sendable, Codable {
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
