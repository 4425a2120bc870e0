/// An international structured creditor reference (ISO 11649, "RF reference"): `RF`, two check digits
/// (ISO 7064 mod 97-10, as in the IBAN), then 1 to 21 letters or digits chosen by the creditor.
///
/// Used in SEPA transfers and the EPC QR code for debtors outside the Netherlands, whose banks do
/// not know the Dutch betalingskenmerk.
public struct CreditorReference: Hashable, Sendable, CustomStringConvertible {
    /// The reference in upper case without spaces (`RF18539007547034`).
    public let electronic: String

    /// The longest creditor's part (after `RF` and the check digits) the standard allows.
    public static let bodyLengthMax = 21

    /// Validates `text` as typed: spaces and lower case letters are accepted.
    public init(_ text: String) throws(CreditorReferenceError) {
        let normalised = text.normalisedIdentifier
        guard normalised.hasPrefix("RF") else { throw .missingRFPrefix(text) }
        guard normalised.isUppercaseAlphanumeric else { throw .charactersNotAllowed(text) }
        let bodyLength = normalised.count - 4
        guard (1...Self.bodyLengthMax).contains(bodyLength) else { throw .wrongBodyLength(got: max(bodyLength, 0)) }
        guard String(normalised.dropFirst(2).prefix(2)).isASCIIDigits else { throw .checkDigitsNotNumeric(text) }
        guard Mod97.isValid(normalised) else { throw .checkDigitsWrong(text) }
        self.electronic = normalised
    }

    /// The reference for the creditor's own `body` (1 to 21 letters or digits, e.g. a dossier number),
    /// with its check digits computed.
    public static func generate(body: String) throws(CreditorReferenceError) -> CreditorReference {
        let normalised = body.normalisedIdentifier
        guard normalised.isUppercaseAlphanumeric else { throw .charactersNotAllowed(body) }
        guard (1...Self.bodyLengthMax).contains(normalised.count) else { throw .wrongBodyLength(got: normalised.count) }
        guard let checkDigits = Mod97.checkDigits(body: normalised, prefix: "RF") else {
            throw .charactersNotAllowed(body)
        }
        return try CreditorReference("RF" + checkDigits + normalised)
    }

    /// The creditor's part after `RF` and the check digits (`539007547034`).
    public var body: String { String(electronic.dropFirst(4)) }

    /// The paper form in groups of four: `RF18 5390 0754 7034`.
    public var formatted: String { electronic.groupedInFours }

    /// The electronic form.
    public var description: String { electronic }
}
