public import Money

/// Extrajudicial collection costs (buitengerechtelijke incassokosten) for one or more invoices.
public struct CollectionCosts: Sendable, Equatable {
    /// The principal the fee is computed on (the sum of the invoices' principals; never interest).
    public let principal: Money
    /// The fee before VAT.
    public let costs: Money
    /// VAT on the fee; zero unless the creditor cannot deduct VAT.
    public let vat: Money
    /// Which limit decided the fee, if any: the minimum, the maximum or the Wki cap.
    public let limitApplied: CostLimit?
    /// Principal plus costs plus VAT.
    public var total: Money { principal + costs + vat }
    /// Costs plus VAT: what the debtor owes on top of the principal.
    public var costsIncludingVAT: Money { costs + vat }

    /// A computed fee.
    public init(principal: Money, costs: Money, vat: Money, limitApplied: CostLimit?) {
        self.principal = principal
        self.costs = costs
        self.vat = vat
        self.limitApplied = limitApplied
    }
}

/// A limit that bounded a fee.
public enum CostLimit: String, Sendable, Equatable, Codable {
    /// The statutory minimum was charged.
    case minimum
    /// The statutory maximum was charged.
    case maximum
    /// The fee was reduced to stay within a cap (Wki, or a Belgian damage cap).
    case cap
}

/// The Dutch collection-cost computation, art. 6:96 BW and the Besluit BIK.
public enum DutchCollectionCosts {
    /// The rounding of the staffel sum and of VAT: half-up to cents.
    public static let rounding = Rounding.halfUp

    /// The fee over the invoices of one creditor to one debtor: lid 7 of art. 6:96 BW makes the fee
    /// one fee over the sum of the principals, not one per invoice (100 + 150 + 200 gives 67.50).
    ///
    /// Slices are summed exactly and rounded once half-up to cents; then the minimum and maximum
    /// apply; VAT (when `addVAT`, art. 9 Wet OB) is the rate of that amount, half-up.
    public static func compute(principals: [Money], addVAT: Bool, rules: CollectionCostRules) -> CollectionCosts {
        precondition(principals.allSatisfy { !$0.isNegative }, "principals are never negative")
        let principal = Money.sum(principals)
        // Exact sum of the slices in cent-millionths: principal cents x rate millionths.
        var exact: Int128 = 0
        for slice in rules.slices where principal > slice.lower {
            let top = slice.upper.map { Money.min($0, principal) } ?? principal
            exact += Int128((top - slice.lower).cents) * Int128(slice.rate.millionths)
        }
        let staffel = Money(cents: Int64(rounding.divide(exact, by: Int128(Rate.scale))))
        var costs = staffel
        var limit: CostLimit?
        if costs < rules.minimum {
            costs = rules.minimum
            limit = .minimum
        } else if costs > rules.maximum {
            costs = rules.maximum
            limit = .maximum
        }
        let vat = addVAT ? costs.multiplied(by: rules.vatRate, rounding: rounding) : .zero
        return CollectionCosts(principal: principal, costs: costs, vat: vat, limitApplied: limit)
    }
}
