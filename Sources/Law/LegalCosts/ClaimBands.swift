import Money

/// A law table of amounts by claim band, per period: each row gives the largest claim of its band in
/// `claimUpTo` (inclusive; empty for the open top band). Court fees and the lawyers' tariff read this way.
struct ClaimBands<Figures: Sendable>: Sendable {
    /// One band: the claims up to `upTo` (all claims when nil) in the period from `from`.
    struct Band: Sendable {
        let from: Day
        let upTo: Money?
        let figures: Figures
    }

    let bands: [Band]

    /// Parses `table`, reading each row's figures with `figures`. Within a period the bands must rise,
    /// and only the last may be open.
    init(_ table: LawTable, figures: (DatedRow) throws(LawTableError) -> Figures) throws(LawTableError) {
        var bands: [Band] = []
        for dated in try table.datedRows() {
            let upTo = try dated.row.optionalMoney("claimUpTo", in: table.name)
            if let previous = bands.last, previous.from == dated.from {
                // The previous band must be closed, and this one open or above it.
                guard let previousUpTo = previous.upTo, upTo.map({ previousUpTo < $0 }) ?? true else {
                    throw LawTableError(
                        table: table.name, line: dated.row.line, column: "claimUpTo",
                        reason: "bands of one period must rise, and only the last may be open (empty)")
                }
            }
            bands.append(Band(from: dated.from, upTo: upTo, figures: try figures(dated)))
        }
        self.bands = bands
    }

    /// The band of `claim` in the period in force on `day`, or nil when the day precedes the table or
    /// the claim is above its top band.
    func band(for claim: Money, on day: Day) -> Band? {
        guard let period = bands.last(where: { $0.from <= day })?.from else { return nil }
        return bands.first { $0.from == period && ($0.upTo.map { claim <= $0 } ?? true) }
    }
}
