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
    /// `collectionStart`, with `freezes` and the principal `repayments` made so far.
    ///
    /// A repaid part earns interest up to and including its repayment day: the interest it would have
    /// earned after that day is subtracted, just as a freeze subtracts its days, so the amount through
    /// any earlier day never changes (docs/engine.md, "Interest"). A freeze avoids only the interest on
    /// principal still outstanding.
    public static func compute(
        claims: [Claim], kind: DebtorKind, collectionStart: Day, freezes: [Freeze], repayments: [PrincipalRepayment] = [],
        through day: Day, law: Netherlands
    ) throws(LawError) -> InterestAccrual {
        let interestKind: InterestKind = kind == .consumer ? .consumer : .commercial
        var chargeable = Money.zero
        var avoided = [Money](repeating: .zero, count: freezes.count)
        for claim in claims {
            let start = max(claim.dueDay.adding(days: 1), collectionStart)
            /// The statutory interest on `principal` over `days` (from `start` on).
            func interest(_ principal: Money, over days: ClosedRange<Day>?) throws(LawError) -> Money {
                guard let days, days.upperBound >= start else { return .zero }
                func cumulative(_ last: Day) throws(LawError) -> Money {
                    guard last >= start else { return .zero }
                    return try law.statutoryInterest(kind: interestKind, principal: principal, from: start, through: last).interest
                }
                return try cumulative(days.upperBound) - cumulative(days.lowerBound.adding(days: -1))
            }
            let repaid = repayments.filter { $0.claimID == claim.id && $0.day < day }
            var claimInterest = try interest(claim.principal, over: start <= day ? start...day : nil)
            for repayment in repaid {
                claimInterest -= try interest(repayment.amount, over: repayment.day.adding(days: 1)...day)
            }
            for (index, freeze) in freezes.enumerated() {
                guard let frozen = freeze.frozenDays(through: day) else { continue }
                var amount = try interest(claim.principal, over: frozen)
                for repayment in repaid {
                    amount -= try interest(repayment.amount, over: overlap(frozen, repayment.day.adding(days: 1)...day))
                }
                avoided[index] += amount
                claimInterest -= amount
            }
            chargeable += claimInterest
        }
        return InterestAccrual(chargeable: chargeable, avoidedPerFreeze: avoided)
    }

    /// The days two ranges share, if any.
    static func overlap(_ first: ClosedRange<Day>, _ second: ClosedRange<Day>) -> ClosedRange<Day>? {
        let lower = max(first.lowerBound, second.lowerBound)
        let upper = min(first.upperBound, second.upperBound)
        return lower <= upper ? lower...upper : nil
    }
}
