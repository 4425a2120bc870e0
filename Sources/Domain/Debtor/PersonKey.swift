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
        let name = profile.name.lowercased().filter { !$0.isWhitespace }
        let postcode = profile.address.postcode.uppercased().filter { !$0.isWhitespace }
        return "\(name)|\(postcode)|\(profile.address.country.code)"
    }
}
