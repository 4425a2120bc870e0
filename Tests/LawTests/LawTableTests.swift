import Law
import Testing

@Suite struct LawTableTests {
    @Test func commentsAndBlankLinesAreSkipped() throws {
        let table = try LawTable(name: "t.csv", text: "# source: x\nfrom,rate\n\n2024-01-01,7\n")
        #expect(table.columns == ["from", "rate"])
        #expect(table.rows.count == 1)
        #expect(table.rows[0].line == 4)
    }

    @Test func aShortRowNamesItsLine() {
        #expect(throws: LawTableError(table: "t.csv", line: 3, column: nil, reason: "expected 2 cells, found 1")) {
            try LawTable(name: "t.csv", text: "from,rate\n2024-01-01,7\n2024-07-01\n")
        }
    }
}
