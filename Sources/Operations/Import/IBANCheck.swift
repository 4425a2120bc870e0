// TODO: use Domain.IBAN once merged (another branch adds it in Sources/Domain/PaymentIdentifiers/).
// Until then this one function is the whole IBAN check of the import, so swapping it is a one-line change.

/// True when `text` is a structurally valid IBAN: 15 to 34 letters and digits (spaces allowed),
/// a two-letter country code, two check digits, and the ISO 13616 mod-97 check equal to 1.
func isValidIBAN(_ text: String) -> Bool {
    let compact = text.uppercased().filter { $0 != " " }
    guard (15...34).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
    let characters = Array(compact)
    guard characters[0].isLetter, characters[1].isLetter, characters[2].isNumber, characters[3].isNumber else { return false }
    var remainder = 0
    for character in characters[4...] + characters[0..<4] {
        let value = character.isNumber ? Int(String(character))! : Int(character.asciiValue! - 55)
        remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97
    }
    return remainder == 1
}
