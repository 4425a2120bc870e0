public import Money

/// Bailiffs' fixed fees by act and period, read from a law table with the columns
/// `from,act,amount,status,source` (bailiff-fees-nl.csv).
public struct BailiffFeeTable: Sendable {
    private let rows: [(act: BailiffAct, figure: TariffFigure)]

    /// Parses `table`; a `LawTableError` names the line and column of the first bad cell, an unknown
    /// act, or an act given twice for one day.
    public init(_ table: LawTable) throws(LawTableError) {
        var rows: [(act: BailiffAct, figure: TariffFigure)] = []
        for dated in try table.datedRows() {
            let actText = try dated.row.text("act", in: table.name)
            guard let act = BailiffAct(rawValue: actText) else {
                throw LawTableError(
                    table: table.name, line: dated.row.line, column: "act",
                    reason: "'\(actText)' is not one of \(BailiffAct.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if rows.contains(where: { $0.act == act && $0.figure.from == dated.from }) {
                throw LawTableError(
                    table: table.name, line: dated.row.line, column: "act",
                    reason: "\(actText) appears twice for \(dated.from)")
            }
            rows.append((act, try TariffFigure("amount", of: dated, in: table.name)))
        }
        self.rows = rows
    }

    /// The fee for `act` in force on `day`, or nil when the table has none.
    public func fee(for act: BailiffAct, on day: Day) -> TariffFigure? {
        rows.last { $0.act == act && $0.figure.from <= day }?.figure
    }
}
