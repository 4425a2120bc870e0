/// An International Bank Account Number (ISO 13616) that passed the registry length check and the
/// ISO 7064 mod 97-10 check digits.
///
/// Held in its electronic form: upper case, no spaces (`NL91ABNA0417164300`). Use `formatted` for
/// letters and screens. The BBAN's national format (which positions are letters) is not checked.
public struct IBAN: Hashable, Sendable, CustomStringConvertible {
    /// The IBAN in upper case without spaces, as a bank file wants it.
    public let electronic: String

    /// Validates `text` as typed: spaces anywhere and lower case letters are accepted.
    public init(_ text: String) throws(IBANError) {
        let normalised = text.normalisedIdentifier
        guard !normalised.isEmpty else { throw .empty }
        guard normalised.isUppercaseAlphanumeric else { throw .charactersNotAllowed(text) }
        let countryCode = String(normalised.prefix(2))
        guard let expectedLength = IBANRegistry.lengths[countryCode] else { throw .unknownCountryCode(countryCode) }
        guard normalised.count == expectedLength else {
            throw .wrongLength(countryCode: countryCode, expected: expectedLength, got: normalised.count)
        }
        let checkDigits = String(normalised.dropFirst(2).prefix(2))
        guard checkDigits.isASCIIDigits else { throw .checkDigitsNotNumeric(text) }
        guard Mod97.isValid(normalised) else { throw .checkDigitsWrong(text) }
        self.electronic = normalised
    }

    /// Builds the IBAN of a national account number (BBAN) by computing its check digits, e.g. for
    /// test data or an account given without them.
    public init(countryCode: String, bban: String) throws(IBANError) {
        let country = countryCode.normalisedIdentifier
        let body = bban.normalisedIdentifier
        guard (country + body).isUppercaseAlphanumeric else { throw .charactersNotAllowed(countryCode + bban) }
        guard let checkDigits = Mod97.checkDigits(body: body, prefix: country) else {
            throw .charactersNotAllowed(countryCode + bban)
        }
        try self.init(country + checkDigits + body)
    }

    /// The ISO 3166 country code, the first two letters (`NL`).
    public var countryCode: String { String(electronic.prefix(2)) }

    /// The two check digits (`91`).
    public var checkDigits: String { String(electronic.dropFirst(2).prefix(2)) }

    /// The national account number after the check digits (`ABNA0417164300`).
    public var bban: String { String(electronic.dropFirst(4)) }

    /// The paper form in groups of four: `NL91 ABNA 0417 1643 00`.
    public var formatted: String { electronic.groupedInFours }

    /// The electronic form.
    public var description: String { electronic }
}
