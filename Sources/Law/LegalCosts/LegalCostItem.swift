public import Money

/// One line of a legal-track cost estimate.
public struct LegalCostItem: Hashable, Sendable {
    /// What the cost is for.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The court fee (griffierecht).
        case courtFee
        /// The bailiff's fee for serving the summons (dagvaarding).
        case summons
        /// The bailiff's fee for serving the judgment (betekening).
        case serviceOfJudgment
        /// The bailiff's fee for an attachment of wages (loonbeslag).
        case attachmentOfWages
        /// The lawyer's fee (salaris gemachtigde): points times the tariff per point.
        case lawyerFee
    }

    /// What the cost is for.
    public let kind: Kind
    /// The amount.
    public let amount: Money
    /// The table figure it derives from (for the lawyer's fee: the value of one point).
    public let figure: TariffFigure
}
