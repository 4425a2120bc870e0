/// Why a piece of text is not an amount of money.
public enum AmountParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case notANumber(String)
    case negativeNotAllowed(String)
    case tooManyDecimals(String)
    case ambiguous(String)
    case misplacedGrouping(String)
    case tooLarge(String)

    public var description: String {
        switch self {
        case .empty: return "an amount is required"
        case .notANumber(let text): return "'\(text)' is not an amount (expected e.g. 1234.56 or 1.234,56)"
        case .negativeNotAllowed(let text): return "'\(text)' is negative; a positive amount is expected"
        case .tooManyDecimals(let text): return "'\(text)' has more than two decimals"
        case .ambiguous(let text):
            return "'\(text)' is ambiguous: write 1234.00 or 1.234,00 for thousands, or two decimals for cents"
        case .misplacedGrouping(let text): return "'\(text)' has thousands separators in the wrong places"
        case .tooLarge(let text): return "'\(text)' is too large"
        }
    }
}

extension Money {
    /// Parses an amount as a person types it: `1234.56`, `1234,56`, Dutch `1.234,56`, English
    /// `1,234.56`, `12`, `12.5`, optionally preceded by one `€` or `EUR`; reads back both
    /// `description` and `dutchDisplay`.
    ///
    /// Text that could mean two things is rejected, not guessed: `1.234` and `1,234` (a thousands
    /// separator or three decimals?). A minus sign is accepted only when `allowNegative` is true.
    public init(parsing rawText: String, allowNegative: Bool = false) throws(AmountParseError) {
        var text = rawText.trimmingSpaces
        guard !text.isEmpty else { throw .empty }
        // The minus may stand before the currency, as `dutchDisplay` writes it (`-€ 5,00`), or after it.
        var negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        if let currency = ["€", "EUR"].first(where: { text.hasPrefix($0) }) {
            text = String(text.dropFirst(currency.count)).trimmingSpaces
        }
        if !negative, let sign = text.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            text.removeFirst()
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," }),
            text.first!.isASCIIDigit, text.last!.isASCIIDigit
        else { throw .notANumber(rawText) }

        let (wholeText, fractionText) = try Money.splitDecimal(text, raw: rawText)
        guard fractionText.count <= 2 else { throw .tooManyDecimals(rawText) }
        let fraction = Int64(fractionText + String(repeating: "0", count: 2 - fractionText.count))!
        // Up to Int64.max cents (92,233,720,368,547,758.07 euros): every amount `description` writes.
        guard wholeText.count <= 17, let whole = Int64(wholeText) else { throw .tooLarge(rawText) }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        let (cents, overflowAdding) = scaled.addingReportingOverflow(fraction)
        guard !overflow, !overflowAdding else { throw .tooLarge(rawText) }
        if negative && cents != 0 && !allowNegative { throw .negativeNotAllowed(rawText) }
        self.init(cents: negative ? -cents : cents)
    }

    /// Separates the whole part (grouping removed and checked) from the decimals.
    private static func splitDecimal(_ text: String, raw: String) throws(AmountParseError) -> (String, String) {
        let dots = text.filter { $0 == "." }.count
        let commas = text.filter { $0 == "," }.count
        if dots == 0 && commas == 0 { return (text, "") }
        let decimalSeparator: Character
        if dots > 0 && commas > 0 {
            // Both appear: the last one separates the decimals, the other groups thousands.
            decimalSeparator = text.last(where: { $0 == "." || $0 == "," })!
            let groupingSeparator: Character = decimalSeparator == "." ? "," : "."
            guard text.filter({ $0 == decimalSeparator }).count == 1 else { throw .misplacedGrouping(raw) }
            let pieces = text.split(separator: decimalSeparator, omittingEmptySubsequences: false)
            let whole = try ungroup(String(pieces[0]), separator: groupingSeparator, raw: raw)
            return (whole, String(pieces[1]))
        }
        let separator: Character = dots > 0 ? "." : ","
        let pieces = text.split(separator: separator, omittingEmptySubsequences: false)
        if pieces.count > 2 {
            // Several of one separator can only be grouping: 1.234.567
            return (try ungroup(text, separator: separator, raw: raw), "")
        }
        let fraction = pieces[1]
        // Three digits after a lone separator may be a thousands group (1.234, 1,234) only when the
        // digits before it could lead a group: 1234.567 and 0,125 are plainly three decimals.
        let wholeCouldLeadGroup = (1...3).contains(pieces[0].count) && pieces[0].first != "0"
        if fraction.count == 3 && wholeCouldLeadGroup { throw .ambiguous(raw) }
        return (String(pieces[0]), String(fraction))
    }

    /// Removes thousands separators after checking they stand every three digits.
    private static func ungroup(_ text: String, separator: Character, raw: String) throws(AmountParseError) -> String {
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { throw .misplacedGrouping(raw) }
        return groups.joined()
    }
}
