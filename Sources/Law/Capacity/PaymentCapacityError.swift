public import Money

/// Why a payment capacity cannot be computed.
public enum PaymentCapacityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The protected-income table has no row for the household on the day (the day is before its first row).
    case noNorm(household: Household, day: Day)

    /// The reason in one sentence, for the person who has to fix the input.
    public var description: String {
        switch self {
        case .noNorm(let household, let day):
            return "the protected-income table has no amount for a \(household.rawValue) household on \(day)"
        }
    }
}
