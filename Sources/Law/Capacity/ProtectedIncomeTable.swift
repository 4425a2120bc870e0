public import Money

/// The protected income (beslagvrije voet) by household and period, read from a law table with the
/// columns `from,household,amount,housingRaiseMax,status,source` (protected-income-nl.csv).
///
/// Since 1 January 2021 (Wet vereenvoudiging beslagvrije voet) the protected income is about 95% of
/// the social-assistance norm for the household, raised for housing costs (art. 475da Rv).
public struct ProtectedIncomeTable: Sendable {
    /// The rows in date order.
    public let norms: [ProtectedIncomeNorm]

    /// Parses `table`; a `LawTableError` names the line and column of the first bad cell, a row out
    /// of date order, or a household given twice for one day.
    public init(_ table: LawTable) throws(LawTableError) {
        var norms: [ProtectedIncomeNorm] = []
        for dated in try table.datedRows() {
            let row = dated.row
            let householdText = try row.text("household", in: table.name)
            guard let household = Household(rawValue: householdText) else {
                throw LawTableError(
                    table: table.name, line: row.line, column: "household",
                    reason:
                        "'\(householdText)' is not one of \(Household.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            if norms.contains(where: { $0.from == dated.from && $0.household == household }) {
                throw LawTableError(
                    table: table.name, line: row.line, column: "household",
                    reason: "\(household.rawValue) appears twice for \(dated.from)")
            }
            norms.append(
                ProtectedIncomeNorm(
                    from: dated.from, household: household, amount: try row.money("amount", in: table.name),
                    housingRaiseMax: try row.money("housingRaiseMax", in: table.name), isUnconfirmed: row.isUnconfirmed,
                    source: try row.text("source", in: table.name)))
        }
        self.norms = norms
    }

    /// The norm for `household` in force on `day` (the latest row from on or before it), or nil
    /// before the table's first day.
    public func norm(for household: Household, on day: Day) -> ProtectedIncomeNorm? {
        norms.last { $0.household == household && $0.from <= day }
    }
}
