/// An exact rate (a fraction), held as millionths: 12.25% is 122,500 millionths.
///
/// Six decimal places of a fraction cover every published statutory and tariff rate (which have at
/// most two decimals of a percent) with room to spare, and keep multiplication exact in `Int128`.
public struct Rate: Hashable, Comparable, Sendable, Codable {
    /// Millionths in one whole (100%).
    public static let scale: Int64 = 1_000_000

    /// The rate in millionths of one.
    public let millionths: Int64

    /// A rate of `millionths` millionths.
    public init(millionths: Int64) {
        self.millionths = millionths
    }

    /// A rate given in hundredths of a percent (basis points): `Rate(basisPoints: 1225)` is 12.25%.
    public init(basisPoints: Int64) {
        self.millionths = basisPoints * 100
    }

    /// Parses a percentage such as `12.25`, `7`, `0.5` or `12.25%` (at most four decimals).
    public init?(percent text: String) {
        var text = text.trimmingSpaces
        if text.hasSuffix("%") { text.removeLast() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0,
            parts[0].allSatisfy(\.isASCIIDigit)
        else { return nil }
        var fractionMillionths: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...4).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            let padded = fraction + String(repeating: "0", count: 4 - fraction.count)
            fractionMillionths = Int64(padded)!
        }
        // Text from a file or a person must not trap: a percentage beyond Int64 is simply not a rate.
        let (wholeMillionths, overflow) = whole.multipliedReportingOverflow(by: 10_000)
        let (millionths, sumOverflow) = wholeMillionths.addingReportingOverflow(fractionMillionths)
        guard !overflow, !sumOverflow else { return nil }
        self.millionths = millionths
    }

    /// No rate at all.
    public static let zero = Rate(millionths: 0)

    public static func < (left: Rate, right: Rate) -> Bool { left.millionths < right.millionths }

    /// The rate as a percentage without trailing zeros: `7`, `12.25`, `0.5`, `-0.5`.
    public var percentText: String {
        // Work on the magnitude: a negative rate (an ECB rate has been below zero) must print its
        // sign once, not inside the fraction.
        let sign = millionths < 0 ? "-" : ""
        let whole = millionths.magnitude / 10_000
        var fraction = String(millionths.magnitude % 10_000)
        if fraction == "0" { return sign + String(whole) }
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(whole).\(fraction)"
    }
}

extension Rate: CustomStringConvertible {
    /// `12.25%`.
    public var description: String { percentText + "%" }
}

extension Character {
    /// True for the ten ASCII digits only (not other Unicode numerals).
    ///
    /// Compares the ASCII value, not a `"0"..."9"` character range: a range also holds a digit
    /// followed by a combining mark (`"1\u{301}"`), which `Int64(_:)` then refuses.
    var isASCIIDigit: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (Foundation-free).
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
