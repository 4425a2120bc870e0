/// Why a piece of text is not a valid creditor reference (ISO 11649).
public enum CreditorReferenceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The reference does not start with `RF`.
    case missingRFPrefix(String)
    /// Characters other than the letters A-Z and digits 0-9 (after removing spaces).
    case charactersNotAllowed(String)
    /// The part after `RF` and the check digits has 1 to 21 characters; this one has `got`.
    case wrongBodyLength(got: Int)
    /// The two check digits after `RF` are not digits.
    case checkDigitsNotNumeric(String)
    /// The mod 97 check fails: a character is mistyped.
    case checkDigitsWrong(String)

    /// The reason in one sentence, for the person who has to fix the input.
    public var description: String {
        switch self {
        case .missingRFPrefix(let text): return "'\(text)' is not a creditor reference: it must start with RF"
        case .charactersNotAllowed(let text):
            return "'\(text)' contains characters not allowed in a creditor reference (only letters A-Z and digits)"
        case .wrongBodyLength(let got):
            return
                "a creditor reference carries 1 to \(CreditorReference.bodyLengthMax) characters after RF and its check digits, this one \(got)"
        case .checkDigitsNotNumeric(let text): return "'\(text)': the two characters after RF must be digits"
        case .checkDigitsWrong(let text): return "'\(text)' fails the creditor reference check digits"
        }
    }
}
