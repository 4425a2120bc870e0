/// A typed identifier: `Identifier<Debtor>` and `Identifier<Dossier>` are different types, so a
/// debtor's id can never be passed where a dossier's id is expected.
///
/// The raw value is text so that natural keys (a client reference, `client/invoice number`) can
/// double as ids and as idempotency keys: importing the same row twice yields the same id.
public struct Identifier<Owner>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The id as stored.
    public let rawValue: String

    /// An id with the given raw text; empty text is a programmer error.
    public init(_ rawValue: String) {
        precondition(!rawValue.isEmpty, "an identifier must not be empty")
        self.rawValue = rawValue
    }

    public static func < (left: Self, right: Self) -> Bool { left.rawValue < right.rawValue }

    public var description: String { rawValue }

    /// Decodes from a plain string.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard !text.isEmpty else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "empty id"))
        }
        self.rawValue = text
    }

    /// Encodes as a plain string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
