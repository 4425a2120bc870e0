import Money
import PropertyBased
import Testing

@Suite struct AmountParsingTests {
    @Test(arguments: [
        ("1234.56", Int64(123_456)),
        ("1.234,56", 123_456),
        ("1,234.56", 123_456),
        ("1234,56", 123_456),
        ("12", 1_200),
        ("12.5", 1_250),
        ("€ 12,50", 1_250),
        ("EUR 3000.00", 300_000),
        ("1.234.567", 123_456_700),
        ("0.01", 1),
        ("0", 0),
        ("+5", 500),
        (" 12,50 ", 1_250),
        ("€12", 1_200),
        ("1,234,567.89", 123_456_789),
        ("1.234,5", 123_450),
        ("9999999999999999.99", 999_999_999_999_999_999),
    ])
    func accepts(text: String, cents: Int64) throws {
        #expect(try Money(parsing: text) == Money(cents: cents))
    }

    @Test(arguments: [
        ("-5", Int64(-500)),
        ("€ -12,50", -1_250),
        ("-€ 1.234,56", -123_456),
        ("-EUR 5", -500),
        ("-0,01", -1),
    ])
    func acceptsNegativeWhenAllowed(text: String, cents: Int64) throws {
        #expect(try Money(parsing: text, allowNegative: true) == Money(cents: cents))
    }

    @Test(arguments: [
        ("", AmountParseError.empty),
        ("   ", .empty),
        ("abc", .notANumber("abc")),
        ("1.234", .ambiguous("1.234")),
        ("1,234", .ambiguous("1,234")),
        ("12.345", .ambiguous("12.345")),
        ("€ 123,456", .ambiguous("€ 123,456")),
        // Four decimals cannot be a thousands group, so they are plainly too many decimals.
        ("1.2345", .tooManyDecimals("1.2345")),
        ("1,234.567", .tooManyDecimals("1,234.567")),
        ("-5", .negativeNotAllowed("-5")),
        ("-€ 5,00", .negativeNotAllowed("-€ 5,00")),
        ("1,23,4.00", .misplacedGrouping("1,23,4.00")),
        ("1.234.56", .misplacedGrouping("1.234.56")),
        ("1234.567.890", .misplacedGrouping("1234.567.890")),
        ("1.234,56.78", .misplacedGrouping("1.234,56.78")),
        ("12..5", .misplacedGrouping("12..5")),
        (".5", .notANumber(".5")),
        ("5.", .notANumber("5.")),
        ("1 234", .notANumber("1 234")),
        ("--5", .notANumber("--5")),
        ("12e3", .notANumber("12e3")),
        ("€", .notANumber("€")),
        ("99999999999999999", .tooLarge("99999999999999999")),
        ("123.456.789.012.345.678", .tooLarge("123.456.789.012.345.678")),
    ])
    func rejects(text: String, error: AmountParseError) {
        #expect(throws: error) { try Money(parsing: text, allowNegative: false) }
    }

    /// Regression: three digits after a lone separator were always "ambiguous", even when the digits
    /// before it cannot lead a thousands group (four digits, or a leading zero).
    @Test(arguments: ["1234.567", "0,125", "00.125"])
    func threeDecimalsThatCannotBeGroupingAreTooManyDecimals(_ text: String) {
        #expect(throws: AmountParseError.tooManyDecimals(text)) { try Money(parsing: text) }
    }

    /// Regression: `€ EUR 5` passed, each prefix stripped in turn; one currency is allowed.
    @Test func onlyOneCurrencyPrefix() {
        #expect(throws: AmountParseError.notANumber("€ EUR 5")) { try Money(parsing: "€ EUR 5") }
    }

    /// Regression: a digit followed by a combining mark passed the digit check; in the decimals the
    /// force-unwrapped `Int64(_:)` then trapped, in the whole part it was reported as too large.
    @Test(arguments: ["12.3\u{301}", "1\u{301}2"])
    func digitWithCombiningMarkIsNotANumber(_ text: String) {
        #expect(throws: AmountParseError.notANumber(text)) { try Money(parsing: text) }
    }

    @Test func negativeZeroIsZero() throws {
        #expect(try Money(parsing: "-0,00") == .zero)
    }

    /// Whole euros up to 16 digits: every description up to that reads back.
    static let cents = Gen.int64(in: 0...999_999_999_999_999_999)

    @Test func descriptionReadsBack() async {
        await propertyCheck(count: 500, input: Self.cents) { cents in
            let text = Money(cents: cents).description
            #expect((try? Money(parsing: text)) == Money(cents: cents), "\(text)")
        }
    }

    @Test func dutchDisplayReadsBack() async {
        await propertyCheck(count: 500, input: Self.cents) { cents in
            let display = Money(cents: cents).dutchDisplay
            let bare = String(display.dropFirst("€ ".count))
            #expect((try? Money(parsing: bare)) == Money(cents: cents), "\(bare)")
            #expect((try? Money(parsing: display)) == Money(cents: cents), "\(display)")
        }
    }

    /// Regression: `dutchDisplay` writes a negative amount as `-€ 1.234,56`, which the parser
    /// refused because it looked for the minus only after the currency.
    @Test func negativeDisplayReadsBack() async {
        await propertyCheck(count: 500, input: Gen.int64(in: -999_999_999_999_999_999...0)) { cents in
            for text in [Money(cents: cents).dutchDisplay, Money(cents: cents).description] {
                #expect((try? Money(parsing: text, allowNegative: true)) == Money(cents: cents), "\(text)")
            }
        }
    }
}
