public import Domain
public import Money
public import Law

/// A problem with one row: the line, the column and the reason, as a person can act on it.
public struct ImportIssue: Hashable, Sendable, Codable {
    /// The 1-based line the row starts on.
    public let line: Int
    /// The column at fault (`row` when the row as a whole is at fault).
    public let column: String
    /// Why, in plain words.
    public let reason: String

    /// An issue.
    public init(line: Int, column: String, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }
}

/// A row that passed validation, ready to become a debtor, a dossier and a claim.
public struct ValidClaimRow: Hashable, Sendable {
    /// The line the row starts on.
    public let line: Int
    /// The client's invoice number.
    public let invoiceNumber: String
    /// The client's reference for the debtor.
    public let debtorReference: String
    /// Consumer or business.
    public let debtorKind: DebtorKind
    /// The debtor's personal data from the row.
    public let profile: DebtorProfile
    /// The invoice day.
    public let invoiceDay: Day
    /// The due day (not before the invoice day).
    public let dueDay: Day
    /// The unpaid principal (above zero).
    public let amount: Money
    /// What the invoice was for.
    public let description: String
}

/// A column of a claim file (docs/import-format.md).
enum ClaimColumn: Int, CaseIterable {
    case invoiceNumber, debtorReference, debtorType, name, street, postcode, city, country, invoiceDate, dueDate
    case amount, houseNumber, email, phone, iban, birthDate, description, language

    /// The column's name in a header or a JSON object.
    var name: String {
        switch self {
        case .invoiceNumber: return "invoice_number"
        case .debtorReference: return "debtor_ref"
        case .debtorType: return "debtor_type"
        case .name: return "name"
        case .street: return "street"
        case .postcode: return "postcode"
        case .city: return "city"
        case .country: return "country"
        case .invoiceDate: return "invoice_date"
        case .dueDate: return "due_date"
        case .amount: return "amount"
        case .houseNumber: return "house_number"
        case .email: return "email"
        case .phone: return "phone"
        case .iban: return "iban"
        case .birthDate: return "birth_date"
        case .description: return "description"
        case .language: return "language"
        }
    }

    /// True for the columns every file must have.
    var isRequired: Bool { rawValue <= ClaimColumn.amount.rawValue }
}

/// The values of one row by `ClaimColumn`: each a trimmed range of `bytes` (empty when the column
/// is missing). The bytes are valid UTF-8.
struct ClaimFields {
    let bytes: UnsafeBufferPointer<UInt8>
    let ranges: UnsafeBufferPointer<Range<Int>>

    subscript(column: ClaimColumn) -> FieldText {
        FieldText(bytes: UnsafeBufferPointer(rebasing: bytes[ranges[column.rawValue]]))
    }
}

/// One trimmed value as UTF-8 bytes. The rules that count or compare characters run on the bytes
/// when the value is plain (ASCII without CR, so that every byte is one `Character`; CR LF is one)
/// and on a `String` otherwise.
struct FieldText {
    let bytes: UnsafeBufferPointer<UInt8>

    var isEmpty: Bool { bytes.isEmpty }

    /// The value as a string.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// True when every byte is one `Character`: ASCII without CR.
    var isPlain: Bool { bytes.isASCII && !bytes.contains(ASCII.carriageReturn) }

    /// True when the value has more than `limit` characters (a character is never less than a byte).
    func hasMoreCharacters(than limit: Int) -> Bool { bytes.count > limit && string.count > limit }

    /// The value lower-cased as `String.lowercased()` does.
    func lowercased() -> String { isPlain ? mapped { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 } : string.lowercased() }

    /// The value upper-cased as `String.uppercased()` does, without spaces.
    func uppercasedWithoutSpaces() -> String {
        isPlain
            ? mapped({ $0 &- 0x61 < 26 ? $0 & ~0x20 : $0 }, dropping: ASCII.space)
            : string.uppercased().filter { $0 != " " }
    }

    private func mapped(_ transform: (UInt8) -> UInt8, dropping dropped: UInt8? = nil) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { target in
            var count = 0
            for byte in bytes where byte != dropped {
                target[count] = transform(byte)
                count += 1
            }
            return count
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// `range` without leading and trailing spaces and tabs.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, self[start] == ASCII.space || self[start] == ASCII.tab { start += 1 }
        while end > start, self[end - 1] == ASCII.space || self[end - 1] == ASCII.tab { end -= 1 }
        return start..<end
    }

    /// True when no byte is outside ASCII.
    var isASCII: Bool {
        var seen: UInt8 = 0
        for byte in self { seen |= byte }
        return seen < 0x80
    }
}

/// Checks rows of a claim file against the format in docs/import-format.md. Pure: no store, no I/O.
public enum ClaimRowValidator {
    /// The columns every file must have.
    public static let requiredColumns = ClaimColumn.allCases.filter(\.isRequired).map(\.name)
    /// The columns a file may have.
    public static let optionalColumns = ClaimColumn.allCases.filter { !$0.isRequired }.map(\.name)

    /// Longest accepted invoice number and debtor reference, in characters.
    public static let referenceCharactersMax = 100
    /// Longest accepted free-text field, in characters.
    public static let textCharactersMax = 1_000
    /// Longest accepted phone number, in characters.
    static let phoneCharactersMax = 32

    /// The required columns missing from a CSV header.
    public static func missingColumns(in header: [String]) -> [String] {
        requiredColumns.filter { !header.contains($0) }
    }

    /// The row as a valid claim, or every problem found in it.
    public static func validate(_ row: RawRow) -> Result<ValidClaimRow, ValidationIssues> {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for column in ClaimColumn.allCases {
            let start = bytes.count
            bytes += (row.values[column.name] ?? "").utf8
            ranges.append(start..<bytes.count)
        }
        return bytes.withUnsafeBufferPointer { bytes in
            for index in ranges.indices { ranges[index] = bytes.trimmed(ranges[index]) }
            return ranges.withUnsafeBufferPointer { ranges in
                validate(line: row.line, ClaimFields(bytes: bytes, ranges: ranges))
            }
        }
    }

    /// The row whose trimmed values are `fields` as a valid claim, or every problem found in it, in
    /// column order.
    static func validate(line: Int, _ fields: ClaimFields) -> Result<ValidClaimRow, ValidationIssues> {
        var issues: [ImportIssue] = []
        func issue(_ column: ClaimColumn, _ reason: String) {
            issues.append(ImportIssue(line: line, column: column.name, reason: reason))
        }
        func required(_ column: ClaimColumn) -> String? {
            let text = fields[column]
            if text.isEmpty { issue(column, "is required"); return nil }
            let limit =
                column == .invoiceNumber || column == .debtorReference ? referenceCharactersMax : textCharactersMax
            if text.hasMoreCharacters(than: limit) { issue(column, "is too long"); return nil }
            return text.string
        }
        func day(_ column: ClaimColumn, required isRequired: Bool) -> Day? {
            let text = fields[column]
            if text.isEmpty {
                if isRequired { issue(column, "is required") }
                return nil
            }
            guard let day = Day(isoUTF8: text.bytes) else {
                issue(column, "'\(text.string)' is not a date (expected YYYY-MM-DD)"); return nil
            }
            return day
        }

        let invoiceNumber = required(.invoiceNumber)
        let debtorReference = required(.debtorReference)
        let kindText = fields[.debtorType].lowercased()
        let kind = DebtorKind(rawValue: kindText)
        if kind == nil {
            issue(.debtorType, kindText.isEmpty ? "is required" : "'\(kindText)' must be consumer or business")
        }
        let name = required(.name)
        let street = required(.street)
        let postcode = required(.postcode)
        let city = required(.city)
        let countryText = fields[.country]
        let country = countryCode(countryText)
        if country == nil {
            issue(
                .country,
                countryText.isEmpty
                    ? "is required" : "'\(countryText.string)' is not an ISO 3166 country code (e.g. NL, BE)")
        }
        let invoiceDay = day(.invoiceDate, required: true)
        let dueDay = day(.dueDate, required: true)
        if let invoiceDay, let dueDay, dueDay < invoiceDay {
            issue(.dueDate, "\(dueDay) is before the invoice date \(invoiceDay)")
        }
        var amount: Money?
        do {
            let parsed = try Money(parsingUTF8: fields[.amount].bytes)
            if parsed.isZero { issue(.amount, "must be above zero") } else { amount = parsed }
        } catch {
            issue(.amount, error.description)
        }
        let emailText = fields[.email]
        let email = emailText.string
        if !email.isEmpty && !isPlausibleEmail(emailText, email) {
            issue(.email, "'\(email)' is not an e-mail address")
        }
        let iban = fields[.iban].uppercasedWithoutSpaces()
        if !iban.isEmpty && !isValidIBAN(iban) {
            issue(.iban, "'\(fields[.iban].string)' is not a valid IBAN (check digits do not match)")
        }
        let birthDay = day(.birthDate, required: false)
        let language = fields[.language].lowercased()
        if !language.isEmpty && !(language.utf8.count == 2 && language.utf8.allSatisfy(isASCIILetter)) {
            issue(.language, "'\(language)' is not a two-letter language code (e.g. nl, en)")
        }
        let phone = fields[.phone]
        if phone.hasMoreCharacters(than: phoneCharactersMax) { issue(.phone, "is too long") }
        let description = fields[.description]
        if description.hasMoreCharacters(than: textCharactersMax) { issue(.description, "is too long") }

        guard issues.isEmpty, let invoiceNumber, let debtorReference, let kind, let name, let street, let postcode,
            let city, let country,
            let invoiceDay, let dueDay, let amount
        else { return .failure(ValidationIssues(issues: issues)) }
        let houseNumber = fields[.houseNumber]
        let profile = DebtorProfile(
            name: name,
            address: PostalAddress(
                street: street, houseNumber: houseNumber.isEmpty ? nil : houseNumber.string, postcode: postcode,
                city: city, country: country),
            email: email.isEmpty ? nil : email, phone: phone.isEmpty ? nil : phone.string,
            iban: iban.isEmpty ? nil : iban,
            birthDay: birthDay,
            language: language.isEmpty ? "nl" : language)
        return .success(
            ValidClaimRow(
                line: line, invoiceNumber: invoiceNumber, debtorReference: debtorReference, debtorKind: kind,
                profile: profile, invoiceDay: invoiceDay, dueDay: dueDay, amount: amount,
                description: description.string))
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// The country `text` names, as `CountryCode(_:)` decides; a plain two-byte value is looked up
    /// in a table made once from `CountryCode(_:)`.
    static func countryCode(_ text: FieldText) -> CountryCode? {
        guard text.isPlain else { return CountryCode(text.string) }
        guard text.bytes.count == 2, isASCIILetter(text.bytes[0]), isASCIILetter(text.bytes[1]) else { return nil }
        return countriesByLetters[Int((text.bytes[0] | 0x20) &- 0x61) * 26 + Int((text.bytes[1] | 0x20) &- 0x61)]
    }

    /// `CountryCode(_:)` of every pair of letters AA...ZZ, in that order.
    private static let countriesByLetters: [CountryCode?] = (0..<676).map { (index: Int) -> CountryCode? in
        let letters: [UInt8] = [UInt8(0x41 + index / 26), UInt8(0x41 + index % 26)]
        return CountryCode(String(decoding: letters, as: UTF8.self))
    }

    /// `isPlausibleEmail(_:)` of `string`, the value of `text`: on the bytes when they are plain.
    private static func isPlausibleEmail(_ text: FieldText, _ string: String) -> Bool {
        text.isPlain
            ? isPlausibleEmail(text.bytes, count: text.bytes.count, at: 0x40, dot: 0x2E, space: ASCII.space)
            : isPlausibleEmail(string)
    }

    /// One `@`, something before it, a dotted domain after it, no spaces: enough to catch typos
    /// without refusing real addresses.
    static func isPlausibleEmail(_ text: String) -> Bool {
        isPlausibleEmail(text, count: text.count, at: "@", dot: ".", space: " ")
    }

    /// The rule of `isPlausibleEmail(_:)` on any elements: characters, or bytes that are each one character.
    private static func isPlausibleEmail<Text: Collection>(
        _ text: Text, count: Int, at: Text.Element, dot: Text.Element, space: Text.Element
    ) -> Bool where Text.Element: Equatable {
        guard count <= 254, let atIndex = text.firstIndex(of: at), atIndex != text.startIndex,
            !text[..<atIndex].contains(space)
        else { return false }
        // The domain: labels separated by dots, at least two, none empty.
        var dots = 0
        var afterDot = true
        for element in text[text.index(after: atIndex)...] {
            if element == at || element == space { return false }
            if element == dot {
                if afterDot { return false }
                dots += 1
                afterDot = true
            } else {
                afterDot = false
            }
        }
        return dots >= 1 && !afterDot
    }
}

/// The problems of one row.
public struct ValidationIssues: Error, Hashable, Sendable {
    /// Every problem found in the row.
    public let issues: [ImportIssue]
}
