/// Why a payment cannot be allocated over a set of debts.
public enum AllocationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Two debts carry the same id, so the result could not say which is which.
    case duplicateDebtID(String)
    /// The debtor designated a debt that is not among the debts.
    case unknownDesignatedDebt(String)
    /// More debts than one allocation handles (`PaymentAllocation.debtsMax`).
    case tooManyDebts(count: Int, max: Int)

    /// The reason in one sentence, for the person who has to fix the input.
    public var description: String {
        switch self {
        case .duplicateDebtID(let id): return "two debts have the id '\(id)'"
        case .unknownDesignatedDebt(let id): return "the designated debt '\(id)' is not among the debts"
        case .tooManyDebts(let count, let max): return "\(count) debts given, at most \(max) can be allocated at once"
        }
    }
}
