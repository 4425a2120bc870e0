public import Money

/// What is still owed on one debt, in the three parts art. 6:44 BW pays in turn.
public struct DebtBalance: Hashable, Sendable {
    /// Collection costs (buitengerechtelijke incassokosten) and other costs.
    public let costs: Money
    /// Interest accrued up to the payment day.
    public let interest: Money
    /// The principal (hoofdsom).
    public let principal: Money

    /// A balance of `costs`, `interest` and `principal`, none of them negative.
    public init(costs: Money, interest: Money, principal: Money) {
        precondition(!costs.isNegative && !interest.isNegative && !principal.isNegative, "a balance part is negative")
        self.costs = costs
        self.interest = interest
        self.principal = principal
    }

    /// Nothing owed.
    public static let zero = DebtBalance(costs: .zero, interest: .zero, principal: .zero)

    /// Costs, interest and principal together.
    public var total: Money { costs + interest + principal }
}

extension DebtBalance: Codable {
    private enum CodingKeys: String, CodingKey { case costs, interest, principal }

    /// Decodes `{"costs": "150.00", "interest": "68.00", "principal": "1000.00"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            costs: try container.decodeAmount(forKey: .costs),
            interest: try container.decodeAmount(forKey: .interest),
            principal: try container.decodeAmount(forKey: .principal))
    }

    /// Encodes the three parts as amounts with two decimals.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeAmount(costs, forKey: .costs)
        try container.encodeAmount(interest, forKey: .interest)
        try container.encodeAmount(principal, forKey: .principal)
    }
}
