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

/// Checks rows of a claim file against the format in docs/import-format.md. Pure: no store, no I/O.
public enum ClaimRowValidator {
    /// The columns every file must have.
    public static let requiredColumns = [
        "invoice_number", "debtor_ref", "debtor_type", "name", "street", "postcode", "city", "country", "invoice_date",
        "due_date", "amount",
    ]
    /// The columns a file may have.
    public static let optionalColumns = [
        "house_number", "email", "phone", "iban", "birth_date", "description", "language",
    ]

    /// Longest accepted invoice number and debtor reference, in characters.
    public static let referenceCharactersMax = 100
    /// Longest accepted free-text field, in characters.
    public static let textCharactersMax = 1_000

    /// The required columns missing from a CSV header.
    public static func missingColumns(in header: [String]) -> [String] {
        requiredColumns.filter { !header.contains($0) }
    }

    /// The row as a valid claim, or every problem found in it.
    public static func validate(_ row: RawRow) -> Result<ValidClaimRow, ValidationIssues> {
        var issues: [ImportIssue] = []
        func value(_ column: String) -> String { (row.values[column] ?? "").trimmed }
        func issue(_ column: String, _ reason: String) {
            issues.append(ImportIssue(line: row.line, column: column, reason: reason))
        }
        func required(_ column: String) -> String? {
            let text = value(column)
            if text.isEmpty { issue(column, "is required"); return nil }
            if text.count
                > (column == "invoice_number" || column == "debtor_ref" ? referenceCharactersMax : textCharactersMax)
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
            guard let day = Day(iso: text) else {
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
            let parsed = try Money(parsing: value("amount"))
            if parsed.isZero { issue("amount", "must be above zero") } else { amount = parsed }
        } catch {
            issue("amount", error.description)
        }
        let email = value("email")
        if !email.isEmpty && !isPlausibleEmail(email) { issue("email", "'\(email)' is not an e-mail address") }
        let iban = value("iban").uppercased().filter { $0 != " " }
        if !iban.isEmpty && !isValidIBAN(iban) {
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
        if description.count > textCharactersMax { issue("description", "is too long") }

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
}

/// The problems of one row.
public struct ValidationIssues: Error, Hashable, Sendable {
    /// Every problem found in the row.
    public let issues: [ImportIssue]
}
