/// A country as an ISO 3166-1 alpha-2 code (`NL`, `BE`, `DE`), checked against the official list.
public struct CountryCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The two upper-case letters.
    public let code: String

    /// The country for `text` (case-insensitive, surrounding spaces ignored), or nil if no such code is assigned.
    public init?(_ text: String) {
        // Read on every debtor the daily run loads: two ASCII letters are checked without building
        // a trimmed, upper-cased copy of the text (anything else takes the general way below).
        var utf8 = text.utf8.makeIterator()
        if let first = utf8.next(), let second = utf8.next(), utf8.next() == nil,
            let index = Self.letterPairIndex(first, second)
        {
            guard Self.assignedPairs[index] else { return nil }
            let isUpper = text.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
            self.code = isUpper ? text : text.uppercased()
            return
        }
        let upper = String(text.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
            .uppercased()
        guard CountryCode.assigned.contains(upper) else { return nil }
        self.code = upper
    }

    /// The place of two ASCII letters (either case) among the 26 x 26 pairs; nil for other bytes.
    private static func letterPairIndex(_ first: UInt8, _ second: UInt8) -> Int? {
        func letter(_ byte: UInt8) -> Int? {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a"))
            default: nil
            }
        }
        guard let high = letter(first), let low = letter(second) else { return nil }
        return high * 26 + low
    }

    /// For each of the 26 x 26 letter pairs, whether it is an assigned code.
    private static let assignedPairs: [Bool] = {
        var pairs = [Bool](repeating: false, count: 26 * 26)
        for code in assigned {
            let bytes = Array(code.utf8)
            pairs[letterPairIndex(bytes[0], bytes[1])!] = true
        }
        return pairs
    }()

    /// The Netherlands.
    public static let netherlands = CountryCode("NL")!

    public var description: String { code }

    public static func < (left: Self, right: Self) -> Bool { left.code < right.code }

    /// Decodes from the two-letter code.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let country = CountryCode(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown country \(text)")
        }
        self = country
    }

    /// Encodes as the two-letter code.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    /// The 249 officially assigned ISO 3166-1 alpha-2 codes.
    static let assigned: Set<String> = [
        "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB",
        "BD", "BE",
        "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA",
        "CC", "CD",
        "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ",
        "DK", "DM",
        "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD",
        "GE", "GF",
        "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR",
        "HT", "HU",
        "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI",
        "KM", "KN",
        "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC",
        "MD", "ME",
        "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY",
        "MZ", "NA",
        "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK",
        "PL", "PM",
        "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG",
        "SH", "SI",
        "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH",
        "TJ", "TK",
        "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE",
        "VG", "VI",
        "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
    ]
}
