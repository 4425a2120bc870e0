@testable import Domain
import Testing

/// The person key folds names and postcodes byte by byte when they are ASCII; the result must be
/// the definition's, `lowercased()` / `uppercased()` without white space, for every text.
@Suite struct PersonKeyTests {
    /// Characters a name or postcode may hold, with every ASCII white space, the CR LF pair (one
    /// `Character`), letters at the edges of the case ranges and text that is not ASCII.
    static let alphabet: [String] = [
        "a", "z", "A", "Z", "@", "[", "`", "{", "0", "9", ".", "-", "'", " ", "\t", "\n", "\r", "\r\n", "\u{0B}",
        "\u{0C}", "\u{7F}", "é", "É", "ß", "ĳ", "İ", "\u{A0}", "\u{2003}", "\u{85}", "ø", "Ø",
    ]

    /// Deterministic texts: half of them ASCII only, so both paths are taken.
    static func texts(count: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let asciiCount = alphabet.firstIndex(of: "é")!
        return (0..<count).map { index in
            let letters = index.isMultiple(of: 2) ? asciiCount : alphabet.count
            return (0..<next(24)).map { _ in alphabet[next(letters)] }.joined()
        }
    }

    @Test func foldingMatchesTheDefinitionForEveryText() {
        for text in Self.texts(count: 5_000) {
            #expect(PersonKey.folded(text, upper: false) == text.lowercased().filter { !$0.isWhitespace }, "\(text.debugDescription)")
            #expect(PersonKey.folded(text, upper: true) == text.uppercased().filter { !$0.isWhitespace }, "\(text.debugDescription)")
        }
    }

    @Test func aKeyFoldsNameAndPostcode() {
        let profile = DebtorProfile(
            name: " A. de\tVries ",
            address: PostalAddress(street: "Dorpsstraat", houseNumber: "1", postcode: "1234 ab", city: "Ede", country: .netherlands))
        #expect(PersonKey.of(profile, debtor: Debtor.ID("C/D1")) == "a.devries|1234AB|NL")
    }
}
