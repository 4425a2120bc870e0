public import Money

/// One row of a law table together with the day it takes effect.
public struct DatedRow: Sendable {
    /// The day the row's figures take effect (its `from` cell).
    public let from: Day
    /// The row itself, for its other cells.
    public let row: LawTable.Row
}

extension LawTable {
    /// The rows with their `from` day, checked the way every typed law table needs: each row has a
    /// `from` day and a non-empty `source`, and the rows stand in date order (several rows may share
    /// a day, e.g. one per household or per band). A `LawTableError` names the first bad line.
    public func datedRows(fromColumn: String = "from") throws(LawTableError) -> [DatedRow] {
        var dated: [DatedRow] = []
        for row in rows {
            let from = try row.day(fromColumn, in: name)
            _ = try row.text("source", in: name)
            if let previous = dated.last, from < previous.from {
                throw LawTableError(
                    table: name, line: row.line, column: fromColumn,
                    reason:
                        "\(from) comes before \(previous.from) on line \(previous.row.line): rows must be in date order"
                )
            }
            dated.append(DatedRow(from: from, row: row))
        }
        return dated
    }
}

extension LawTable.Row {
    /// The cell of `column` as an amount, or nil when the cell is empty (e.g. an open upper band).
    public func optionalMoney(_ column: String, in table: String) throws(LawTableError) -> Money? {
        guard let text = cells[column], !text.isEmpty else { return nil }
        return try money(column, in: table)
    }
}
