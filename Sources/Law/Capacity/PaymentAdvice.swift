public import Money

/// What to offer a debtor given their payment capacity (law notes section 5; the social-collection norms).
public enum PaymentAdvice: Hashable, Sendable {
    /// Offer a payment plan with instalments of at most `maxInstalment` a month.
    case plan(maxInstalment: Money)
    /// There is no room to pay: offer deferral and refer the debtor to debt help (schuldhulpverlening)
    /// instead of a plan.
    case deferAndReferToDebtHelp
}
