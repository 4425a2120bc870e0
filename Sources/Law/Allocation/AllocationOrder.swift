public import Money

/// The order in which one payment reaches several debts of one debtor (art. 6:43 BW).
///
/// 1. A debt the debtor designated comes first (lid 1); within it art. 6:44 still applies.
/// 2. Without designation, debts that are due on the payment day come before debts not yet due (lid 2).
/// 3. Among them the most onerous first (see `Onerousness`), then the oldest (earliest due day).
/// 4. Debts equal on all of these tie: the payment reaching them is split pro rata (lid 2, last part).
///
/// Debts not yet due are ranked among themselves by the same tests, after every due debt.
public enum AllocationOrder {
    /// The debts as groups in payment order; the debts in one group tie and share pro rata. Within a
    /// group, and between equal debts, input order is kept so the result is deterministic.
    public static func groups(of debts: [OutstandingDebt], on day: Day, designatedDebt: String?) -> [[OutstandingDebt]]
    {
        let ranked = debts.enumerated()
            .map {
                (offset: $0.offset, key: rankKey($0.element, on: day, designatedDebt: designatedDebt), debt: $0.element)
            }
            .sorted { $0.key != $1.key ? $0.key < $1.key : $0.offset < $1.offset }
        var groups: [[OutstandingDebt]] = []
        for (index, entry) in ranked.enumerated() {
            if index > 0, ranked[index - 1].key == entry.key {
                groups[groups.count - 1].append(entry.debt)
            } else {
                groups.append([entry.debt])
            }
        }
        return groups
    }

    /// What two debts are compared by, smaller first. Ids are unique, so at most one debt is designated.
    private struct RankKey: Comparable {
        let notDesignated: Bool
        let notDue: Bool
        let onerousness: Onerousness
        let due: Day

        static func < (left: RankKey, right: RankKey) -> Bool {
            if left.notDesignated != right.notDesignated { return !left.notDesignated }
            if left.notDue != right.notDue { return !left.notDue }
            if left.onerousness != right.onerousness { return left.onerousness > right.onerousness }
            return left.due < right.due
        }
    }

    private static func rankKey(_ debt: OutstandingDebt, on day: Day, designatedDebt: String?) -> RankKey {
        RankKey(
            notDesignated: debt.id != designatedDebt, notDue: !debt.isDue(on: day), onerousness: debt.onerousness,
            due: debt.due)
    }
}
