public import Money

/// One debt a payment may be allocated to, as art. 6:43 BW sees it: when it fell due, what is owed
/// and what interest runs on it.
public struct OutstandingDebt: Hashable, Sendable {
    /// The creditor's identifier of the debt (an invoice number), unique within one allocation.
    public let id: String
    /// The day the debt fell due (became opeisbaar).
    public let due: Day
    /// What is owed: costs, interest and principal.
    public let balance: DebtBalance
    /// The statutory interest running on it.
    public let interestKind: RunningInterest

    /// A debt `id` due on `due` with `balance` and `interestKind`.
    public init(id: String, due: Day, balance: DebtBalance, interestKind: RunningInterest) {
        self.id = id
        self.due = due
        self.balance = balance
        self.interestKind = interestKind
    }

    /// True when the debt is due on `day` (its due day is `day` or earlier).
    public func isDue(on day: Day) -> Bool { due <= day }

    /// How onerous the debt is for the debtor (art. 6:43 lid 2 BW), age aside.
    public var onerousness: Onerousness {
        Onerousness(interestKind: interestKind, hasCollectionCosts: balance.costs.isPositive)
    }
}

extension OutstandingDebt: Codable {
    private enum CodingKeys: String, CodingKey { case id, due, principal, interest, costs, interestKind }

    /// Decodes `{"id": "INV-1", "due": "2024-01-31", "principal": "1000.00", "interest": "68.00",
    /// "costs": "150.00", "interestKind": "consumer"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            due: try container.decode(Day.self, forKey: .due),
            balance: DebtBalance(
                costs: try container.decodeAmount(forKey: .costs),
                interest: try container.decodeAmount(forKey: .interest),
                principal: try container.decodeAmount(forKey: .principal)),
            interestKind: try container.decode(RunningInterest.self, forKey: .interestKind))
    }

    /// Encodes the flat form that `init(from:)` reads.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(due, forKey: .due)
        try container.encodeAmount(balance.principal, forKey: .principal)
        try container.encodeAmount(balance.interest, forKey: .interest)
        try container.encodeAmount(balance.costs, forKey: .costs)
        try container.encode(interestKind, forKey: .interestKind)
    }
}
