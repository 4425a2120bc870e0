public import Money

/// One amount taken from a law table, with what the operator needs to trust it: the day it took
/// effect, whether it is UNCONFIRMED, and its source.
public struct TariffFigure: Hashable, Sendable {
    /// The amount.
    public let amount: Money
    /// The day the row took effect.
    public let from: Day
    /// True when the row is marked UNCONFIRMED; `adem` warns when a result uses it.
    public let isUnconfirmed: Bool
    /// Where the figure comes from.
    public let source: String

    /// A figure of `amount` from a row that took effect on `from`.
    public init(amount: Money, from: Day, isUnconfirmed: Bool, source: String) {
        self.amount = amount
        self.from = from
        self.isUnconfirmed = isUnconfirmed
        self.source = source
    }

    /// The figure read from `column` of a dated row of `table`.
    init(_ column: String, of dated: DatedRow, in table: String) throws(LawTableError) {
        self.init(
            amount: try dated.row.money(column, in: table), from: dated.from, isUnconfirmed: dated.row.isUnconfirmed,
            source: try dated.row.text("source", in: table))
    }
}
