/// Who a debtor is across clients: the same person may owe several clients, each of whom knows them
/// as a debtor of its own (`Debtor.ID` is client and reference).
///
/// The key is the name folded to lower case and the postcode folded to upper case, both without
/// spaces, and the country: "A. de Vries, 1234 AB" at two clients is one person. The weekly contact
/// cap counts per person, and so does "debt-free" (the person's open dossiers at every client).
///
/// A pseudonymised debtor gets a key of its own, made of its debtor id, so erased data never merges
/// persons: neither with the real person it was nor with other pseudonymised debtors (whose placeholder
/// names and postcodes are all alike).
///
/// The store keeps each debtor's key (`debtors.person_key`, written on insert and on a profile change),
/// so a change to this function needs a migration that recomputes the stored keys.
public enum PersonKey {
    /// The key of `debtor`.
    public static func of(_ debtor: Debtor) -> String { of(debtor.profile, debtor: debtor.id) }

    /// The key of the debtor `id` with `profile` (a profile about to replace the stored one).
    public static func of(_ profile: DebtorProfile, debtor id: Debtor.ID) -> String {
        if profile.isPseudonymised { return "pseudonymised|\(id.rawValue)" }
        let name = folded(profile.name, upper: false)
        let postcode = folded(profile.address.postcode, upper: true)
        return "\(name)|\(postcode)|\(profile.address.country.code)"
    }

    /// `text` in lower (or upper) case without white space. ASCII text, nearly every name and
    /// postcode, is folded byte by byte (the daily run keys every dossier it reads); anything else
    /// through `Character`, with the same result for ASCII.
    static func folded(_ text: String, upper: Bool) -> String {
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ foldedASCII($0, upper: upper) }) ?? nil {
            return ascii
        }
        return (upper ? text.uppercased() : text.lowercased()).filter { !$0.isWhitespace }
    }

    /// The folded text of ASCII `bytes`; nil when any byte is not ASCII.
    static func foldedASCII(_ bytes: UnsafeBufferPointer<UInt8>, upper: Bool) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let (from, to): (ClosedRange<UInt8>, UInt8) = upper ? (0x61...0x7A, 0x41) : (0x41...0x5A, 0x61)
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            for byte in bytes where !(byte == 0x20 || (0x09...0x0D).contains(byte)) {
                buffer[count] = from.contains(byte) ? byte - from.lowerBound + to : byte
                count += 1
            }
            return count
        }
    }
}
