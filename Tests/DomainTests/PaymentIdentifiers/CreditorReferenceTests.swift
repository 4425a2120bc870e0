import Domain
import PropertyBased
import Testing

@Suite struct CreditorReferenceTests {
    @Test func theExampleOfTheFormatsDocumentIsValid() throws {
        let reference = try CreditorReference("rf18 5390 0754 7034")
        #expect(reference.electronic == "RF18539007547034")
        #expect(reference.body == "539007547034")
        #expect(reference.formatted == "RF18 5390 0754 7034")
    }

    @Test func generatingFromTheExampleBodyGivesTheExample() throws {
        #expect(try CreditorReference.generate(body: "539007547034").electronic == "RF18539007547034")
    }

    @Test func badInputSaysWhy() {
        #expect(throws: CreditorReferenceError.checkDigitsWrong("RF19539007547034")) {
            try CreditorReference("RF19539007547034")
        }
        #expect(throws: CreditorReferenceError.missingRFPrefix("NL18539007547034")) {
            try CreditorReference("NL18539007547034")
        }
        #expect(throws: CreditorReferenceError.charactersNotAllowed("RF18-5390")) { try CreditorReference("RF18-5390") }
        #expect(throws: CreditorReferenceError.wrongBodyLength(got: 0)) { try CreditorReference("RF18") }
        #expect(throws: CreditorReferenceError.wrongBodyLength(got: 22)) {
            try CreditorReference.generate(body: String(repeating: "1", count: 22))
        }
        #expect(throws: CreditorReferenceError.checkDigitsNotNumeric("RFAB539007547034")) {
            try CreditorReference("RFAB539007547034")
        }
    }

    @Test func generatedReferencesValidate() async {
        await propertyCheck(input: Gen.letterOrNumber.string(of: 1...21)) { body in
            let reference = try CreditorReference.generate(body: body)
            #expect(try CreditorReference(reference.formatted) == reference)
            #expect(reference.body == body.uppercased())
        }
    }
}
