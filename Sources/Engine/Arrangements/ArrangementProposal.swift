public import Money

/// What the planner advises for a debtor who cannot pay in full at once.
public enum ArrangementAdvice: Sendable, Equatable {
    /// A plan of equal monthly instalments (the last one may be smaller) within capacity.
    case plan(ArrangementTerms)
    /// No sustainable plan fits within the client's maximum months: defer the whole amount for a
    /// period and refer the debtor to debt help (step 1 of social collection).
    case deferAndRefer(reason: String)
}

/// The terms of a payment arrangement (betalingsregeling).
public struct ArrangementTerms: Sendable, Hashable, Codable {
    /// The amount the arrangement pays off.
    public let total: Money
    /// The monthly instalment (all but possibly the last).
    public let monthlyInstalment: Money
    /// The number of monthly instalments.
    public let months: Int
    /// The day the first instalment falls due.
    public let firstDueDay: Day

    /// Terms for `total` in `months` instalments of `monthlyInstalment` from `firstDueDay`.
    public init(total: Money, monthlyInstalment: Money, months: Int, firstDueDay: Day) {
        precondition(months >= 1 && monthlyInstalment.isPositive, "an arrangement has instalments")
        precondition(monthlyInstalment * months >= total, "the instalments must cover the total")
        precondition(monthlyInstalment * (months - 1) < total, "no instalment may be empty")
        self.total = total
        self.monthlyInstalment = monthlyInstalment
        self.months = months
        self.firstDueDay = firstDueDay
    }

    /// The instalments: due day and amount; the last one is the remainder so the sum is exact.
    public var schedule: [Instalment] {
        (0..<months).map { index in
            let amount = index == months - 1 ? total - monthlyInstalment * (months - 1) : monthlyInstalment
            return Instalment(number: index + 1, dueDay: firstDueDay.adding(months: index), amount: amount)
        }
    }

    /// The instalments not yet covered by `paid`: payments count towards the earliest instalments
    /// first, and an instalment is unpaid while the cumulative amount due through it exceeds `paid`.
    public func unpaidInstalments(paid: Money) -> [Instalment] {
        var dueSoFar = Money.zero
        return schedule.filter { instalment in
            dueSoFar += instalment.amount
            return paid < dueSoFar
        }
    }
}

/// One instalment of an arrangement.
public struct Instalment: Sendable, Hashable, Codable {
    /// 1 for the first instalment.
    public let number: Int
    /// The day it falls due.
    public let dueDay: Day
    /// The amount due.
    public let amount: Money
}

/// Sizes payment arrangements to the debtor's payment capacity (step 5 of social collection:
/// sustainable arrangements). The instalment is never above capacity and the plan never runs
/// longer than the client's mandate allows.
///
/// Capacity is the debtor's whole room above the protected income, for every creditor and every
/// setback. A plan for one file asks for a sustainable share of it (`sustainableCapacityShare`) and
/// takes as many months as that needs; only when the mandate's months would not suffice does the
/// instalment rise, up to the full capacity (docs/engine.md, "Arrangements").
public enum ArrangementPlanner {
    /// The smallest instalment the agency accepts, so a plan does not cost more to run than it brings.
    public static let minimumInstalment = Money(euros: 10)

    /// The share of payment capacity a plan for one file asks for when the mandate's months allow
    /// it: a quarter. Capacity is the room above the protected income (beslagvrije voet), a bare
    /// minimum with nothing in it for irregular costs (a repair, a higher energy bill) nor for the
    /// debtor's other creditors, who are usually several for someone who needs a plan. A plan that
    /// takes all of it breaks at the first setback, and a broken plan costs the debtor collection costs
    /// and the client the rest of the claim; a quarter leaves three quarters for the other creditors
    /// and the unexpected. It is also what the reference agency's plans show: 7 months at EUR 117 on
    /// about EUR 820 (docs/simulation.md, "Calibration against the reference year").
    public static let sustainableCapacityShare = Rate(basisPoints: 2_500)

    /// The instalment a plan aims at for `capacity`: the sustainable share, rounded down to the cent.
    public static func sustainableInstalment(capacity: Money) -> Money {
        capacity.multiplied(by: sustainableCapacityShare, rounding: .towardZero)
    }

    /// Proposes terms for `total`: at the sustainable instalment when the plan then fits within
    /// `maxMonths`, else the lowest even instalment that pays `total` in `maxMonths`, never above
    /// `capacity` nor below `minimumInstalment` (unless the total is smaller). The instalment is spread
    /// evenly over the months the plan takes (the last one may be smaller). Without room for a plan
    /// at full capacity within `maxMonths`, advises deferral and referral.
    public static func propose(total: Money, capacity: Money, maxMonths: Int, firstDueDay: Day) -> ArrangementAdvice {
        precondition(total.isPositive, "nothing to arrange")
        precondition(maxMonths >= 1, "a mandate allows at least one month")
        guard capacity >= minimumInstalment || capacity >= total else {
            return .deferAndRefer(reason: "payment capacity \(capacity) leaves no room for an instalment")
        }
        let floor = Money.min(minimumInstalment, total)
        let monthsAtCapacity = monthsToPay(total, at: capacity)
        guard monthsAtCapacity <= maxMonths else {
            return .deferAndRefer(
                reason: "paying \(total) at most \(capacity) a month takes \(monthsAtCapacity) months; "
                    + "the mandate allows \(maxMonths)")
        }
        // The sustainable pace, or the mandate's months when that pace would take longer. Since the
        // full capacity pays within maxMonths, the even instalment over these months is within capacity.
        let target = Money.min(capacity, Money.max(sustainableInstalment(capacity: capacity), floor))
        let plannedMonths = min(monthsToPay(total, at: target), maxMonths)
        let evenInstalment = Money(cents: (total.cents + Int64(plannedMonths) - 1) / Int64(plannedMonths))
        let instalment = Money.max(Money.min(evenInstalment, capacity), floor)
        // The months follow from the instalment (rounded up, so no month is left empty).
        let months = monthsToPay(total, at: instalment)
        return .plan(ArrangementTerms(total: total, monthlyInstalment: instalment, months: months, firstDueDay: firstDueDay))
    }

    /// The months `total` takes at `instalment` a month, rounded up.
    static func monthsToPay(_ total: Money, at instalment: Money) -> Int {
        Int((total.cents + instalment.cents - 1) / instalment.cents)
    }
}
