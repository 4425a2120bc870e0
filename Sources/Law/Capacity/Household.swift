/// The household situation that sets the protected income (beslagvrije voet, art. 475da Rv): the
/// social-assistance norm differs for people living alone or together, below or at pension age.
public enum Household: String, Hashable, Sendable, Codable, CaseIterable {
    /// Living alone (or as a single parent), below pension age.
    case single
    /// Married or living together, below pension age.
    case couple
    /// Living alone, at state-pension (AOW) age.
    case singlePension = "single-pension"
    /// Married or living together, at state-pension (AOW) age.
    case couplePension = "couple-pension"
}
