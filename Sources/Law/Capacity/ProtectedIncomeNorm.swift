public import Money

/// One row of the protected-income table: the monthly amount a household keeps from a given day.
public struct ProtectedIncomeNorm: Hashable, Sendable {
    /// The day the amounts take effect (e.g. 1 January of a year).
    public let from: Day
    /// The household situation the row is for.
    public let household: Household
    /// The protected income per month before the housing-cost raise (about 95% of the social-assistance norm).
    public let amount: Money
    /// The largest raise per month for housing costs the protected income can get.
    public let housingRaiseMax: Money
    /// True when the row's figures have a single unconfirmed source; a calculation should warn.
    public let isUnconfirmed: Bool
    /// Where the figures come from.
    public let source: String
}
