public import Domain

/// A partner collection office abroad.
public struct PartnerOffice: Hashable, Sendable, Codable {
    /// The country it collects in.
    public let country: CountryCode
    /// Its name.
    public let name: String
    /// How we hand dossiers over (an e-mail address or an API endpoint name).
    public let handover: String

    /// An office.
    public init(country: CountryCode, name: String, handover: String) {
        self.country = country
        self.name = name
        self.handover = handover
    }
}

/// The partner office per country (configurable): a dossier whose debtor lives in one of these
/// countries is referred there. Text form, one office a line, `#` starts a comment:
///
///     # country;name;handover
///     BE;Incasso Partner Brussel;dossiers@partner.example.be
public struct PartnerOfficeTable: Hashable, Sendable, Codable {
    /// The offices by country.
    public let offices: [CountryCode: PartnerOffice]

    /// A table of `offices`.
    public init(_ offices: [PartnerOffice] = []) {
        self.offices = Dictionary(offices.map { ($0.country, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The table in `text`.
    public init(parsing text: String) throws(PartnerOfficeTableError) {
        var offices: [PartnerOffice] = []
        var seen: Set<CountryCode> = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = trimmed(rawLine)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map(trimmed)
            guard fields.count == 3 else {
                throw PartnerOfficeTableError(line: index + 1, reason: "expected country;name;handover, got \(fields.count) fields")
            }
            guard let country = CountryCode(fields[0]) else {
                throw PartnerOfficeTableError(line: index + 1, reason: "unknown country \(fields[0])")
            }
            guard !fields[1].isEmpty, !fields[2].isEmpty else {
                throw PartnerOfficeTableError(line: index + 1, reason: "name and handover must not be empty")
            }
            guard seen.insert(country).inserted else {
                throw PartnerOfficeTableError(line: index + 1, reason: "a second office for \(country)")
            }
            offices.append(PartnerOffice(country: country, name: fields[1], handover: fields[2]))
        }
        self.init(offices)
    }

    /// The office for `country`, if any.
    public func office(for country: CountryCode) -> PartnerOffice? { offices[country] }
}

/// `text` without surrounding spaces, tabs and carriage returns.
func trimmed(_ text: Substring) -> String {
    let blank: Set<Character> = [" ", "\t", "\r"]
    return String(text.drop(while: blank.contains).reversed().drop(while: blank.contains).reversed())
}
