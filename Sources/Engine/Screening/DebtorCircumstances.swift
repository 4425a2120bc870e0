public import Law
public import Money

/// What is known of a debtor's finances: stated in an income-and-expenses form or found in a
/// recovery investigation. Amounts are monthly unless named otherwise.
public struct DebtorCircumstances: Hashable, Sendable, Codable {
    /// Net income a month.
    public var netIncome: Money
    /// The household situation that sets the protected income.
    public var household: Household
    /// The housing-cost raise asked for (capped by the table).
    public var housingCostsRaise: Money
    /// Fixed costs the protected-income norm does not cover.
    public var fixedCosts: Money
    /// Assets that could be attached (savings, a car), in all.
    public var assets: Money
    /// Other debts, in all.
    public var otherDebts: Money

    /// Circumstances; assets and other debts default to none.
    public init(netIncome: Money, household: Household, housingCostsRaise: Money = .zero, fixedCosts: Money = .zero,
                assets: Money = .zero, otherDebts: Money = .zero) {
        precondition(!netIncome.isNegative && !housingCostsRaise.isNegative && !fixedCosts.isNegative
                     && !assets.isNegative && !otherDebts.isNegative, "amounts are not negative")
        self.netIncome = netIncome
        self.household = household
        self.housingCostsRaise = housingCostsRaise
        self.fixedCosts = fixedCosts
        self.assets = assets
        self.otherDebts = otherDebts
    }

    /// The payment capacity on `day` (PaymentCapacity.assess).
    public func capacity(on day: Day, law: Netherlands) throws(PaymentCapacityError) -> PaymentCapacity {
        try PaymentCapacity.assess(
            netIncome: netIncome, household: household, housingCostsRaise: housingCostsRaise, fixedCosts: fixedCosts,
            on: day, table: law.protectedIncome)
    }
}
