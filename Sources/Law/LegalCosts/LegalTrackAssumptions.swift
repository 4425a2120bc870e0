public import Money

/// Figures about the legal track that are assumptions, not law, kept configurable.
public struct LegalTrackAssumptions: Hashable, Sendable {
    /// The average cost of one court procedure the reference social report assumes (law notes section 6).
    public static let defaultAverageProcedureCost = Money(euros: 1500)

    /// The average cost of one court procedure, for the social report's estimate of costs avoided.
    public var averageProcedureCost: Money

    /// The assumptions, by default those of the reference report.
    public init(averageProcedureCost: Money = defaultAverageProcedureCost) {
        self.averageProcedureCost = averageProcedureCost
    }
}
