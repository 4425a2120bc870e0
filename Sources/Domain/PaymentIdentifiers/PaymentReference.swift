/// A Dutch structured payment reference (betalingskenmerk) of 16 digits: a check digit, then 15 digits
/// that identify the payment. Banks in the Netherlands check it when a debtor types it in, so a
/// transfer carrying it can be matched to its dossier without a person.
///
/// The check digit is a weighted mod 11 over the 15 digits, right to left, with the weights
/// 2, 4, 8, 5, 10, 9, 7, 3, 6, 1 repeating (the powers of 2 modulo 11): check = 11 - (S mod 11),
/// where 10 becomes 1 and 11 becomes 0. Because 10 and 1 share the digit 1, a reference whose check
/// digit is 1 does not catch every mistyped digit; all others do (see the tests).
public struct PaymentReference: Hashable, Sendable, CustomStringConvertible {
    /// The 16 digits, check digit first.
    public let digits: String

    /// The number of digits in a reference.
    public static let length = 16

    /// Validates `text` as typed (spaces are allowed and dropped).
    public init(_ text: String) throws(PaymentReferenceError) {
        let digits = text.normalisedIdentifier
        guard digits.isASCIIDigits else { throw .notDigits(text) }
        guard digits.count == Self.length else { throw .wrongLength(expected: Self.length, got: digits.count) }
        let expected = Self.checkDigit(of: digits.dropFirst())
        let got = Int(digits.unicodeScalars.first!.value - 48)
        guard expected == got else { throw .checkDigitWrong(expected: expected, got: got) }
        self.digits = digits
    }

    /// The reference for the 15-digit `body15` (e.g. a dossier number padded with zeros): its check
    /// digit followed by the body.
    public static func generate(body15: String) throws(PaymentReferenceError) -> PaymentReference {
        guard body15.isASCIIDigits else { throw .notDigits(body15) }
        guard body15.count == Self.length - 1 else { throw .wrongLength(expected: Self.length - 1, got: body15.count) }
        return try PaymentReference("\(checkDigit(of: Substring(body15)))" + body15)
    }

    /// The check digit of 15 digits (already known to be digits).
    static func checkDigit(of body: Substring) -> Int {
        let weights = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]
        var sum = 0
        for (position, scalar) in body.unicodeScalars.reversed().enumerated() {
            sum += Int(scalar.value - 48) * weights[position % weights.count]
        }
        switch 11 - sum % 11 {
        case 10: return 1
        case 11: return 0
        case let check: return check
        }
    }

    /// The paper form in groups of four: `5010 0021 6701 0010`.
    public var formatted: String { digits.groupedInFours }

    /// The 16 digits.
    public var description: String { digits }
}
