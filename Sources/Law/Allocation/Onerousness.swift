/// How onerous (bezwarend) a debt is for the debtor, the first test between due debts in art. 6:43
/// lid 2 BW. The law does not define it; Ademruimte ranks, most onerous first:
///
/// 1. the interest running on the debt: commercial statutory interest (art. 6:119a BW) before
///    statutory interest (art. 6:119 BW) before none, because paying the debt with the higher rate
///    saves the debtor the most;
/// 2. then a debt carrying collection costs before one without, because its costs (and the threat of
///    a procedure behind them) weigh more on the debtor;
/// 3. then age, which the law names next anyway: the debt that fell due first.
///
/// Age is not part of this value; `AllocationOrder` applies it. See docs/allocation.md.
public struct Onerousness: Hashable, Sendable, Comparable {
    /// The statutory interest running on the debt.
    public let interestKind: RunningInterest
    /// True when collection costs are owed on the debt.
    public let hasCollectionCosts: Bool

    /// The onerousness of a debt with `interestKind` and, or without, collection costs.
    public init(interestKind: RunningInterest, hasCollectionCosts: Bool) {
        self.interestKind = interestKind
        self.hasCollectionCosts = hasCollectionCosts
    }

    /// `left < right` when `left` is less onerous (is paid later).
    public static func < (left: Onerousness, right: Onerousness) -> Bool {
        if left.interestKind.onerousRank != right.interestKind.onerousRank {
            return left.interestKind.onerousRank < right.interestKind.onerousRank
        }
        return !left.hasCollectionCosts && right.hasCollectionCosts
    }
}
