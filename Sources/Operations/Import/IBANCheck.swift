import Domain

/// True when `text` is a valid IBAN (ISO 13616: country, length, mod-97 check), as `Domain.IBAN` decides.
/// Kept as one function so the import's rule reads in one place.
func isValidIBAN(_ text: String) -> Bool {
    (try? IBAN(text)) != nil
}
