/// Who brings the claim to court; the court fee (griffierecht) differs for them.
public enum Claimant: String, Hashable, Sendable, Codable, CaseIterable {
    /// A company or other legal person (rechtspersoon).
    case company
    /// A natural person (natuurlijk persoon).
    case naturalPerson
}
