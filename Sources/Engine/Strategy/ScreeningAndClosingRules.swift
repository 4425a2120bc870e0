public import Domain
public import Money

/// When the recovery investigation (verhaalsonderzoek) runs after the last step.
public struct ScreeningRule: Hashable, Sendable, Codable {
    /// Days after the last step.
    public var afterDays: Int
    /// Below this outstanding amount no legal route is considered (and none is screened).
    public var minimumAmount: Money

    /// A screening rule.
    public init(afterDays: Int, minimumAmount: Money) {
        self.afterDays = afterDays
        self.minimumAmount = minimumAmount
    }
}

/// When a dossier that brought no result closes, and as what.
public struct ClosingRule: Hashable, Sendable, Codable {
    /// Days after the last step (or the negative screening) without payment or response.
    public var afterDays: Int
    /// The reason it closes with (usually written off: returned to the client).
    public var reason: CloseReason

    /// A closing rule.
    public init(afterDays: Int, reason: CloseReason) {
        self.afterDays = afterDays
        self.reason = reason
    }
}
