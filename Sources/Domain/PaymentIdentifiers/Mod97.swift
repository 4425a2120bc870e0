/// ISO 7064 MOD 97-10, the check shared by the IBAN (ISO 13616) and the creditor reference (ISO 11649).
///
/// Letters count as two-digit numbers (A = 10 ... Z = 35). The remainder is built one character at a
/// time, so a reference of any length never needs a big integer.
enum Mod97 {
    /// The remainder modulo 97 of `text` read as one long number, or nil when `text` holds anything
    /// other than the digits 0-9 and the capital letters A-Z.
    static func remainder<Text: StringProtocol>(of text: Text) -> Int? {
        var remainder = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 48...57:  // 0-9
                remainder = (remainder * 10 + Int(scalar.value - 48)) % 97
            case 65...90:  // A-Z: two digits, 10-35
                remainder = (remainder * 100 + Int(scalar.value - 55)) % 97
            default:
                return nil
            }
        }
        return remainder
    }

    /// The two check digits that make `body + prefix + digits` leave remainder 1 (the standard's
    /// rearranged form: the body first, then the prefix with its check digits).
    static func checkDigits(body: String, prefix: String) -> String? {
        guard let remainder = remainder(of: body + prefix + "00") else { return nil }
        let check = 98 - remainder
        return check < 10 ? "0\(check)" : "\(check)"
    }

    /// True when `identifier` (prefix of two letters, two check digits, then the body) passes the check.
    static func isValid(_ identifier: String) -> Bool {
        guard identifier.count > 4 else { return false }
        return remainder(of: identifier.dropFirst(4) + identifier.prefix(4)) == 1
    }
}
