public import Money

/// Why a jurisdiction cannot answer a question.
public enum LawError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The jurisdiction's rules do not cover the question (e.g. Belgian business claims).
    case notCovered(String)
    /// An interest calculation failed.
    case interest(InterestError)
    /// No rules are in force on the day asked.
    case noRulesInForce(Day)
    /// An input contradicts another (e.g. delivery before posting).
    case inconsistent(String)

    public var description: String {
        switch self {
        case .notCovered(let what): return what
        case .interest(let error): return error.description
        case .noRulesInForce(let day): return "no rules are in force on \(day)"
        case .inconsistent(let what): return what
        }
    }
}

/// The law of one country as Ademruimte computes it: collection costs, statutory interest and the
/// other rules a collection agency must follow there.
///
/// The Netherlands is complete; Belgium (Book XIX WER) is the second, proving the seam. Each
/// implementation is pure: its tables are handed to it, it reads no file and no clock.
public protocol Jurisdiction: Sendable {
    /// The ISO 3166 alpha-2 code in lower case: `nl`, `be`.
    var code: String { get }

    /// The country's name in English.
    var name: String { get }

    /// The collection costs (or flat damages) on the principals of one creditor to one debtor,
    /// charged on `day`.
    func collectionCosts(principals: [Money], debtor: DebtorKind, addVAT: Bool, on day: Day) throws(LawError)
        -> CollectionCosts

    /// The statutory interest of `kind` on `principal` from `from` through `through`, both inclusive.
    func statutoryInterest(kind: InterestKind, principal: Money, from: Day, through: Day) throws(LawError)
        -> InterestCalculation

    /// The first day collection costs (or damages) may be charged to a consumer after a reminder
    /// sent on `sent` by `channel`; `delivered` is the actual delivery day when known.
    func firstDayCostsMayBeCharged(reminderSent sent: Day, by channel: ReminderChannel, delivered: Day?)
        throws(LawError) -> Day

    /// When a claim of `kind` that fell due on `due` prescribes, given the days interruptions arrived.
    func prescription(kind: PrescriptionKind, due: Day, interruptions: [Day]) throws(LawError) -> PrescriptionOutcome

    /// Allocates a payment over a debtor's debts: which debt first, and within each debt what first.
    func allocate(_ request: AllocationRequest) throws(LawError) -> PaymentAllocation
}

/// How a reminder reaches the debtor.
public enum ReminderChannel: String, Sendable, CaseIterable, Codable {
    /// On paper, by post.
    case post
    /// Electronically (e-mail or the portal).
    case email
}

/// The collection-cost rules of each period, built once from the staffel and limits tables.
public struct CollectionCostSchedule: Sendable {
    /// Rules per first day of validity, in date order.
    public let periods: [(from: Day, rules: CollectionCostRules)]

    /// Builds the rules for every day on which either table changes.
    public init(staffel: LawTable, limits: LawTable) throws(LawTableError) {
        var days: Set<Day> = []
        for row in staffel.rows { days.insert(try row.day("validFrom", in: staffel.name)) }
        for row in limits.rows { days.insert(try row.day("validFrom", in: limits.name)) }
        var periods: [(from: Day, rules: CollectionCostRules)] = []
        for day in days.sorted() {
            do {
                periods.append((day, try CollectionCostRules(staffel: staffel, limits: limits, on: day)))
            } catch  where error.line == 0 {
                continue  // One table does not reach back this far yet.
            }
        }
        self.periods = periods
    }

    /// The rules in force on `day`, or nil before the first period.
    public func rules(on day: Day) -> CollectionCostRules? {
        periods.last { $0.from <= day }?.rules
    }
}
