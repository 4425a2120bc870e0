public import Money

/// An amount of collection costs charged on a day (for the Wki six-month cap).
public struct CostCharge: Sendable, Equatable {
    /// The day the costs were charged.
    public let day: Day
    /// The amount charged, excluding VAT.
    public let amount: Money

    /// A charge of `amount` on `day`.
    public init(day: Day, amount: Money) {
        self.day = day
        self.amount = amount
    }
}

/// The cap on collection costs for small recurring claims (Wet kwaliteit incassodienstverlening,
/// from 1 October 2024): where the monthly amount is below EUR 266.67, collection costs may total at
/// most EUR 140 per six months.
///
/// The law's window counting is UNCONFIRMED; Ademruimte applies a rolling window: the costs charged
/// to one debtor for one client in the six months up to and including the day of the new charge
/// (from the same day six months earlier, exclusive) may not exceed the cap.
public enum SmallRecurringClaimCap {
    /// The most that may still be charged on `day`, given the charges already made to the same
    /// debtor for the same client; returns `proposed` unchanged when the cap does not apply.
    public static func allowed(
        proposed: Money, monthlyAmount: Money, earlierCharges: [CostCharge], on day: Day,
        rules: CollectionCostRules
    ) -> Money {
        guard let threshold = rules.wkiMonthlyThreshold, let cap = rules.wkiCapPerSixMonths,
            monthlyAmount < threshold
        else { return proposed }
        let windowStart = day.adding(months: -6)
        let charged = Money.sum(earlierCharges.filter { $0.day > windowStart && $0.day <= day }.map(\.amount))
        return Money.max(.zero, Money.min(proposed, cap - charged))
    }
}
