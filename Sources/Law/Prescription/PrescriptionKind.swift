/// A kind of claim with its own prescription term (verjaringstermijn).
public enum PrescriptionKind: String, CaseIterable, Equatable, Sendable {
    /// A claim to contractual performance, such as an unpaid invoice: 5 years (art. 3:307 BW).
    case contract
    /// Interest and other payments due yearly or more often, such as rent: 5 years (art. 3:308 BW).
    case periodic
    /// The price of a consumer purchase (consumentenkoop): 2 years (art. 7:28 BW).
    case consumerPurchase
    /// Enforcing a court or arbitral judgment: 20 years from the day after it (art. 3:324 BW).
    case judgment

    /// The length of the term in years.
    public var years: Int {
        switch self {
        case .contract, .periodic: 5
        case .consumerPurchase: 2
        case .judgment: 20
        }
    }

    /// The article that sets the term, for the steps a person reads.
    public var article: String {
        switch self {
        case .contract: "art. 3:307 BW"
        case .periodic: "art. 3:308 BW"
        case .consumerPurchase: "art. 7:28 BW"
        case .judgment: "art. 3:324 BW"
        }
    }

    /// The length of the new term an interruption starts: the original length, but at most
    /// `PrescriptionKind.interruptedYearsMax` years (art. 3:319 lid 1 BW).
    public var yearsAfterInterruption: Int { min(years, Self.interruptedYearsMax) }

    /// The longest term an interruption can start (art. 3:319 lid 1 BW).
    public static let interruptedYearsMax = 5
}
