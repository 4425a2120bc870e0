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
        var text = rawText
        let parsed = text.withUTF8 { bytes in
            Result { () throws(AmountParseError) in try Money(parsingUTF8: bytes, allowNegative: allowNegative) }
        }
        self = try parsed.get()
    }

    /// `init(parsing:allowNegative:)` on the UTF-8 bytes of the text, without making a `String`
    /// (one is made only for the error). The rules work on bytes: every byte outside ASCII digits,
    /// `.`, `,`, spaces, tabs, the signs, `EUR` and the bytes of a leading `€` makes the text not a number.
    public init(parsingUTF8 raw: UnsafeBufferPointer<UInt8>, allowNegative: Bool = false) throws(AmountParseError) {
        let space: UInt8 = 0x20, tab: UInt8 = 0x09, minus: UInt8 = 0x2D, plus: UInt8 = 0x2B
        let dot: UInt8 = 0x2E, comma: UInt8 = 0x2C
        func rawText() -> String { String(decoding: raw, as: UTF8.self) }
        func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
        var start = 0
        var end = raw.count
        func trim() {
            while start < end, raw[start] == space || raw[start] == tab { start += 1 }
            while end > start, raw[end - 1] == space || raw[end - 1] == tab { end -= 1 }
        }
        func hasPrefix(_ prefix: [UInt8]) -> Bool {
            end - start >= prefix.count && prefix.indices.allSatisfy { raw[start + $0] == prefix[$0] }
        }
        trim()
        guard start < end else { throw .empty }
        // The minus may stand before the currency, as `dutchDisplay` writes it (`-€ 5,00`), or after it.
        var negative = raw[start] == minus
        if negative { start += 1 }
        if let currency = [Money.euroSignUTF8, Money.euroCodeUTF8].first(where: hasPrefix) {
            start += currency.count
            trim()
        }
        if !negative, start < end, raw[start] == minus || raw[start] == plus {
            negative = raw[start] == minus
            start += 1
        }
        var dots = 0
        var commas = 0
        var lastSeparator = -1
        for index in start..<end {
            let byte = raw[index]
            if byte == dot {
                dots += 1
                lastSeparator = index
            } else if byte == comma {
                commas += 1
                lastSeparator = index
            } else if !isDigit(byte) {
                throw .notANumber(rawText())
            }
        }
        guard start < end, isDigit(raw[start]), isDigit(raw[end - 1]) else { throw .notANumber(rawText()) }

        // Separate the whole part (grouping removed and checked) from the decimals.
        var whole = start..<end
        var grouping: UInt8?
        var fraction = end..<end
        if dots > 0 && commas > 0 {
            // Both appear: the last one separates the decimals, the other groups thousands.
            let decimalSeparator = raw[lastSeparator]
            guard (decimalSeparator == dot ? dots : commas) == 1 else { throw .misplacedGrouping(rawText()) }
            grouping = decimalSeparator == dot ? comma : dot
            whole = start..<lastSeparator
            fraction = lastSeparator + 1..<end
        } else if dots + commas > 1 {
            // Several of one separator can only be grouping: 1.234.567
            grouping = dots > 0 ? dot : comma
        } else if dots + commas == 1 {
            whole = start..<lastSeparator
            fraction = lastSeparator + 1..<end
            // Three digits after a lone separator may be a thousands group (1.234, 1,234) only when the
            // digits before it could lead a group: 1234.567 and 0,125 are plainly three decimals.
            let wholeCouldLeadGroup = (1...3).contains(whole.count) && raw[start] != 0x30
            if fraction.count == 3 && wholeCouldLeadGroup { throw .ambiguous(rawText()) }
        }
        // The whole part's digits; thousands separators must stand every three digits.
        var wholeDigits = 0
        var wholeValue: Int64 = 0
        var groupDigits = 0
        var firstGroup = true
        func groupIsWellFormed() -> Bool { firstGroup ? (1...3).contains(groupDigits) : groupDigits == 3 }
        for index in whole {
            let byte = raw[index]
            if byte == grouping {
                guard groupIsWellFormed() else { throw .misplacedGrouping(rawText()) }
                groupDigits = 0
                firstGroup = false
            } else {
                groupDigits += 1
                wholeDigits += 1
                wholeValue = wholeValue &* 10 &+ Int64(byte &- 0x30)
            }
        }
        if grouping != nil, !groupIsWellFormed() { throw .misplacedGrouping(rawText()) }
        guard fraction.count <= 2 else { throw .tooManyDecimals(rawText()) }
        var cents: Int64 = 0
        for index in fraction { cents = cents * 10 + Int64(raw[index] &- 0x30) }
        if fraction.count == 1 { cents *= 10 }
        // Up to Int64.max cents (92,233,720,368,547,758.07 euros): every amount `description` writes.
        guard wholeDigits <= 17 else { throw .tooLarge(rawText()) }
        let (scaled, overflow) = wholeValue.multipliedReportingOverflow(by: 100)
        let (total, overflowAdding) = scaled.addingReportingOverflow(cents)
        guard !overflow, !overflowAdding else { throw .tooLarge(rawText()) }
        if negative && total != 0 && !allowNegative { throw .negativeNotAllowed(rawText()) }
        self.init(cents: negative ? -total : total)
    }

    private static let euroSignUTF8: [UInt8] = Array("€".utf8)
    private static let euroCodeUTF8: [UInt8] = Array("EUR".utf8)
}
