import Domain
import Money
import Testing

@Suite struct EPCPaymentCodeTests {
    /// The example of the EPC specification quoted in payments-formats.md: 96 bytes of UTF-8.
    @Test func specificationExample() throws {
        let code = try EPCPaymentCode(
            bic: "BHBLDEHHXXX", beneficiary: "Franz Mustermänn", iban: IBAN("DE71110220330123456789"),
            amount: Money(cents: 1230), purpose: "GDDS", remittance: .structured(CreditorReference("RF18539007547034")))
        #expect(
            code.payload
                == "BCD\n002\n1\nSCT\nBHBLDEHHXXX\nFranz Mustermänn\nDE71110220330123456789\nEUR12.3\nGDDS\nRF18539007547034"
        )
        #expect(code.payload.utf8.count == 96)
    }

    /// Free text goes on the eleventh line, with an empty structured line before it.
    @Test func unstructuredReferenceTakesItsOwnLine() throws {
        let code = try EPCPaymentCode(
            beneficiary: "Ademruimte Incasso", iban: IBAN("NL91ABNA0417164300"), amount: Money(cents: 51_750),
            remittance: .unstructured("5010002167010010"))
        #expect(
            code.payload == "BCD\n002\n1\nSCT\n\nAdemruimte Incasso\nNL91ABNA0417164300\nEUR517.5\n\n\n5010002167010010"
        )
    }

    @Test func boundsAreChecked() throws {
        let iban = try IBAN("NL91ABNA0417164300")
        #expect(throws: EPCPaymentCodeError.field("amount", "from 0.01 to 999999999.99")) {
            try EPCPaymentCode(beneficiary: "A", iban: iban, amount: .zero, remittance: .unstructured("x"))
        }
        #expect(throws: EPCPaymentCodeError.field("beneficiary", "1 to 70 characters")) {
            try EPCPaymentCode(
                beneficiary: String(repeating: "a", count: 71), iban: iban, amount: Money(cents: 100),
                remittance: .unstructured("x"))
        }
        #expect(throws: EPCPaymentCodeError.field("remittance", "at most 140 characters of text")) {
            try EPCPaymentCode(
                beneficiary: "A", iban: iban, amount: Money(cents: 100),
                remittance: .unstructured(String(repeating: "x", count: 141)))
        }
    }
}
