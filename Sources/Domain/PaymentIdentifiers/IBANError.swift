/// Why a piece of text is not a valid IBAN, in words a debtor or operator can act on.
public enum IBANError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing but spaces was given.
    case empty
    /// Characters other than the letters A-Z and digits 0-9 (after removing spaces).
    case charactersNotAllowed(String)
    /// The first two characters are not a country code in the IBAN registry.
    case unknownCountryCode(String)
    /// The country's IBANs have `expected` characters; this one has `got`.
    case wrongLength(countryCode: String, expected: Int, got: Int)
    /// The two check digits (characters 3 and 4) are not digits.
    case checkDigitsNotNumeric(String)
    /// The mod 97 check fails: a typing error somewhere in the number.
    case checkDigitsWrong(String)

    /// The reason in one sentence, for the person who has to fix the input.
    public var description: String {
        switch self {
        case .empty:
            return "an IBAN is required"
        case .charactersNotAllowed(let text):
            return "'\(text)' contains characters not allowed in an IBAN (only letters A-Z and digits)"
        case .unknownCountryCode(let code):
            return "'\(code)' is not a country code in the IBAN registry"
        case .wrongLength(let country, let expected, let got):
            return "an IBAN from \(country) has \(expected) characters, this one has \(got)"
        case .checkDigitsNotNumeric(let text):
            return "'\(text)': characters 3 and 4 of an IBAN must be digits"
        case .checkDigitsWrong(let text):
            return "'\(text)' fails the IBAN check digits: a character is mistyped or two are swapped"
        }
    }
}
