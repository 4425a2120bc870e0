public import Money

/// How one payment is applied to one debt. Art. 6:44 lid 1 BW: first the costs, then the accrued
/// interest, then the principal; the debtor cannot choose another order without the creditor.
public struct Allocation: Hashable, Sendable {
    /// The part of the payment that pays costs.
    public let toCosts: Money
    /// The part that pays accrued interest.
    public let toInterest: Money
    /// The part that pays principal.
    public let toPrincipal: Money
    /// What is left of the payment once the debt is paid in full (zero otherwise).
    public let unallocated: Money
    /// What is still owed after the payment.
    public let remaining: DebtBalance

    /// Applies `payment` (not negative) to `balance` in the order of art. 6:44 BW.
    ///
    /// Example from the law notes: principal 1,000, costs 150, interest 68, payment 300 gives costs
    /// 150, interest 68, principal 82, and 918 principal remains.
    public init(payment: Money, to balance: DebtBalance) {
        precondition(!payment.isNegative, "a payment is not negative")
        var left = payment
        func take(_ owed: Money) -> Money {
            let paid = Money.min(owed, left)
            left -= paid
            return paid
        }
        toCosts = take(balance.costs)
        toInterest = take(balance.interest)
        toPrincipal = take(balance.principal)
        unallocated = left
        remaining = DebtBalance(
            costs: balance.costs - toCosts, interest: balance.interest - toInterest,
            principal: balance.principal - toPrincipal)
    }

    /// The part of the payment applied to this debt.
    public var allocated: Money { toCosts + toInterest + toPrincipal }
}
