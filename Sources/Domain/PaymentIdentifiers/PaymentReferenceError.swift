/// Why a piece of text is not a valid Dutch payment reference (betalingskenmerk).
public enum PaymentReferenceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Characters other than digits (after removing spaces).
    case notDigits(String)
    /// A reference has 16 digits (a body to generate from has 15); this one has `got`.
    case wrongLength(expected: Int, got: Int)
    /// The first digit is not the check digit of the 15 that follow.
    case checkDigitWrong(expected: Int, got: Int)

    /// The reason in one sentence, for the person who has to fix the input.
    public var description: String {
        switch self {
        case .notDigits(let text):
            return "'\(text)' is not a payment reference: only digits are allowed"
        case .wrongLength(let expected, let got):
            return "a payment reference needs \(expected) digits, this one has \(got)"
        case .checkDigitWrong(let expected, let got):
            return "the check digit is \(got) but should be \(expected): a digit is mistyped"
        }
    }
}
