public import Law
public import Money

/// The recovery investigation before any legal step (step 6 of social collection): expected recovery
/// against the estimated legal cost. A lawsuit is advised only when the mandate allows one, nothing has
/// prescribed, the debtor is not vulnerable, and the expected recovery exceeds the cost by `marginPercent`.
public enum Screening {
    /// How far the expected recovery must exceed the cost, in percent of the cost.
    public static let marginPercent: Int64 = 50
    /// The months of payment capacity a wage attachment is assumed to collect.
    public static let attachmentMonths = 12

    /// Screens a dossier with `outstanding` on `day`.
    public static func assess(
        outstanding: Money, circumstances: DebtorCircumstances?, vulnerable: Bool, prescribed: Bool, mayGoToCourt: Bool,
        claimant: Claimant, on day: Day, law: Netherlands
    ) -> ScreeningResult {
        func negative(_ reason: String, recovery: Money = .zero, cost: Money = .zero) -> ScreeningResult {
            ScreeningResult(isPositive: false, expectedRecovery: recovery, estimatedCost: cost, reason: reason)
        }
        guard mayGoToCourt else { return negative("the client's mandate does not allow court proceedings") }
        guard !prescribed else { return negative("a claim has prescribed") }
        guard !vulnerable else { return negative("the debtor is vulnerable") }
        guard let estimate = try? LegalCostEstimate.estimate(claim: outstanding, claimant: claimant, on: day, tables: law.legalCosts)
        else { return negative("no legal cost tables for \(day)") }
        let cost = estimate.total
        guard let circumstances else { return negative("income and assets unknown", cost: cost) }
        let capacity = (try? circumstances.capacity(on: day, law: law).capacity) ?? .zero
        let fromIncome = Money.max(.zero, capacity) * attachmentMonths
        let available = fromIncome + circumstances.assets
        // Other creditors share what can be recovered in proportion to their claims.
        let share = available.multiplied(
            by: Rate(millionths: 1_000_000), times: Int(outstanding.cents),
            over: Int(max(1, outstanding.cents + circumstances.otherDebts.cents)), rounding: .halfUp)
        let recovery = Money.min(outstanding, share)
        let threshold = cost + Money(cents: cost.cents * marginPercent / 100)
        if recovery > threshold {
            return ScreeningResult(isPositive: true, expectedRecovery: recovery, estimatedCost: cost,
                                    reason: "expected recovery \(recovery) exceeds the cost \(cost) by more than \(marginPercent)%")
        }
        return negative("expected recovery \(recovery) does not justify the cost \(cost)", recovery: recovery, cost: cost)
    }
}
