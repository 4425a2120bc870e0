import Law
import LawData
import Money
import Testing

@Suite struct RateTableTests {
    /// Every table the law loads is found in the package (one left out would go unchecked below).
    @Test func everyTableIsShipped() {
        let required: Set = [
            "statutory-interest-nl.csv", "collection-costs-nl.csv", "collection-costs-limits-nl.csv",
            "protected-income-nl.csv", "court-fees-nl.csv", "bailiff-fees-nl.csv", "lawyer-tariff-nl.csv",
            "damage-caps-be.csv", "reminder-fees-be.csv",
        ]
        #expect(required.isSubset(of: LawData.shippedTableNames()))
    }

    /// Every row of every shipped table names its source.
    @Test(arguments: LawData.shippedTableNames())
    func everyRowHasASource(file: String) throws {
        let table = try LawData.table(file)
        #expect(!table.rows.isEmpty)
        for row in table.rows {
            #expect(!(row.cells["source"] ?? "").isEmpty, "\(file) line \(row.line) has no source")
        }
    }

    /// Rows are in date order and leave no half-year out: each row starts at most one half-year
    /// boundary after the one before it.
    @Test func statutoryRatesAreInOrderWithoutGaps() throws {
        let table = try LawData.table("statutory-interest-nl.csv")
        let days = try table.rows.map { try $0.day("from", in: table.name) }
        for (previous, next) in zip(days, days.dropFirst()) {
            #expect(previous < next)
            let boundary =
                previous.month < 7
                ? Day(year: previous.year, month: 7, day: 1)! : Day(year: previous.year + 1, month: 1, day: 1)!
            #expect(next <= boundary, "gap between \(previous) and \(next)")
        }
    }

    /// The rows of the law doc's table, with the UNCONFIRMED flags it gives.
    @Test func statutoryRatesMatchTheLawDoc() throws {
        let rates = Shipped.netherlands.interestRates
        let expected: [(String, String, String)] = [
            ("2009-07-01", "4", "8"), ("2010-01-01", "3", "8"), ("2011-07-01", "4", "8.25"),
            ("2012-01-01", "4", "8"), ("2012-07-01", "3", "8"), ("2013-01-01", "3", "7.75"),
            ("2013-03-16", "3", "8.75"), ("2013-07-01", "3", "8.5"), ("2014-01-01", "3", "8.25"),
            ("2014-07-01", "3", "8.15"), ("2015-01-01", "2", "8.05"), ("2016-07-01", "2", "8"),
            ("2023-01-01", "4", "10.5"), ("2023-07-01", "6", "12"), ("2024-01-01", "7", "12.5"),
            ("2024-07-01", "7", "12.25"), ("2025-01-01", "6", "11.15"), ("2025-07-01", "6", "10.15"),
            ("2026-01-01", "4", "10.15"),
        ]
        for (from, consumer, commercial) in expected {
            #expect(rates.rate(.consumer, on: day(from))?.rate.percentText == consumer, "\(from)")
            #expect(rates.rate(.commercial, on: day(from))?.rate.percentText == commercial, "\(from)")
        }
        #expect(rates.rate(.commercial, on: day("2011-07-01"))?.unconfirmed == true)
        #expect(rates.rate(.consumer, on: day("2012-07-01"))?.unconfirmed == true)
        #expect(rates.rate(.consumer, on: day("2024-07-01"))?.unconfirmed == false)
    }

    @Test func outOfOrderRowsAreRejectedWithTheirLine() {
        let text =
            "from,consumer,consumerStatus,commercial,commercialStatus,source\n2024-07-01,7,,12,,a\n2024-01-01,7,,12,,b\n"
        #expect(throws: LawTableError(table: "x.csv", line: 3, column: "from", reason: "rows must be in date order")) {
            try StatutoryInterestRates(table: LawTable(name: "x.csv", text: text))
        }
    }
}
