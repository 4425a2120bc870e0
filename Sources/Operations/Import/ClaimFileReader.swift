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

    /// Bytes read so far.
    public var bytesRead: Int { reader.consumed }

    /// Sniffs the format and reads the CSV header. Throws `ImportFailure` for a file that cannot
    /// be imported at all: empty, binary, a header without the required columns, not a JSON array.
    public init(source: Source) throws {
        reader = ByteReader(source)
        var firstLine = try reader.peekFirstLine(limit: Self.rowBytesMax)
        if firstLine.starts(with: [0xEF, 0xBB, 0xBF]) {
            for _ in 0..<3 { _ = try reader.next() }
            firstLine.removeFirst(3)
        }
        guard try reader.peek() != nil else { throw ImportFailure.empty }
        if firstLine.contains(ASCII.nul) { throw ImportFailure.binary }
        let firstText = firstLine.drop(while: ASCII.isSpace)
        if firstText.first == ASCII.openBracket {
            format = .json
            delimiter = ASCII.comma
            while let byte = try reader.peek(), ASCII.isSpace(byte) { _ = try reader.next() }
            guard try reader.next() == ASCII.openBracket else {
                throw ImportFailure.badJSON("it does not start with [")
            }
            return
        }
        guard String(validating: firstLine, as: UTF8.self) != nil else { throw ImportFailure.binary }
        let commas = firstLine.filter { $0 == ASCII.comma }.count
        let semicolons = firstLine.filter { $0 == ASCII.semicolon }.count
        delimiter = semicolons > commas ? ASCII.semicolon : ASCII.comma
        format = .csv(delimiter: Character(Unicode.Scalar(delimiter)))
        guard let header = try nextFields() else { throw ImportFailure.empty }
        if let problem = header.problem { throw ImportFailure.badHeader(problem) }
        columns = header.fields.map { String(decoding: $0, as: UTF8.self).trimmed.lowercased() }
    }

    /// The next record, or nil at the end of the file.
    public mutating func next() throws -> RawRecord? {
        switch format {
        case .csv: return try nextCSVRecord()
        case .json: return try nextJSONRecord()
        }
    }

    // MARK: CSV

    private mutating func nextCSVRecord() throws -> RawRecord? {
        while let record = try nextFields() {
            if let problem = record.problem {
                return .unreadable(ImportIssue(line: record.line, column: "row", reason: problem))
            }
            if record.fields.count == 1 && record.fields[0].isEmpty { continue }  // a blank line
            guard record.fields.count == columns.count else {
                return .unreadable(
                    ImportIssue(
                        line: record.line, column: "row",
                        reason: "has \(record.fields.count) fields, the header has \(columns.count)"))
            }
            var values: [String: String] = [:]
            for (column, bytes) in zip(columns, record.fields) {
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    return .unreadable(
                        ImportIssue(
                            line: record.line, column: column,
                            reason: "is not valid UTF-8 (was the file saved as Latin-1 or Windows-1252?)"))
                }
                values[column] = text
            }
            return .row(RawRow(line: record.line, values: values))
        }
        return nil
    }

    /// Splits the next CSV record (RFC 4180 quoting; a quoted field may span lines).
    private mutating func nextFields() throws -> (line: Int, fields: [[UInt8]], problem: String?)? {
        guard try reader.peek() != nil else { return nil }
        let line = reader.line
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var inQuotes = false
        var wasQuoted = false
        var size = 0
        var problem: String?
        while let byte = try reader.next() {
            size += 1
            if size > Self.rowBytesMax {
                // Skip to the end of the physical line, ignoring quotes: an unclosed quote in a
                // huge line must not swallow the rest of the file.
                if byte != ASCII.newline {
                    while let skipped = try reader.next(), skipped != ASCII.newline {}
                }
                return (line, [], "is longer than \(Self.rowBytesMax) bytes")
            }
            if byte == ASCII.nul { problem = "contains a NUL byte (binary data)" }
            if inQuotes {
                if byte == ASCII.quote {
                    if try reader.peek() == ASCII.quote {
                        _ = try reader.next()
                        field.append(ASCII.quote)
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == ASCII.quote && field.isEmpty && !wasQuoted {
                inQuotes = true
                wasQuoted = true
            } else if byte == delimiter {
                fields.append(field)
                field = []
                wasQuoted = false
            } else if byte == ASCII.newline {
                fields.append(field)
                return (line, fields, problem)
            } else if byte == ASCII.carriageReturn, try reader.peek() == ASCII.newline {
                continue
            } else {
                field.append(byte)
            }
        }
        if inQuotes { problem = problem ?? "has a quoted field that is never closed" }
        fields.append(field)
        return (line, fields, problem)
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

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[start...end])
    }
}
