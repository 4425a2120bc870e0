import Foundation
import Money
import Testing

@Suite struct MoneyFormattingTests {
    @Test(arguments: [
        (Int64(0), "0.00", "€ 0,00"),
        (5, "0.05", "€ 0,05"),
        (99, "0.99", "€ 0,99"),
        (-5, "-0.05", "-€ 0,05"),
        (-99, "-0.99", "-€ 0,99"),
        (100, "1.00", "€ 1,00"),
        (99_999, "999.99", "€ 999,99"),
        (100_000, "1000.00", "€ 1.000,00"),
        (123_456, "1234.56", "€ 1.234,56"),
        (-123_456, "-1234.56", "-€ 1.234,56"),
        (123_456_789, "1234567.89", "€ 1.234.567,89"),
        (-300_000_000, "-3000000.00", "-€ 3.000.000,00"),
        (Int64.max, "92233720368547758.07", "€ 92.233.720.368.547.758,07"),
        (Int64.min, "-92233720368547758.08", "-€ 92.233.720.368.547.758,08"),
    ])
    func descriptionAndDutchDisplay(cents: Int64, description: String, dutchDisplay: String) {
        #expect(Money(cents: cents).description == description)
        #expect(Money(cents: cents).dutchDisplay == dutchDisplay)
    }

    @Test func codableRoundTrips() throws {
        let amounts = [Money(cents: -5), .zero, Money(cents: Int64.max)]
        let data = try JSONEncoder().encode(amounts)
        #expect(try JSONDecoder().decode([Money].self, from: data) == amounts)
    }
}

@Suite struct MoneyCodableTests {
    /// Amounts travel in JSON as strings with two decimals, never as floats or a cents object.
    @Test func encodesAsATwoDecimalString() throws {
        let data = try JSONEncoder().encode([Money(cents: 123_456), Money(cents: -5)])
        #expect(String(decoding: data, as: UTF8.self) == #"["1234.56","-0.05"]"#)
        #expect(try JSONDecoder().decode([Money].self, from: data) == [Money(cents: 123_456), Money(cents: -5)])
    }

    @Test func rejectsAnAmbiguousString() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Money].self, from: Data(#"["1.234"]"#.utf8)) }
    }
}
