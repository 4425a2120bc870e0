import Money

// Amounts travel in JSON as strings with two decimals ("1234.56"), never as floating-point numbers
// or as Money's own `{"cents": ...}` form, so a person can read and write the files.

extension KeyedDecodingContainer {
    /// The amount under `key`, written as text that `Money(parsing:)` accepts (`"1000.00"`).
    func decodeAmount(forKey key: Key) throws -> Money {
        let text = try decode(String.self, forKey: key)
        do {
            return try Money(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: error.description)
        }
    }
}

extension KeyedEncodingContainer {
    /// Writes `amount` under `key` as text with two decimals (`"1000.00"`).
    mutating func encodeAmount(_ amount: Money, forKey key: Key) throws {
        try encode(amount.description, forKey: key)
    }
}
