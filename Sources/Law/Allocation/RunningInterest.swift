/// The statutory interest running on a debt, the first test of which debt is the most onerous
/// (art. 6:43 lid 2 BW).
public enum RunningInterest: String, Hashable, Sendable, Codable, CaseIterable {
    /// Commercial statutory interest (art. 6:119a BW), between businesses: the highest rate.
    case commercial
    /// Statutory interest (art. 6:119 BW), on consumer debts.
    case consumer
    /// No statutory interest runs on the debt.
    case none

    /// Higher is more onerous: commercial 2, consumer 1, none 0. The commercial rate has always
    /// been 8 points above the consumer rate, so the order does not depend on the day.
    public var onerousRank: Int {
        switch self {
        case .commercial: return 2
        case .consumer: return 1
        case .none: return 0
        }
    }
}
