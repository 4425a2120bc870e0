public import Money

/// The court fee (griffierecht) at the sub-district court (kantonrechter) by claim band and claimant,
/// read from a law table with the columns `from,claimUpTo,company,naturalPerson,status,source`
/// (court-fees-nl.csv; Wet griffierechten burgerlijke zaken).
public struct CourtFeeTable: Sendable {
    private let bands: ClaimBands<[Claimant: TariffFigure]>

    /// Parses `table`; a `LawTableError` names the line and column of the first bad cell.
    public init(_ table: LawTable) throws(LawTableError) {
        bands = try ClaimBands(table) { dated throws(LawTableError) in
            [
                .company: try TariffFigure("company", of: dated, in: table.name),
                .naturalPerson: try TariffFigure("naturalPerson", of: dated, in: table.name),
            ]
        }
    }

    /// The fee for a `claim` brought by `claimant` on `day`, or nil when the table has none.
    public func fee(claim: Money, claimant: Claimant, on day: Day) -> TariffFigure? {
        bands.band(for: claim, on: day)?.figures[claimant]
    }
}
