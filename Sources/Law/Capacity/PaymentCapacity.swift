public import Money

/// How much a debtor can pay a month without going below the protected income (beslagvrije voet,
/// art. 475da Rv; law notes section 5), and the advice that follows from it.
///
/// capacity = net income - protected income (norm + housing raise, capped) - fixed costs the norm
/// does not cover. Never propose an instalment above it; at zero or below, offer deferral and debt help.
public struct PaymentCapacity: Hashable, Sendable {
    /// The table row used; its `from` day is the date of the figures, to show beside the result.
    public let norm: ProtectedIncomeNorm
    /// The housing-cost raise applied: the raise asked for, capped at the row's maximum.
    public let housingRaise: Money
    /// The protected income: the row's amount plus the housing raise.
    public let protectedIncome: Money
    /// Net income minus the protected income and the fixed costs; negative when income falls short.
    public let capacity: Money
    /// A plan with at most `capacity` a month, or deferral and a referral when `capacity` is not above zero.
    public let advice: PaymentAdvice

    /// Assesses a debtor with monthly `netIncome` in `household` on `day`, with a housing-cost raise
    /// of `housingCostsRaise` (capped by the table) and `fixedCosts` the norm does not cover.
    public static func assess(
        netIncome: Money, household: Household, housingCostsRaise: Money = .zero, fixedCosts: Money = .zero,
        on day: Day, table: ProtectedIncomeTable
    ) throws(PaymentCapacityError) -> PaymentCapacity {
        precondition(
            !netIncome.isNegative && !housingCostsRaise.isNegative && !fixedCosts.isNegative,
            "income and costs are not negative")
        guard let norm = table.norm(for: household, on: day) else { throw .noNorm(household: household, day: day) }
        let housingRaise = Money.min(housingCostsRaise, norm.housingRaiseMax)
        let protectedIncome = norm.amount + housingRaise
        let capacity = netIncome - protectedIncome - fixedCosts
        return PaymentCapacity(
            norm: norm, housingRaise: housingRaise, protectedIncome: protectedIncome, capacity: capacity,
            advice: capacity.isPositive ? .plan(maxInstalment: capacity) : .deferAndReferToDebtHelp)
    }

    /// The day of the protected-income figures used.
    public var tableDay: Day { norm.from }
}
