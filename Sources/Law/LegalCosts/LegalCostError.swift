public import Money

/// Why a legal-track cost estimate cannot be made.
public enum LegalCostError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The court-fee table has no band for the claim on the day.
    case noCourtFee(claim: Money, day: Day)
    /// The bailiff-fee table has no fee for the act on the day.
    case noBailiffFee(act: BailiffAct, day: Day)
    /// The lawyers' tariff has no band for the claim on the day (e.g. a claim above its top band).
    case noLawyerTariff(claim: Money, day: Day)
    /// The number of lawyer's points is outside 0 through `LegalCostEstimate.lawyerPointsMax`.
    case lawyerPointsOutOfRange(Int)

    /// The reason in one sentence, for the person who has to fix the input.
    public var description: String {
        switch self {
        case .noCourtFee(let claim, let day): return "no court fee for a claim of \(claim) on \(day)"
        case .noBailiffFee(let act, let day): return "no bailiff's fee for \(act.rawValue) on \(day)"
        case .noLawyerTariff(let claim, let day): return "no lawyer's tariff for a claim of \(claim) on \(day)"
        case .lawyerPointsOutOfRange(let points):
            return "\(points) lawyer's points: expected 0 to \(LegalCostEstimate.lawyerPointsMax)"
        }
    }
}
