public import Money

/// A running arrangement: its terms, when it was agreed and what had been paid before.
public struct ArrangementRecord: Hashable, Sendable, Codable {
    /// The terms.
    public let terms: ArrangementTerms
    /// The day it was agreed.
    public let agreedDay: Day
    /// Payments received on the dossier before the arrangement (they do not count towards it).
    public let paidBefore: Money

    /// A record.
    public init(terms: ArrangementTerms, agreedDay: Day, paidBefore: Money) {
        self.terms = terms
        self.agreedDay = agreedDay
        self.paidBefore = paidBefore
    }
}
