public import Domain

/// Who a debtor is across clients, for the contact limits: the same person may owe several clients.
///
/// The key is the name and postcode, folded to lower case without spaces: two dossiers of
/// "A. de Vries, 1234 AB" at two clients count towards one weekly cap. A pseudonymised debtor keeps
/// a key of its own (its pseudonym), so erased data never merges persons.
public enum PersonKey {
    /// The key of `debtor`.
    public static func of(_ debtor: Debtor) -> String {
        let name = debtor.profile.name.lowercased().filter { !$0.isWhitespace }
        let postcode = debtor.profile.address.postcode.uppercased().filter { !$0.isWhitespace }
        return "\(name)|\(postcode)|\(debtor.profile.address.country.code)"
    }
}
