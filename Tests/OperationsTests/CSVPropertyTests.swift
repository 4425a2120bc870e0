import Foundation
import Operations
import PropertyBased
import Testing

/// Any values, written as RFC 4180 CSV and read back in chunks of any size, come back unchanged.
@Suite struct CSVPropertyTests {
    static let columns = [
        "invoice_number", "debtor_ref", "debtor_type", "name", "street", "postcode", "city", "country", "invoice_date",
        "due_date", "amount",
    ]

    /// A field quoted only when it needs to be, as spreadsheets write them.
    static func encode(_ value: String, delimiter: Character) -> String {
        let needsQuotes =
            value.contains(delimiter) || value.contains("\"") || value.contains("\n") || value.contains("\r")
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    @Test func valuesSurviveWritingAndReading() async {
        let field = Gen<Character?>.element(of: Array("ab ,;\"\n\té€1")).map { $0 ?? "a" }.string(of: 0...6)
        await propertyCheck(input: field.array(of: 11).array(of: 1...4), Gen.int(in: 1...17), Gen.int(in: 0...1)) {
            rows, chunkBytes, choice in
            let delimiter: Character = choice == 0 ? "," : ";"
            let separator = String(delimiter)
            var text = Self.columns.joined(separator: separator) + "\n"
            for row in rows {
                text += row.map { Self.encode($0, delimiter: delimiter) }.joined(separator: separator) + "\n"
            }
            do {
                var reader = try ClaimFileReader(source: MemoryByteSource(text, chunkBytes: chunkBytes))
                var read: [[String]] = []
                while let record = try reader.next() {
                    guard case .row(let row) = record else {
                        Issue.record("unreadable: \(record)")
                        return
                    }
                    read.append(Self.columns.map { row.values[$0] ?? "<missing>" })
                }
                // A row of one empty field would be a blank line; there are eleven fields, so none is skipped.
                #expect(read == rows)
            } catch {
                Issue.record("reader threw \(error)")
            }
        }
    }
}
