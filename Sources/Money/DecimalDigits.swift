/// Decimal digits written straight into a string's buffer, for the texts written most often (every
/// stored progress and message holds many days and amounts): no intermediate strings.
enum DecimalDigits {
    /// Writes `value` in decimal into `text`, its last digit at `end`, right to left and padded with
    /// zeros to at least `digits` digits. Returns the index before the first digit written.
    static func write(_ value: UInt64, into text: UnsafeMutableBufferPointer<UInt8>, endingAt end: Int, digits: Int = 1)
        -> Int
    {
        var rest = value
        var index = end
        repeat {
            text[index] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
            rest /= 10
            index -= 1
        } while rest > 0 || end - index < digits
        return index
    }
}
