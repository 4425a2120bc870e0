public import Money

/// The payload of an EPC QR code (European Payments Council, EPC069-12 version 002): what a banking
/// app reads from a letter to prefill a SEPA credit transfer.
///
/// Lines joined by LF, in this order: `BCD`, `002`, `1` (UTF-8), `SCT`, BIC (may be empty),
/// beneficiary name (at most 70), IBAN, `EUR` + amount, purpose (4, optional), structured reference
/// (RF, at most 35) or unstructured text (at most 140), never both, and an optional note (at most 70).
/// Trailing empty lines are left out. The whole payload is at most 331 bytes.
public struct EPCPaymentCode: Hashable, Sendable {
    /// How the payment is referenced: an ISO 11649 reference or free text.
    public enum Remittance: Hashable, Sendable {
        /// An RF creditor reference (the structured line).
        case structured(CreditorReference)
        /// Free text, e.g. a Dutch payment reference with the dossier number.
        case unstructured(String)
    }

    /// The largest payload in bytes.
    public static let payloadBytesMax = 331
    /// The largest amount a code may carry.
    public static let amountMax = Money(cents: 99_999_999_999)

    /// The payload text, ready to encode in a QR code at error correction level M.
    public let payload: String

    /// Builds and checks the payload.
    public init(
        bic: String = "", beneficiary: String, iban: IBAN, amount: Money, purpose: String = "",
        remittance: Remittance, note: String = ""
    ) throws(EPCPaymentCodeError) {
        guard !beneficiary.isEmpty, beneficiary.count <= 70 else { throw .field("beneficiary", "1 to 70 characters") }
        guard bic.isEmpty || [8, 11].contains(bic.count) else { throw .field("bic", "8 or 11 characters, or empty") }
        guard amount >= Money(cents: 1), amount <= Self.amountMax else {
            throw .field("amount", "from 0.01 to 999999999.99")
        }
        guard purpose.isEmpty || purpose.count == 4 else { throw .field("purpose", "4 characters, or empty") }
        guard note.count <= 70 else { throw .field("note", "at most 70 characters") }
        var structured = ""
        var unstructured = ""
        switch remittance {
        case .structured(let reference): structured = reference.electronic
        case .unstructured(let text):
            guard text.count <= 140 else { throw .field("remittance", "at most 140 characters of text") }
            unstructured = text
        }
        var lines = [
            "BCD", "002", "1", "SCT", bic, beneficiary, iban.electronic, "EUR" + Self.amountText(amount), purpose,
            structured, unstructured, note,
        ]
        while lines.last?.isEmpty == true { lines.removeLast() }
        let payload = lines.joined(separator: "\n")
        guard payload.utf8.count <= Self.payloadBytesMax else { throw .tooLong(bytes: payload.utf8.count) }
        self.payload = payload
    }

    /// The amount without trailing zeros of the cents: 12.30 is `12.3`, 12.00 is `12`.
    static func amountText(_ amount: Money) -> String {
        var text = amount.description
        while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// Why an EPC QR payload cannot be made.
public enum EPCPaymentCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A field is out of its bounds.
    case field(String, String)
    /// The payload is larger than 331 bytes.
    case tooLong(bytes: Int)

    public var description: String {
        switch self {
        case .field(let name, let expected): return "EPC QR \(name): expected \(expected)"
        case .tooLong(let bytes): return "EPC QR payload of \(bytes) bytes is over the 331-byte limit"
        }
    }
}
