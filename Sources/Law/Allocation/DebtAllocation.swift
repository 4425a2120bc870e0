public import Money

/// The part of a payment one debt received, by category, and what it still owes (art. 6:44 BW).
public struct DebtAllocation: Hashable, Sendable {
    /// The debt's id.
    public let id: String
    /// Paid to costs.
    public let toCosts: Money
    /// Paid to accrued interest.
    public let toInterest: Money
    /// Paid to principal.
    public let toPrincipal: Money
    /// Still owed after the payment.
    public let remaining: DebtBalance

    /// The share of debt `id` as `allocation` applied it.
    public init(id: String, allocation: Allocation) {
        self.init(
            id: id, toCosts: allocation.toCosts, toInterest: allocation.toInterest, toPrincipal: allocation.toPrincipal,
            remaining: allocation.remaining)
    }

    /// A debt's share given part by part (as read back from JSON).
    public init(id: String, toCosts: Money, toInterest: Money, toPrincipal: Money, remaining: DebtBalance) {
        self.id = id
        self.toCosts = toCosts
        self.toInterest = toInterest
        self.toPrincipal = toPrincipal
        self.remaining = remaining
    }

    /// Everything the debt received.
    public var allocated: Money { toCosts + toInterest + toPrincipal }
}

extension DebtAllocation: Codable {
    private enum CodingKeys: String, CodingKey { case id, toCosts, toInterest, toPrincipal, remaining }

    /// Decodes `{"id": ..., "toCosts": "150.00", "toInterest": ..., "toPrincipal": ..., "remaining": {...}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            toCosts: try container.decodeAmount(forKey: .toCosts),
            toInterest: try container.decodeAmount(forKey: .toInterest),
            toPrincipal: try container.decodeAmount(forKey: .toPrincipal),
            remaining: try container.decode(DebtBalance.self, forKey: .remaining))
    }

    /// Encodes the form `init(from:)` reads.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeAmount(toCosts, forKey: .toCosts)
        try container.encodeAmount(toInterest, forKey: .toInterest)
        try container.encodeAmount(toPrincipal, forKey: .toPrincipal)
        try container.encode(remaining, forKey: .remaining)
    }
}
