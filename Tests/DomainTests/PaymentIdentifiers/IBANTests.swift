import Domain
import PropertyBased
import Testing

@Suite struct IBANTests {
    @Test(arguments: [
        "NL91ABNA0417164300", "NL20INGB0001234567", "DE71110220330123456789", "BE72000000001616",
        "FR1420041010050500013M02606",
    ])
    func theExamplesOfTheFormatsDocumentAreValid(text: String) throws {
        #expect(try IBAN(text).electronic == text)
    }

    @Test func spacesAndLowerCaseAreAcceptedAndNormalised() throws {
        let iban = try IBAN(" nl91 abna 0417 1643 00 ")
        #expect(iban.electronic == "NL91ABNA0417164300")
        #expect(iban.countryCode == "NL")
        #expect(iban.checkDigits == "91")
        #expect(iban.bban == "ABNA0417164300")
    }

    @Test func formattedIsInGroupsOfFour() throws {
        #expect(try IBAN("NL91ABNA0417164300").formatted == "NL91 ABNA 0417 1643 00")
        #expect(try IBAN("FR1420041010050500013M02606").formatted == "FR14 2004 1010 0505 0001 3M02 606")
    }

    @Test func aWrongCheckDigitIsRejected() {
        #expect(throws: IBANError.checkDigitsWrong("NL91ABNA0417164301")) { try IBAN("NL91ABNA0417164301") }
    }

    @Test func aWrongLengthSaysWhatTheCountryExpects() {
        #expect(throws: IBANError.wrongLength(countryCode: "NL", expected: 18, got: 17)) {
            try IBAN("NL91ABNA041716430")
        }
        #expect(throws: IBANError.wrongLength(countryCode: "BE", expected: 16, got: 17)) {
            try IBAN("BE720000000016160")
        }
        #expect(
            IBANError.wrongLength(countryCode: "NL", expected: 18, got: 17).description
                == "an IBAN from NL has 18 characters, this one has 17")
    }

    @Test func unknownCountriesAndBadCharactersAreNamed() {
        #expect(throws: IBANError.unknownCountryCode("XX")) { try IBAN("XX91ABNA0417164300") }
        #expect(throws: IBANError.unknownCountryCode("12")) { try IBAN("1291ABNA0417164300") }
        #expect(throws: IBANError.charactersNotAllowed("NL91-ABNA-0417-1643-00")) { try IBAN("NL91-ABNA-0417-1643-00") }
        #expect(throws: IBANError.charactersNotAllowed("NL91ABNÄ0417164300")) { try IBAN("NL91ABNÄ0417164300") }
        #expect(throws: IBANError.checkDigitsNotNumeric("NLX1ABNA0417164300")) { try IBAN("NLX1ABNA0417164300") }
        #expect(throws: IBANError.empty) { try IBAN("   ") }
    }

    @Test func theRegistryKnowsTheCountriesOfTheBrief() throws {
        // One valid IBAN per length the brief names: NL 18, BE 16, DE 22, FR 27, and Norway, the shortest.
        #expect(try IBAN(countryCode: "NO", bban: "86011117947").electronic == "NO9386011117947")
        #expect(try IBAN(countryCode: "NL", bban: "ABNA0417164300").electronic == "NL91ABNA0417164300")
    }

    @Test func everyVectorJudgedBySchwiftyGetsTheSameVerdict() {
        for (text, verdict) in ibanVectorsFromSchwifty {
            let result = Result { () throws(IBANError) in try IBAN(text) }
            switch (verdict, result) {
            case ("valid", .success): break
            case ("checkDigits", .failure(.checkDigitsWrong)): break
            case ("length", .failure(.wrongLength)): break
            case ("country", .failure(.unknownCountryCode)): break
            // schwifty also checks the national format (a letter where the country wants a digit);
            // Ademruimte checks only the check digits, which catch these single changes too.
            case ("structure", .failure): break
            default: Issue.record("\(text): schwifty says \(verdict), Ademruimte \(result)")
            }
        }
        #expect(ibanVectorsFromSchwifty.count > 300)
    }

    @Test func swappingAnyTwoDifferentAdjacentDigitsOfTheSchwiftyIBANsIsCaught() {
        for (text, verdict) in ibanVectorsFromSchwifty where verdict == "valid" {
            let characters = Array(text)
            for first in 0..<(characters.count - 1)
            where characters[first].isNumber && characters[first + 1].isNumber
                && characters[first] != characters[first + 1]
            {
                var swapped = characters
                swapped.swapAt(first, first + 1)
                #expect(throws: IBANError.self, "\(text) with positions \(first) and \(first + 1) swapped") {
                    try IBAN(String(swapped))
                }
            }
        }
    }

    @Test func swappingTwoDifferentAdjacentDigitsIsCaught() async {
        let bban = Gen.number.string(of: 14)
        await propertyCheck(input: bban, Gen.int(in: 0...18)) { bbanDigits, position in
            guard let iban = try? IBAN(countryCode: "DE", bban: "1" + bbanDigits + "000") else {
                Issue.record("could not build an IBAN from \(bbanDigits)")
                return
            }
            var characters = Array(iban.electronic)
            let first = 2 + position  // from the check digits on: every character is a digit
            guard characters[first] != characters[first + 1] else { return }
            characters.swapAt(first, first + 1)
            #expect(throws: IBANError.self) { try IBAN(String(characters)) }
        }
    }
}
