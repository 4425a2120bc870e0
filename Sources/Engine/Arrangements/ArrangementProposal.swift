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
public enum ArrangementPlanner {
    /// The smallest instalment the agency accepts, so a plan does not cost more to run than it brings.
    public static let minimumInstalment = Money(euros: 10)

    /// Proposes terms for `total`: the shortest plan whose instalment fits within `capacity`,
    /// preferring a lower burden (the instalment is spread evenly over the months needed), and never
    /// more than `maxMonths` months. Without room for such a plan, advises deferral and referral.
    public static func propose(total: Money, capacity: Money, maxMonths: Int, firstDueDay: Day) -> ArrangementAdvice {
        precondition(total.isPositive, "nothing to arrange")
        precondition(maxMonths >= 1, "a mandate allows at least one month")
        guard capacity >= minimumInstalment || capacity >= total else {
            return .deferAndRefer(reason: "payment capacity \(capacity) leaves no room for an instalment")
        }
        // Months needed at full capacity, rounded up; then the even instalment over those months.
        let monthsNeeded = Int((total.cents + capacity.cents - 1) / capacity.cents)
        guard monthsNeeded <= maxMonths else {
            return .deferAndRefer(
                reason: "paying \(total) at most \(capacity) a month takes \(monthsNeeded) months; the mandate allows \(maxMonths)")
        }
        let evenInstalment = Money(cents: (total.cents + Int64(monthsNeeded) - 1) / Int64(monthsNeeded))
        let instalment = Money.max(Money.min(evenInstalment, capacity), Money.min(minimumInstalment, total))
        var months = Int((total.cents + instalment.cents - 1) / instalment.cents)
        // An even split can leave the last month empty; the months follow from the instalment.
        while instalment * (months - 1) >= total { months -= 1 }
        return .plan(ArrangementTerms(total: total, monthlyInstalment: instalment, months: months, firstDueDay: firstDueDay))
    }
}
