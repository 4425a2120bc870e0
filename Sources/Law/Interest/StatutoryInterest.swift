public import Money

/// One stretch of days with one rate and one base (a sub-period of an interest calculation).
public struct InterestPeriod: Sendable, Equatable, Codable {
    /// The first day of the stretch.
    public let from: Day
    /// The last day of the stretch (inclusive).
    public let through: Day
    /// The number of days, both ends inclusive.
    public let days: Int
    /// The yearly rate applied.
    public let rate: Rate
    /// The amount interest runs on (principal plus capitalised interest of earlier years).
    public let base: Money
    /// base x rate x days / 365, rounded half-up to cents.
    public let interest: Money
    /// True when the rate's source is a single one (UNCONFIRMED in the data file).
    public let unconfirmedRate: Bool
}

/// The outcome of a statutory interest calculation.
public struct InterestCalculation: Sendable, Equatable {
    /// The amount the interest ran on at the start.
    public let principal: Money
    /// The sub-periods, split at rate changes and at each anniversary of the first interest day.
    public let periods: [InterestPeriod]
    /// The sum of the sub-periods' interest.
    public var interest: Money { Money.sum(periods.map(\.interest)) }
    /// Principal plus interest.
    public var total: Money { principal + interest }
    /// True when any sub-period used an UNCONFIRMED rate.
    public var usesUnconfirmedRates: Bool { periods.contains { $0.unconfirmedRate } }
}

/// Why an interest calculation cannot be made.
public enum InterestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The last day lies before the first day.
    case periodReversed(from: Day, through: Day)
    /// The period starts before the first rate the table knows.
    case noRateKnown(before: Day)
    /// The principal is negative.
    case negativePrincipal

    public var description: String {
        switch self {
        case .periodReversed(let from, let through): return "the last day \(through) lies before the first day \(from)"
        case .noRateKnown(let day): return "no statutory rate is known before \(day)"
        case .negativePrincipal: return "the principal must not be negative"
        }
    }
}

/// Dutch statutory interest (wettelijke rente), art. 6:119 and 6:119a BW, with yearly capitalisation.
///
/// Conventions (the law names no day count; these agree with the public calculator
/// Matthi-code/rentetool, see docs/decisions/0003-interest-conventions.md):
/// - the first and the last interest day both count;
/// - a period is split where the rate actually changes and at every anniversary of the first day;
/// - a sub-period's interest is base x rate x days / 365 (also in leap years), half-up to cents;
/// - on each anniversary the interest of the year just ended joins the base (art. 6:119 lid 2);
/// - an anniversary of 29 February falls on 28 February in a common year.
public enum StatutoryInterest {
    /// The days in an interest year, leap years included.
    public static let daysPerYear = 365

    /// The rounding of each sub-period's interest.
    public static let rounding = Rounding.halfUp

    /// Computes the interest of `kind` on `principal` from `from` through `through`, both inclusive.
    public static func calculate(
        kind: InterestKind, principal: Money, from: Day, through: Day, rates: StatutoryInterestRates
    ) throws(InterestError) -> InterestCalculation {
        guard !principal.isNegative else { throw .negativePrincipal }
        guard from <= through else { throw .periodReversed(from: from, through: through) }
        guard let firstKnown = rates.firstDay(kind), firstKnown <= from else {
            throw .noRateKnown(before: rates.firstDay(kind) ?? from)
        }
        var periods: [InterestPeriod] = []
        var base = principal
        var interestThisYear = Money.zero
        var yearsPassed = 1
        var anniversary = from.adding(years: yearsPassed)
        var start = from
        while start <= through {
            let current = rates.rate(kind, on: start)!
            var end = min(through, anniversary.adding(days: -1))
            if let change = rates.nextChange(kind, after: start), change <= end { end = change.adding(days: -1) }
            let days = start.days(until: end) + 1
            let interest = base.multiplied(by: current.rate, times: days, over: daysPerYear, rounding: rounding)
            periods.append(
                InterestPeriod(
                    from: start, through: end, days: days, rate: current.rate, base: base, interest: interest,
                    unconfirmedRate: current.unconfirmed))
            interestThisYear += interest
            start = end.adding(days: 1)
            if start == anniversary {
                base += interestThisYear
                interestThisYear = .zero
                yearsPassed += 1
                anniversary = from.adding(years: yearsPassed)
            }
        }
        return InterestCalculation(principal: principal, periods: periods)
    }
}
