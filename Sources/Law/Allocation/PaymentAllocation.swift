public import Money

/// One payment spread over a debtor's debts: between debts by art. 6:43 BW (`AllocationOrder`),
/// within each debt by art. 6:44 BW (`Allocation`). The output of `adem calc allocate`.
public struct PaymentAllocation: Hashable, Sendable {
    /// The most debts one allocation takes; a debtor with more is a data error, not a real case.
    public static let debtsMax = 10_000

    /// The payment allocated.
    public let payment: Money
    /// The debt ids in the order the payment reached them (tied debts in input order).
    public let order: [String]
    /// Each debt's share, in the order the debts were given.
    public let debts: [DebtAllocation]
    /// What is left once every debt is paid in full (zero otherwise).
    public let unallocated: Money

    /// A result given part by part (as read back from JSON).
    public init(payment: Money, order: [String], debts: [DebtAllocation], unallocated: Money) {
        self.payment = payment
        self.order = order
        self.debts = debts
        self.unallocated = unallocated
    }

    /// Allocates `payment` made on `day` over `debts`, the `designatedDebt` first when the debtor named one.
    ///
    /// Debts that tie in `AllocationOrder` share what reaches them in proportion to their totals,
    /// exact to the cent (`Money.split(proportionalTo:)`); each share is then applied by art. 6:44.
    public static func allocate(
        _ payment: Money, on day: Day, to debts: [OutstandingDebt], designatedDebt: String? = nil
    ) throws(AllocationError) -> PaymentAllocation {
        precondition(!payment.isNegative, "a payment is not negative")
        guard debts.count <= debtsMax else { throw .tooManyDebts(count: debts.count, max: debtsMax) }
        var seen: Set<String> = []
        for debt in debts where !seen.insert(debt.id).inserted { throw .duplicateDebtID(debt.id) }
        if let designatedDebt, !seen.contains(designatedDebt) { throw .unknownDesignatedDebt(designatedDebt) }

        var left = payment
        var shares: [String: DebtAllocation] = [:]
        let groups = AllocationOrder.groups(of: debts, on: day, designatedDebt: designatedDebt)
        for group in groups {
            let totals = group.map(\.balance.total)
            let parts = left >= Money.sum(totals) ? totals : left.split(proportionalTo: totals)
            for (debt, part) in zip(group, parts) {
                let allocation = Allocation(payment: part, to: debt.balance)
                // A share never exceeds its debt's total, so nothing is left over inside a group.
                precondition(allocation.unallocated.isZero, "a pro-rata share exceeds its debt")
                left -= allocation.allocated
                shares[debt.id] = DebtAllocation(id: debt.id, allocation: allocation)
            }
        }
        return PaymentAllocation(
            payment: payment, order: groups.flatMap { $0.map(\.id) }, debts: debts.map { shares[$0.id]! },
            unallocated: left)
    }
}

extension PaymentAllocation: Codable {
    private enum CodingKeys: String, CodingKey { case payment, order, debts, unallocated }

    /// Decodes the output format of docs/allocation.md.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            payment: try container.decodeAmount(forKey: .payment),
            order: try container.decode([String].self, forKey: .order),
            debts: try container.decode([DebtAllocation].self, forKey: .debts),
            unallocated: try container.decodeAmount(forKey: .unallocated))
    }

    /// Encodes the output format of docs/allocation.md.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeAmount(payment, forKey: .payment)
        try container.encode(order, forKey: .order)
        try container.encode(debts, forKey: .debts)
        try container.encodeAmount(unallocated, forKey: .unallocated)
    }
}
