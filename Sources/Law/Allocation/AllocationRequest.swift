public import Money

/// The input of `adem calc allocate --input debts.json`: a payment, its day, the debtor's designation
/// if any, and the debts (format in docs/allocation.md).
public struct AllocationRequest: Hashable, Sendable {
    /// The amount paid.
    public let payment: Money
    /// The day of the payment, which decides which debts are due.
    public let day: Day
    /// The id of the debt the debtor said the payment is for (art. 6:43 lid 1 BW), if any.
    public let designatedDebt: String?
    /// The debtor's debts.
    public let debts: [OutstandingDebt]

    /// A request to allocate `payment` made on `day` over `debts`.
    public init(payment: Money, day: Day, designatedDebt: String? = nil, debts: [OutstandingDebt]) {
        self.payment = payment
        self.day = day
        self.designatedDebt = designatedDebt
        self.debts = debts
    }

    /// Allocates the payment by art. 6:43 and 6:44 BW.
    public func allocate() throws(AllocationError) -> PaymentAllocation {
        try PaymentAllocation.allocate(payment, on: day, to: debts, designatedDebt: designatedDebt)
    }
}

extension AllocationRequest: Codable {
    private enum CodingKeys: String, CodingKey { case payment, day, designatedDebt, debts }

    /// Decodes `{"payment": "500.00", "day": "2025-06-01", "designatedDebt": "INV-2", "debts": [...]}`;
    /// `designatedDebt` may be left out or null.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            payment: try container.decodeAmount(forKey: .payment),
            day: try container.decode(Day.self, forKey: .day),
            designatedDebt: try container.decodeIfPresent(String.self, forKey: .designatedDebt),
            debts: try container.decode([OutstandingDebt].self, forKey: .debts))
    }

    /// Encodes the form `init(from:)` reads (without `designatedDebt` when there is none).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeAmount(payment, forKey: .payment)
        try container.encode(day, forKey: .day)
        try container.encodeIfPresent(designatedDebt, forKey: .designatedDebt)
        try container.encode(debts, forKey: .debts)
    }
}
