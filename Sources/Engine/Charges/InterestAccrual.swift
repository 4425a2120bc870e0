public import Domain
public import Law
public import Money

/// The statutory interest a dossier owes on a day, and what freezes avoided, computed from scratch so
/// that the amount to book is exact and booking it twice is impossible (docs/engine.md, "Interest").
///
/// For each claim, interest runs from the later of the day after its due day and the day collection
/// started (the 14-day letter; pre-collection charges none). What is chargeable through day T is the
/// statutory interest from that start through T minus, for every freeze, the statutory interest the
/// frozen days would have added (the interest through the freeze's last day minus the interest
/// through the day before its first day). So no interest accrues on a frozen day, the avoided amount
/// is what the report counts, and the booking of a day is chargeable(T) minus what was booked.
public struct InterestAccrual: Hashable, Sendable {
    /// The interest that may be charged through the day.
    public let chargeable: Money
    /// The interest freezes avoided through the day, per freeze in the order given.
    public let avoidedPerFreeze: [Money]

    /// The avoided interest in all.
    public var avoided: Money { Money.sum(avoidedPerFreeze) }

    /// The accrual through `day` on `claims` of a debtor of `kind`, interest starting no earlier than
    /// `collectionStart`, with `freezes`.
    public static func compute(
        claims: [Claim], kind: DebtorKind, collectionStart: Day, freezes: [Freeze], through day: Day,
        law: Netherlands
    ) throws(LawError) -> InterestAccrual {
        let interestKind: InterestKind = kind == .consumer ? .consumer : .commercial
        var chargeable = Money.zero
        var avoided = [Money](repeating: .zero, count: freezes.count)
        for claim in claims {
            let start = max(claim.dueDay.adding(days: 1), collectionStart)
            func interest(through last: Day) throws(LawError) -> Money {
                guard last >= start else { return .zero }
                return try law.statutoryInterest(kind: interestKind, principal: claim.principal, from: start, through: last).interest
            }
            var claimAvoided = Money.zero
            for (index, freeze) in freezes.enumerated() {
                guard let frozen = freeze.frozenDays(through: day) else { continue }
                let amount = try interest(through: frozen.upperBound) - interest(through: frozen.lowerBound.adding(days: -1))
                avoided[index] += amount
                claimAvoided += amount
            }
            chargeable += try interest(through: day) - claimAvoided
        }
        return InterestAccrual(chargeable: chargeable, avoidedPerFreeze: avoided)
    }
}
