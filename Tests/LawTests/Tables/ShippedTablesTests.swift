import Law
import LawData
import Testing

/// Every table shipped in Sources/LawData/Tables carries a source on each row and stands in date order.
@Suite struct ShippedTablesTests {
    static let tables = ["protected-income-nl.csv", "court-fees-nl.csv", "bailiff-fees-nl.csv", "lawyer-tariff-nl.csv"]

    @Test(arguments: tables)
    func everyRowHasASourceAndTheRowsAreInDateOrder(name: String) throws {
        let table = try LawData.table(name)
        #expect(!table.rows.isEmpty)
        #expect(table.columns.contains("status") && table.columns.contains("source"))
        for row in table.rows {
            #expect(!(row.cells["source"] ?? "").isEmpty, "\(name) line \(row.line) has no source")
        }
        let dated = try table.datedRows()
        #expect(zip(dated, dated.dropFirst()).allSatisfy { $0.from <= $1.from })
    }

    @Test func everyShippedTableParsesIntoItsType() throws {
        _ = try ProtectedIncomeTable(LawData.table("protected-income-nl.csv"))
        _ = try CourtFeeTable(LawData.table("court-fees-nl.csv"))
        _ = try BailiffFeeTable(LawData.table("bailiff-fees-nl.csv"))
        _ = try LawyerTariffTable(LawData.table("lawyer-tariff-nl.csv"))
    }
}
