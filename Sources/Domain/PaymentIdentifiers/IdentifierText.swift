/// Text helpers shared by the payment identifiers: people type them with spaces and in lower case.
extension String {
    /// The identifier as typed with spaces removed and letters in upper case (`nl91 abna ...` becomes `NL91ABNA...`).
    var normalisedIdentifier: String {
        String(filter { $0 != " " }.uppercased())
    }

    /// The text in groups of four separated by a space, the paper form of an IBAN or RF reference.
    var groupedInFours: String {
        var groups: [Substring] = []
        var rest = Substring(self)
        while !rest.isEmpty {
            groups.append(rest.prefix(4))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }

    /// True when every character is an ASCII digit or capital letter.
    var isUppercaseAlphanumeric: Bool {
        unicodeScalars.allSatisfy { (48...57).contains($0.value) || (65...90).contains($0.value) }
    }

    /// True when every character is one of the ASCII digits 0-9.
    var isASCIIDigits: Bool {
        unicodeScalars.allSatisfy { (48...57).contains($0.value) }
    }
}
