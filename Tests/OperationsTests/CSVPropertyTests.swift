import Foundation
@testable import Operations
import PropertyBased
import Testing
import Money

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

/// The reader and validator against the way they worked before they read bytes directly
/// (ReferenceClaimReader.swift): on generated hostile files, every record, every issue (line,
/// column, reason), every valid row and the bytes read so far must come out the same.
@Suite struct CSVDifferentialTests {
    /// Values that are valid for their column, so that many rows pass and their stored values are compared.
    static let good: [String: [String]] = [
        "invoice_number": ["F-1", "INV-2", " F-3 ", "F\t4", "Zoë-5", "F-\u{65}\u{301}6"],
        "debtor_ref": ["D-1", "D-2", "Débiteur", "日本-1"],
        "debtor_type": ["consumer", "business", "Consumer", "BUSINESS", " consumer\t"],
        "name": ["Jan", "Bakkerij \"De Korst\" BV", "Jan, Piet", "Zoë; Ann", "Jan\r\nJansen", "Ren\u{E9}e"],
        "street": ["Dorpsstraat 1", "Markt", "Straße"], "postcode": ["1234 AB", "5611"],
        "city": ["Ede", "'s-Hertogenbosch", "Zürich"], "country": ["NL", "be", "De", " NL "],
        "invoice_date": ["2026-01-05", "2024-02-29"], "due_date": ["2026-01-19", "2026-03-01"],
        "amount": ["10", "1.234,56", "1,234.56", "€ 12", "EUR 5", "12.5", "0,125", "1234.567", "-€ 0,00", "+7"],
        "house_number": ["", "12a", "1-3"], "email": ["", "jan@example.nl", "a.b@c.d.e", "zoë@exämple.nl"],
        "phone": ["", "+31 6 12345678"], "iban": ["", "NL91 ABNA 0417 1643 00", "nl91abna0417164300"],
        "birth_date": ["", "1980-12-31"], "description": ["", "invoice 7", "Stück"],
        "language": ["", "en", "NL", "de"],
    ]

    /// Values that break a rule somewhere, or sit on the edge of one.
    static let bad: [String] = [
        "", " ", "\t", "a\"b", "\"", "x\"\"y", "ﬁ", "ıt", "ß", "K", "ＮＬ", "e\u{301}", "\u{301}", "nl\u{301}",
        "2026-1-05", "2026-02-30", "05-01-2026", "２０２６-01-05", "2026-01-05\u{301}", "2026-01-0５",
        "1.234", "1,234", "1.2.3", "1..234,5", "12345678901234567890", "92233720368547758,08", "-5", "€-5",
        "- 5", "5.", ".5", "0", "0,00", "1.234.567,891", "€ \u{301}5", "-\u{301}5", "EUR\u{301}5", " €5 ",
        "1,234,567.89", "1.234,5.6", "123.456.78", "€", "EUR", "-", "+", "--5", "5\r", "\r\n5",
        "jan@@x", "@x.nl", "jan@x", "jan@x.", "jan@.nl", "jan@x..nl", "j an@x.nl", "jan@x.nl@y", "jan@x\u{301}.nl",
        "jan@\u{301}x.nl", "NL91ABNA0417164301", "NL91 ABNA 0417 1643 0O", "ßNL91", "e", "eng", "é1", "Ｅn",
        "person", "CONSUMER\u{301}", "ｃonsumer", "ZZ", "N", "NLD", "N\tL", "nl\r\n",
        String(repeating: "x", count: 100), String(repeating: "x", count: 101), String(repeating: "é", count: 100),
        String(repeating: "é", count: 101), String(repeating: "7", count: 32), String(repeating: "7", count: 33),
        String(repeating: "e\u{301}", count: 33), String(repeating: "\r\n", count: 33),
        String(repeating: "y", count: 1_001), String(repeating: "ö", count: 1_000),
        String(repeating: "a", count: 250) + "@x.nl", String(repeating: "a", count: 249) + "@x.nl",
    ]

    /// Raw bytes to splice into a field: broken UTF-8, NUL, lone CR.
    static let hostileBytes: [[UInt8]] = [[0xE9], [0xC3], [0xFF, 0xFE], [0xE2, 0x82], [0x00], [0x0D], [0xC3, 0xA9]]

    struct Generated {
        var bytes: [UInt8]
        var chunkBytes: Int
    }

    static func generate(seed: Int64) -> Generated {
        var random = Xoshiro(seed: (UInt64(bitPattern: seed), 0x9E37_79B9_7F4A_7C15, 7, 11))
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
        func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }

        let delimiter: UInt8 = chance(50) ? 0x2C : 0x3B
        let lineEnd: [UInt8] = chance(50) ? [0x0A] : [0x0D, 0x0A]
        var columns = ClaimRowValidator.requiredColumns.filter { _ in !chance(3) }
        columns += ClaimRowValidator.optionalColumns.filter { _ in chance(60) }
        if chance(20) { columns.append("notes") }
        if chance(10) { columns.append(pick(columns)) }  // a column twice: the later one counts
        columns.shuffle(using: &random)

        func encode(_ value: [UInt8]) -> [UInt8] {
            let special = value.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if chance(5) { return value }  // unquoted whatever it holds: broken rows on purpose
            if special || chance(10) {
                return [0x22] + value.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22]
            }
            return value
        }

        var bytes: [UInt8] = chance(20) ? [0xEF, 0xBB, 0xBF] : []
        let headerNames = columns.map { chance(10) ? " \($0.uppercased())\t" : $0 }
        bytes += Array(
            headerNames.map { String(decoding: encode(Array($0.utf8)), as: UTF8.self) }
                .joined(separator: String(UnicodeScalar(delimiter))).utf8)
        bytes += lineEnd
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            if chance(5) {
                bytes += pick([[], [0x20], [0x22, 0x22], [0x0D]]) + lineEnd  // blank-ish lines
                continue
            }
            let badPercent = chance(50) ? 2 : 20  // half the rows mostly valid, so stored values are compared too
            var fields: [[UInt8]] = columns.map { column in
                var value = Array((chance(100 - badPercent) ? pick(good[column] ?? [""]) : pick(bad)).utf8)
                if chance(badPercent / 4) {
                    value.insert(contentsOf: pick(hostileBytes), at: Int.random(in: 0...value.count, using: &random))
                }
                return encode(value)
            }
            if chance(4) { fields.removeLast() }
            if chance(4) { fields.append(Array("extra".utf8)) }
            if chance(3) {  // broken quoting
                let index = Int.random(in: 0..<fields.count, using: &random)
                fields[index] = pick([
                    Array("\"unclosed".utf8), Array("ab\"c".utf8), Array("\"abc\"def".utf8),
                    Array("\"\"\"".utf8), Array("\"a\"\"".utf8),
                ])
            }
            var row = Array(fields.joined(separator: [delimiter]))
            if chance(3) {
                // A row near the 64 KiB limit, counted as the reader counts: a "" escape is one byte.
                let target = ClaimFileReader<MemoryByteSource>.rowBytesMax + Int.random(in: -3...2, using: &random)
                let padding = max(0, target - row.count - lineEnd.count)
                let escaped = chance(50)
                row += [delimiter, 0x22]
                row += escaped ? [UInt8](repeating: 0x22, count: padding * 2) : [UInt8](repeating: 0x61, count: padding)
                row += [0x22]
            }
            bytes += row + (chance(3) ? [0x0D] : lineEnd)
        }
        if chance(30), bytes.last == 0x0A { bytes.removeLast() }  // no final line end
        let chunkBytes = pick([1, 2, 3, 5, 7, 16, 64, 4_096, 1 << 20])
        return Generated(bytes: bytes, chunkBytes: chunkBytes)
    }

    /// Every record of the old reader, validated as before, with the bytes read after it.
    static func referenceRecords(_ generated: Generated) throws -> (
        columns: [String], records: [(RawRecord, Result<ValidClaimRow, ValidationIssues>, Int)]
    ) {
        var reader = try ReferenceClaimFileReader(
            source: MemoryByteSource(generated.bytes, chunkBytes: generated.chunkBytes))
        var records: [(RawRecord, Result<ValidClaimRow, ValidationIssues>, Int)] = []
        while let record = try reader.next() {
            switch record {
            case .unreadable(let issue):
                records.append((record, .failure(ValidationIssues(issues: [issue])), reader.bytesRead))
            case .row(let row): records.append((record, ReferenceValidator.validate(row), reader.bytesRead))
            }
        }
        return (reader.columns, records)
    }

    @Test func theReaderBehavesAsBeforeOnHostileFiles() async {
        await propertyCheck(count: 400, input: Gen.int64(in: 0...Int64.max)) { seed in
            let generated = Self.generate(seed: seed)
            let source = { MemoryByteSource(generated.bytes, chunkBytes: generated.chunkBytes) }
            let expected: (columns: [String], records: [(RawRecord, Result<ValidClaimRow, ValidationIssues>, Int)])
            do {
                expected = try Self.referenceRecords(generated)
            } catch {
                guard let failure = error as? ImportFailure else {
                    Issue.record("seed \(seed): the old reader threw \(error)")
                    return
                }
                #expect(throws: failure) { _ = try ClaimFileReader(source: source()) }
                return
            }
            do {
                var raw = try ClaimFileReader(source: source())
                var validated = try ClaimFileReader(source: source())
                #expect(raw.columns == expected.columns)
                for (record, result, bytesRead) in expected.records {
                    #expect(try raw.next() == record, "seed \(seed)")
                    #expect(raw.bytesRead == bytesRead, "seed \(seed)")
                    #expect(try validated.nextValidated() == result, "seed \(seed)")
                    #expect(validated.bytesRead == bytesRead, "seed \(seed)")
                    if case .row(let row) = record {
                        #expect(ClaimRowValidator.validate(row) == result, "seed \(seed)")
                    }
                }
                #expect(try raw.next() == nil)
                #expect(try validated.nextValidated() == nil)
            } catch {
                Issue.record("seed \(seed): the reader threw \(error), the old one did not")
            }
        }
    }

    /// The 64 KiB limit counts the bytes as before: the line end's bytes count, a `""` escape counts
    /// once, and the byte past the limit makes the row too long even when it is the LF.
    @Test func theRowLimitCountsBytesAsBefore() throws {
        let limit = ClaimFileReader<MemoryByteSource>.rowBytesMax
        let head = Array("a,b\n".utf8)
        let next = Array("x,y\n".utf8)
        func row(_ content: Int, quotes pairs: Int = 0, end: [UInt8] = [0x0A]) -> [UInt8] {
            // `c,"` + pairs escaped quotes + padding + `"`, counted as `content` bytes before the line end.
            let padding = content - 4 - pairs
            return Array("c,\"".utf8) + [UInt8](repeating: 0x22, count: 2 * pairs)
                + [UInt8](repeating: 0x61, count: padding)
                + [0x22] + end
        }
        let cases: [([UInt8], Bool)] = [
            (row(limit - 1), false), (row(limit), true), (row(limit - 2, end: [0x0D, 0x0A]), false),
            (row(limit - 1, end: [0x0D, 0x0A]), true), (row(limit - 1, quotes: 10), false),
            (row(limit, quotes: 10), true),
        ]
        for (bytes, tooLong) in cases {
            for chunkBytes in [1, 3, 4_096] {
                let file = Generated(bytes: head + bytes + next, chunkBytes: chunkBytes)
                let expected = try Self.referenceRecords(file).records.map(\.1)
                var reader = try ClaimFileReader(source: MemoryByteSource(file.bytes, chunkBytes: chunkBytes))
                var results: [Result<ValidClaimRow, ValidationIssues>] = []
                while let result = try reader.nextValidated() { results.append(result) }
                #expect(results == expected)
                let tooLongIssue = ImportIssue(line: 2, column: "row", reason: "is longer than \(limit) bytes")
                #expect((results.first == .failure(ValidationIssues(issues: [tooLongIssue]))) == tooLong)
                #expect(results.count == 2)
            }
        }
    }

    /// Amounts and days on the bytes give what the string rules gave, for any text.
    @Test func amountsAndDaysParseAsBefore() async {
        let alphabet = Array("0123456789.,.,-+ \t€EURé\u{301}x１\r\n").map(String.init)
        let text = Gen<String?>.element(of: alphabet).map { $0 ?? "" }.array(of: 0...12).map { $0.joined() }
        await propertyCheck(count: 3_000, input: text) { text in
            let old = Result { () throws(AmountParseError) in try ReferenceValidator.money(parsing: text) }
            let new = Result { () throws(AmountParseError) in try Money(parsing: text) }
            #expect(old == new, "'\(text)'")
            let negativeOld = Result { () throws(AmountParseError) in
                try ReferenceValidator.money(parsing: text, allowNegative: true)
            }
            #expect(
                negativeOld == Result { () throws(AmountParseError) in try Money(parsing: text, allowNegative: true) })
        }
        let digits = Array("0123456789-١\u{301} ").map(String.init)
        let day = Gen<String?>.element(of: digits).map { $0 ?? "" }.array(of: 8...11).map { $0.joined() }
        await propertyCheck(count: 3_000, input: day) { text in
            #expect(ReferenceValidator.referenceDay(iso: text) == Day(iso: text), "'\(text)'")
        }
        for text in ["2024-02-29", "2023-02-29", "0000-01-01", "9999-12-31", "2026-13-01", "2026-00-10"] {
            #expect(ReferenceValidator.referenceDay(iso: text) == Day(iso: text), "'\(text)'")
        }
    }
}
