public import Domain
public import Money

/// A part of a claim's principal repaid on a day: interest on it runs up to and including that day.
public struct PrincipalRepayment: Hashable, Sendable, Codable {
    /// The claim repaid.
    public let claimID: Claim.ID
    /// The day of the repayment.
    public let day: Day
    /// The principal repaid.
    public let amount: Money

    /// A repayment.
    public init(claimID: Claim.ID, day: Day, amount: Money) {
        precondition(amount.isPositive, "a repayment is positive")
        self.claimID = claimID
        self.day = day
        self.amount = amount
    }
}
