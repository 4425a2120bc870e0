// The claim file reader and row validator as they were before they read bytes directly: a
// dictionary and a `String` per field, one byte at a time (over `ByteReader`'s `next()` and
// `peek()`). Kept as the oracle of the differential test in CSVPropertyTests, so the faster reader
// is held to exactly the old behaviour.
@testable import Operations
import Domain
import Law
@testable import Money

/// Reads claim rows from CSV or JSON in a streaming way: one chunk of the file and one row in memory.
struct ReferenceClaimFileReader<Source: ByteSource> {
    /// The longest row accepted, in bytes; longer rows are reported and skipped.
    static var rowBytesMax: Int { 64 * 1024 }

    private var reader: ByteReader<Source>
    /// The format found.
    let format: ClaimFileFormat
    /// CSV only: the column names of the header, lower-cased and trimmed.
    private(set) var columns: [String] = []
    private let delimiter: UInt8

    /// Bytes read so far.
    var bytesRead: Int { reader.consumed }

    /// Sniffs the format and reads the CSV header. Throws `ImportFailure` for a file that cannot
    /// be imported at all: empty, binary, a header without the required columns, not a JSON array.
    init(source: Source) throws {
        reader = ByteReader(source)
        (format, delimiter) = try ClaimFileFormat.sniff(&reader, firstLineBytesMax: Self.rowBytesMax)
        guard case .csv = format else { return }
        guard let header = try nextFields() else { throw ImportFailure.empty }
        if let problem = header.problem { throw ImportFailure.badHeader(problem) }
        columns = header.fields.map { String(decoding: $0, as: UTF8.self).referenceTrimmed.lowercased() }
    }

    /// The next record, or nil at the end of the file.
    mutating func next() throws -> RawRecord? {
        switch format {
        case .csv: return try nextCSVRecord()
        case .json: return nil
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
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var referenceTrimmed: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[start...end])
    }
}

/// The row validation as it was: on strings, with a dictionary per row.
enum ReferenceValidator {
    /// The row as a valid claim, or every problem found in it.
    static func validate(_ row: RawRow) -> Result<ValidClaimRow, ValidationIssues> {
        var issues: [ImportIssue] = []
        func value(_ column: String) -> String { (row.values[column] ?? "").referenceTrimmed }
        func issue(_ column: String, _ reason: String) {
            issues.append(ImportIssue(line: row.line, column: column, reason: reason))
        }
        func required(_ column: String) -> String? {
            let text = value(column)
            if text.isEmpty { issue(column, "is required"); return nil }
            if text.count
                > (column == "invoice_number" || column == "debtor_ref"
                    ? ClaimRowValidator.referenceCharactersMax : ClaimRowValidator.textCharactersMax)
            {
                issue(column, "is too long"); return nil
            }
            return text
        }
        func day(_ column: String, required isRequired: Bool) -> Day? {
            let text = value(column)
            if text.isEmpty {
                if isRequired { issue(column, "is required") }
                return nil
            }
            guard let day = referenceDay(iso: text) else {
                issue(column, "'\(text)' is not a date (expected YYYY-MM-DD)"); return nil
            }
            return day
        }

        let invoiceNumber = required("invoice_number")
        let debtorReference = required("debtor_ref")
        let kindText = value("debtor_type").lowercased()
        let kind = DebtorKind(rawValue: kindText)
        if kind == nil {
            issue("debtor_type", kindText.isEmpty ? "is required" : "'\(kindText)' must be consumer or business")
        }
        let name = required("name")
        let street = required("street")
        let postcode = required("postcode")
        let city = required("city")
        let countryText = value("country")
        let country = CountryCode(countryText)
        if country == nil {
            issue(
                "country",
                countryText.isEmpty ? "is required" : "'\(countryText)' is not an ISO 3166 country code (e.g. NL, BE)")
        }
        let invoiceDay = day("invoice_date", required: true)
        let dueDay = day("due_date", required: true)
        if let invoiceDay, let dueDay, dueDay < invoiceDay {
            issue("due_date", "\(dueDay) is before the invoice date \(invoiceDay)")
        }
        var amount: Money?
        do {
            let parsed = try referenceMoney(parsing: value("amount"))
            if parsed.isZero { issue("amount", "must be above zero") } else { amount = parsed }
        } catch {
            issue("amount", error.description)
        }
        let email = value("email")
        if !email.isEmpty && !isPlausibleEmail(email) { issue("email", "'\(email)' is not an e-mail address") }
        let iban = value("iban").uppercased().filter { $0 != " " }
        if !iban.isEmpty && !((try? IBAN(iban)) != nil) {
            issue("iban", "'\(value("iban"))' is not a valid IBAN (check digits do not match)")
        }
        let birthDay = day("birth_date", required: false)
        let language = value("language").lowercased()
        if !language.isEmpty && !(language.count == 2 && language.allSatisfy { $0.isASCII && $0.isLetter }) {
            issue("language", "'\(language)' is not a two-letter language code (e.g. nl, en)")
        }
        let phone = value("phone")
        if phone.count > 32 { issue("phone", "is too long") }
        let description = value("description")
        if description.count > ClaimRowValidator.textCharactersMax { issue("description", "is too long") }

        guard issues.isEmpty, let invoiceNumber, let debtorReference, let kind, let name, let street, let postcode,
            let city, let country,
            let invoiceDay, let dueDay, let amount
        else { return .failure(ValidationIssues(issues: issues)) }
        let houseNumber = value("house_number")
        let profile = DebtorProfile(
            name: name,
            address: PostalAddress(
                street: street, houseNumber: houseNumber.isEmpty ? nil : houseNumber, postcode: postcode, city: city,
                country: country),
            email: email.isEmpty ? nil : email, phone: phone.isEmpty ? nil : phone, iban: iban.isEmpty ? nil : iban,
            birthDay: birthDay,
            language: language.isEmpty ? "nl" : language)
        return .success(
            ValidClaimRow(
                line: row.line, invoiceNumber: invoiceNumber, debtorReference: debtorReference, debtorKind: kind,
                profile: profile, invoiceDay: invoiceDay, dueDay: dueDay, amount: amount, description: description))
    }

    /// One `@`, something before it, a dotted domain after it, no spaces: enough to catch typos
    /// without refusing real addresses.
    static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, text.count <= 254, !text.contains(" ") else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// `Day(iso:)` as it was.
    static func referenceDay(iso text: String) -> Day? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// `Money(parsing:)` as it was.
    static func money(parsing rawText: String, allowNegative: Bool = false) throws(AmountParseError) -> Money {
        var text = rawText.trimmingSpaces
        guard !text.isEmpty else { throw .empty }
        // The minus may stand before the currency, as `dutchDisplay` writes it (`-€ 5,00`), or after it.
        var negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        if let currency = ["€", "EUR"].first(where: { text.hasPrefix($0) }) {
            text = String(text.dropFirst(currency.count)).trimmingSpaces
        }
        if !negative, let sign = text.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            text.removeFirst()
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," }),
            text.first!.isASCIIDigit, text.last!.isASCIIDigit
        else { throw .notANumber(rawText) }

        let (wholeText, fractionText) = try splitDecimal(text, raw: rawText)
        guard fractionText.count <= 2 else { throw .tooManyDecimals(rawText) }
        let fraction = Int64(fractionText + String(repeating: "0", count: 2 - fractionText.count))!
        // Up to Int64.max cents (92,233,720,368,547,758.07 euros): every amount `description` writes.
        guard wholeText.count <= 17, let whole = Int64(wholeText) else { throw .tooLarge(rawText) }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        let (cents, overflowAdding) = scaled.addingReportingOverflow(fraction)
        guard !overflow, !overflowAdding else { throw .tooLarge(rawText) }
        if negative && cents != 0 && !allowNegative { throw .negativeNotAllowed(rawText) }
        return Money(cents: negative ? -cents : cents)
    }

    /// Separates the whole part (grouping removed and checked) from the decimals.
    private static func splitDecimal(_ text: String, raw: String) throws(AmountParseError) -> (String, String) {
        let dots = text.filter { $0 == "." }.count
        let commas = text.filter { $0 == "," }.count
        if dots == 0 && commas == 0 { return (text, "") }
        let decimalSeparator: Character
        if dots > 0 && commas > 0 {
            // Both appear: the last one separates the decimals, the other groups thousands.
            decimalSeparator = text.last(where: { $0 == "." || $0 == "," })!
            let groupingSeparator: Character = decimalSeparator == "." ? "," : "."
            guard text.filter({ $0 == decimalSeparator }).count == 1 else { throw .misplacedGrouping(raw) }
            let pieces = text.split(separator: decimalSeparator, omittingEmptySubsequences: false)
            let whole = try ungroup(String(pieces[0]), separator: groupingSeparator, raw: raw)
            return (whole, String(pieces[1]))
        }
        let separator: Character = dots > 0 ? "." : ","
        let pieces = text.split(separator: separator, omittingEmptySubsequences: false)
        if pieces.count > 2 {
            // Several of one separator can only be grouping: 1.234.567
            return (try ungroup(text, separator: separator, raw: raw), "")
        }
        let fraction = pieces[1]
        // Three digits after a lone separator may be a thousands group (1.234, 1,234) only when the
        // digits before it could lead a group: 1234.567 and 0,125 are plainly three decimals.
        let wholeCouldLeadGroup = (1...3).contains(pieces[0].count) && pieces[0].first != "0"
        if fraction.count == 3 && wholeCouldLeadGroup { throw .ambiguous(raw) }
        return (String(pieces[0]), String(fraction))
    }

    /// Removes thousands separators after checking they stand every three digits.
    private static func ungroup(_ text: String, separator: Character, raw: String) throws(AmountParseError) -> String {
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { throw .misplacedGrouping(raw) }
        return groups.joined()
    }

    static func referenceMoney(parsing text: String) throws(AmountParseError) -> Money { try money(parsing: text) }
}
