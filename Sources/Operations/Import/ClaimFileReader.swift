import Foundation

/// One row of an import file before validation: its line and its values by column name.
public struct RawRow: Hashable, Sendable {
    /// The 1-based line the row starts on.
    public let line: Int
    /// Values by lower-case column name.
    public let values: [String: String]
}

/// What the reader yields: a row, or a row that could not even be split into values.
public enum RawRecord: Hashable, Sendable {
    case row(RawRow)
    case unreadable(ImportIssue)
}

/// The formats `adem import claims` reads.
public enum ClaimFileFormat: Hashable, Sendable {
    /// CSV with a header row, separated by `,` or `;`.
    case csv(delimiter: Character)
    /// A JSON array of objects.
    case json
}

extension ClaimFileFormat {
    /// Finds the format from the first line of `reader` (up to `firstLineBytesMax` bytes), after a
    /// UTF-8 byte-order mark, which is skipped; for JSON, reads up to and including the opening `[`.
    /// Throws `ImportFailure` for an empty or binary file and JSON that does not start with `[`.
    static func sniff<Source>(_ reader: inout ByteReader<Source>, firstLineBytesMax: Int) throws -> (
        format: ClaimFileFormat, delimiter: UInt8
    ) {
        var firstLine = try reader.peekFirstLine(limit: firstLineBytesMax)
        if firstLine.starts(with: [0xEF, 0xBB, 0xBF]) {
            for _ in 0..<3 { _ = try reader.next() }
            firstLine.removeFirst(3)
        }
        guard try reader.peek() != nil else { throw ImportFailure.empty }
        if firstLine.contains(ASCII.nul) { throw ImportFailure.binary }
        let firstText = firstLine.drop(while: ASCII.isSpace)
        if firstText.first == ASCII.openBracket {
            while let byte = try reader.peek(), ASCII.isSpace(byte) { _ = try reader.next() }
            guard try reader.next() == ASCII.openBracket else {
                throw ImportFailure.badJSON("it does not start with [")
            }
            return (.json, ASCII.comma)
        }
        guard String(validating: firstLine, as: UTF8.self) != nil else { throw ImportFailure.binary }
        let commas = firstLine.filter { $0 == ASCII.comma }.count
        let semicolons = firstLine.filter { $0 == ASCII.semicolon }.count
        let delimiter = semicolons > commas ? ASCII.semicolon : ASCII.comma
        return (.csv(delimiter: Character(Unicode.Scalar(delimiter))), delimiter)
    }
}

/// Reads claim rows from CSV or JSON in a streaming way: one chunk of the file and one row in memory.
public struct ClaimFileReader<Source: ByteSource> {
    /// The longest row accepted, in bytes; longer rows are reported and skipped.
    public static var rowBytesMax: Int { 64 * 1024 }

    private var reader: ByteReader<Source>
    /// The format found.
    public let format: ClaimFileFormat
    /// CSV only: the column names of the header, lower-cased and trimmed.
    public private(set) var columns: [String] = []
    private let delimiter: UInt8
    private var jsonFinished = false
    /// CSV only: the record being read, reused from row to row.
    private var record = CSVRecord()
    /// CSV only: for each `ClaimColumn`, the field that holds it (the last of that name), or -1.
    private var claimFields: [Int] = []
    /// CSV only: for each `ClaimColumn`, its trimmed value's place in `record.bytes`; reused.
    private var claimRanges: [Range<Int>] = []

    /// Bytes read so far.
    public var bytesRead: Int { reader.consumed }

    /// The file's size, when its source knows it up front.
    public var totalBytes: Int? { reader.totalBytes }

    /// Sniffs the format and reads the CSV header. Throws `ImportFailure` for a file that cannot
    /// be imported at all: empty, binary, a header without the required columns, not a JSON array.
    public init(source: Source) throws {
        reader = ByteReader(source)
        (format, delimiter) = try ClaimFileFormat.sniff(&reader, firstLineBytesMax: Self.rowBytesMax)
        guard case .csv = format else { return }
        guard try reader.nextCSVRecord(delimiter: delimiter, rowBytesMax: Self.rowBytesMax, into: &record) else {
            throw ImportFailure.empty
        }
        if let problem = record.problem { throw ImportFailure.badHeader(problem) }
        columns = record.bytes.withUnsafeBufferPointer { bytes in
            (0..<record.fieldCount).map { number in
                String(decoding: bytes[bytes.trimmed(record.field(number))], as: UTF8.self).lowercased()
            }
        }
        claimFields = ClaimColumn.allCases.map { column in columns.lastIndex(of: column.name) ?? -1 }
        claimRanges = Array(repeating: 0..<0, count: ClaimColumn.allCases.count)
    }

    /// The next record, or nil at the end of the file.
    public mutating func next() throws -> RawRecord? {
        switch format {
        case .json: return try nextJSONRecord()
        case .csv:
            switch try nextCSVRow() {
            case nil: return nil
            case .unreadable(let issue)?: return .unreadable(issue)
            case .row?:
                var values: [String: String] = [:]
                record.bytes.withUnsafeBufferPointer { bytes in
                    for (number, column) in columns.enumerated() {
                        values[column] = String(decoding: bytes[record.field(number)], as: UTF8.self)
                    }
                }
                return .row(RawRow(line: record.line, values: values))
            }
        }
    }

    /// The next record checked by `ClaimRowValidator`, or nil at the end of the file: the same as
    /// `next()` followed by `ClaimRowValidator.validate(_:)` (an unreadable record fails with its one
    /// issue), but a CSV row is checked on its bytes, making strings only for the values kept.
    public mutating func nextValidated() throws -> Result<ValidClaimRow, ValidationIssues>? {
        switch format {
        case .json:
            switch try nextJSONRecord() {
            case nil: return nil
            case .unreadable(let issue)?: return .failure(ValidationIssues(issues: [issue]))
            case .row(let row)?: return ClaimRowValidator.validate(row)
            }
        case .csv:
            switch try nextCSVRow() {
            case nil: return nil
            case .unreadable(let issue)?: return .failure(ValidationIssues(issues: [issue]))
            case .row?:
                return record.bytes.withUnsafeBufferPointer { bytes in
                    for (column, number) in claimFields.enumerated() {
                        claimRanges[column] = number < 0 ? 0..<0 : bytes.trimmed(record.field(number))
                    }
                    return claimRanges.withUnsafeBufferPointer { ranges in
                        ClaimRowValidator.validate(line: record.line, ClaimFields(bytes: bytes, ranges: ranges))
                    }
                }
            }
        }
    }

    // MARK: CSV

    /// What reading one CSV row gave: a row (its fields in `record`, one per column, valid UTF-8)
    /// or a row that cannot be used at all.
    private enum CSVRow {
        case row
        case unreadable(ImportIssue)
    }

    /// Reads the next CSV row into `record`, skipping blank lines; nil at the end of the file.
    private mutating func nextCSVRow() throws -> CSVRow? {
        while try reader.nextCSVRecord(delimiter: delimiter, rowBytesMax: Self.rowBytesMax, into: &record) {
            if let problem = record.problem {
                return .unreadable(ImportIssue(line: record.line, column: "row", reason: problem))
            }
            if record.fieldCount == 1 && record.bytes.isEmpty { continue }  // a blank line
            guard record.fieldCount == columns.count else {
                return .unreadable(
                    ImportIssue(
                        line: record.line, column: "row",
                        reason: "has \(record.fieldCount) fields, the header has \(columns.count)"))
            }
            if let column = firstColumnNotUTF8() {
                return .unreadable(
                    ImportIssue(
                        line: record.line, column: column,
                        reason: "is not valid UTF-8 (was the file saved as Latin-1 or Windows-1252?)"))
            }
            return .row
        }
        return nil
    }

    /// The first column whose value in `record` is not valid UTF-8; checked field by field only
    /// when the row has a byte outside ASCII.
    private func firstColumnNotUTF8() -> String? {
        record.bytes.withUnsafeBufferPointer { bytes in
            guard !bytes.isASCII else { return nil }
            return columns.indices.first { number in
                String(validating: bytes[record.field(number)], as: UTF8.self) == nil
            }.map { columns[$0] }
        }
    }

    // MARK: JSON

    private mutating func nextJSONRecord() throws -> RawRecord? {
        guard !jsonFinished else { return nil }
        while let byte = try reader.peek(), ASCII.isSpace(byte) || byte == ASCII.comma { _ = try reader.next() }
        let line = reader.line
        guard let first = try reader.next() else {
            throw ImportFailure.badJSON("the array is never closed with ]")
        }
        if first == ASCII.closeBracket {
            jsonFinished = true
            return nil
        }
        guard first == ASCII.openBrace else {
            // Not an object: skip to the next top-level comma or the end and report the element.
            try skipJSONValue(startingWith: first)
            return .unreadable(ImportIssue(line: line, column: "row", reason: "is not a JSON object"))
        }
        var bytes: [UInt8] = [first]
        var depth = 1
        var inString = false
        var tooLong = false
        while depth > 0 {
            guard let byte = try reader.next() else {
                throw ImportFailure.badJSON("an object starting on line \(line) is never closed")
            }
            if bytes.count < Self.rowBytesMax { bytes.append(byte) } else { tooLong = true }
            if inString {
                if byte == ASCII.backslash {
                    if let escaped = try reader.next(), bytes.count < Self.rowBytesMax { bytes.append(escaped) }
                } else if byte == ASCII.quote {
                    inString = false
                }
            } else if byte == ASCII.quote {
                inString = true
            } else if byte == ASCII.openBrace || byte == ASCII.openBracket {
                depth += 1
            } else if byte == ASCII.closeBrace || byte == ASCII.closeBracket {
                depth -= 1
            }
        }
        if tooLong {
            return .unreadable(
                ImportIssue(line: line, column: "row", reason: "is longer than \(Self.rowBytesMax) bytes"))
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .unreadable(ImportIssue(line: line, column: "row", reason: "is not valid UTF-8"))
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            return .unreadable(ImportIssue(line: line, column: "row", reason: "is not a valid JSON object"))
        }
        var values: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case let text as String: values[key.lowercased()] = text
            case let number as NSNumber: values[key.lowercased()] = number.stringValue
            case is NSNull: break
            default:
                return .unreadable(ImportIssue(line: line, column: key, reason: "must be a string or a number"))
            }
        }
        return .row(RawRow(line: line, values: values))
    }

    /// Skips a scalar or nested value after its first byte.
    private mutating func skipJSONValue(startingWith first: UInt8) throws {
        var depth = (first == ASCII.openBracket || first == ASCII.openBrace) ? 1 : 0
        var inString = first == ASCII.quote
        while let byte = try reader.peek() {
            if depth == 0 && !inString && (byte == ASCII.comma || byte == ASCII.closeBracket) { return }
            _ = try reader.next()
            if inString {
                if byte == ASCII.backslash { _ = try reader.next() } else if byte == ASCII.quote { inString = false }
            } else if byte == ASCII.quote {
                inString = true
            } else if byte == ASCII.openBrace || byte == ASCII.openBracket {
                depth += 1
            } else if byte == ASCII.closeBrace || byte == ASCII.closeBracket {
                depth -= 1
            }
        }
    }
}
