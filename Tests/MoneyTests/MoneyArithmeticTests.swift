import Money
import Testing

@Suite struct MoneyArithmeticTests {
    @Test func descriptionHasTwoDecimals() {
        #expect(Money(cents: 123_456).description == "1234.56")
        #expect(Money(cents: -5).description == "-0.05")
        #expect(Money(cents: 123_456).dutchDisplay == "€ 1.234,56")
    }
}
