public import Money

/// The value of one point of the lawyers' cost tariff at the sub-district court (liquidatietarief
/// kanton) by claim band, read from a law table with the columns `from,claimUpTo,perPoint,status,source`
/// (lawyer-tariff-nl.csv). The court awards points per procedural act (a summons is one point).
public struct LawyerTariffTable: Sendable {
    private let bands: ClaimBands<TariffFigure>

    /// Parses `table`; a `LawTableError` names the line and column of the first bad cell.
    public init(_ table: LawTable) throws(LawTableError) {
        bands = try ClaimBands(table) { dated throws(LawTableError) in
            try TariffFigure("perPoint", of: dated, in: table.name)
        }
    }

    /// The value of one point for a `claim` on `day`, or nil when the table has none.
    public func perPoint(claim: Money, on day: Day) -> TariffFigure? {
        bands.band(for: claim, on: day)?.figures
    }
}
