public import Money

/// What taking a claim to the sub-district court would cost, item by item (law notes section 6):
/// court fee, the bailiff's summons, service of the judgment and an attachment of wages, and the
/// lawyer's fee for a number of points. Used in the recovery investigation before a legal hand-off.
public struct LegalCostEstimate: Hashable, Sendable {
    /// The most lawyer's points an estimate accepts; a kanton case rarely earns more than a few.
    public static let lawyerPointsMax = 10

    /// The items in the order above.
    public let items: [LegalCostItem]
    /// The number of lawyer's points priced.
    public let lawyerPoints: Int

    /// The sum of the items.
    public var total: Money { Money.sum(items.map(\.amount)) }

    /// True when any item comes from a row marked UNCONFIRMED; show a warning with the estimate.
    public var usesUnconfirmedFigures: Bool { items.contains { $0.figure.isUnconfirmed } }

    /// The amount of the item of `kind`.
    public func amount(of kind: LegalCostItem.Kind) -> Money? { items.first { $0.kind == kind }?.amount }

    /// Estimates the costs of a `claim` brought by `claimant` on `day`, pricing `lawyerPoints` points.
    public static func estimate(
        claim: Money, claimant: Claimant, on day: Day, tables: LegalCostTables, lawyerPoints: Int = 1
    ) throws(LegalCostError) -> LegalCostEstimate {
        guard (0...lawyerPointsMax).contains(lawyerPoints) else { throw .lawyerPointsOutOfRange(lawyerPoints) }
        guard let courtFee = tables.courtFees.fee(claim: claim, claimant: claimant, on: day) else {
            throw .noCourtFee(claim: claim, day: day)
        }
        guard let perPoint = tables.lawyerTariff.perPoint(claim: claim, on: day) else {
            throw .noLawyerTariff(claim: claim, day: day)
        }
        var items = [LegalCostItem(kind: .courtFee, amount: courtFee.amount, figure: courtFee)]
        let acts: [(BailiffAct, LegalCostItem.Kind)] = [
            (.summons, .summons), (.serviceOfJudgment, .serviceOfJudgment), (.attachmentOfWages, .attachmentOfWages),
        ]
        for (act, kind) in acts {
            guard let fee = tables.bailiffFees.fee(for: act, on: day) else { throw .noBailiffFee(act: act, day: day) }
            items.append(LegalCostItem(kind: kind, amount: fee.amount, figure: fee))
        }
        items.append(LegalCostItem(kind: .lawyerFee, amount: perPoint.amount * lawyerPoints, figure: perPoint))
        return LegalCostEstimate(items: items, lawyerPoints: lawyerPoints)
    }
}
