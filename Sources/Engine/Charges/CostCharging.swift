public import Domain
public import Law
public import Money

/// When and how much collection costs (buitengerechtelijke incassokosten) a dossier is charged.
///
/// Consumers: only from the day after the 14-day letter's term (art. 6:96 lid 5-6 BW). Businesses:
/// from the day the demand letter goes out (lid 4: due from the day after the payment term; the
/// project charges no earlier than its own first demand). Once per dossier, on the sum of the
/// principals (lid 7), within the Wki cap for small claims; never while a freeze lasts or after
/// the debtor paid in full.
public enum CostCharging {
    /// The costs to charge on `day`, or nil when none are due (yet, or any more).
    public static func due(
        claims: [Claim], kind: DebtorKind, letter: ReminderLetterRecord?, alreadyCharged: Bool, frozen: Bool,
        earlierCharges: [CostCharge], on day: Day, law: Netherlands
    ) throws(LawError) -> Money? {
        guard !alreadyCharged, !frozen, let letter, !claims.isEmpty else { return nil }
        let firstDay = kind == .consumer ? letter.costsDueFrom : letter.sentDay
        guard day >= firstDay else { return nil }
        let principals = claims.map(\.principal)
        let costs = try law.collectionCosts(principals: principals, debtor: kind, addVAT: false, on: day).costs
        // The Wki cap (recurring small claims): the project treats every claim below the monthly
        // threshold as possibly recurring, the cautious reading (docs/engine.md).
        let capped = SmallRecurringClaimCap.allowed(
            proposed: costs, monthlyAmount: principals.max() ?? .zero, earlierCharges: earlierCharges, on: day,
            rules: try law.costRules(on: day))
        return capped.isPositive ? capped : nil
    }

    /// The statutory maximum for `claims` on `day`: what `due` may never exceed.
    public static func statutoryAmount(claims: [Claim], kind: DebtorKind, on day: Day, law: Netherlands) throws(LawError) -> Money {
        try law.collectionCosts(principals: claims.map(\.principal), debtor: kind, addVAT: false, on: day).costs
    }
}
