public import Money

/// Reads JSON text into a `Decodable`: the counterpart of `CanonicalJSONEncoder` for the values the
/// store keeps as JSON text. It accepts any JSON (RFC 8259: whitespace, any key order, every string
/// escape), so text written earlier by Foundation's encoder reads the same.
///
/// Why not Foundation's `JSONDecoder`: on Linux it was the largest single cost of a simulated year
/// (reading every due dossier's progress and debtor profile, docs/performance.md). This one parses
/// into a light tree and decodes from it without per-value bookkeeping.
public struct CanonicalJSONDecoder: Sendable {
    public init() {}

    /// The value of type `Value` in `text`.
    public func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try Value(from: ValueDecoder(value: Self.parse(text), parent: "", key: nil))
    }

    /// The value of type `Value` in `text`, read by the type itself (`CanonicalJSONReadable`) and,
    /// when it does not take the text as it is, through `Decodable` as any other type.
    public func decode<Value: CanonicalJSONReadable>(_ type: Value.Type, from text: String) throws -> Value {
        let value = try Self.parse(text)
        if case .object(let entries) = value, let direct = try? Value(canonicalJSON: CanonicalJSONObject(entries)) {
            return direct
        }
        return try Value(from: ValueDecoder(value: value, parent: "", key: nil))
    }

    private static func parse(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { bytes in
            var parser = JSONParser(bytes: bytes)
            return try parser.parseDocument()
        }
    }
}

/// A parsed JSON value.
enum JSONValue {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

private struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// Deeper nesting than this is refused (no stored value comes near it; a hostile text cannot overflow the stack).
    static let depthMax = 256

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func parseDocument() throws -> JSONValue {
        let value = try parseValue(depth: 0)
        skipSpace()
        guard position == bytes.count else { throw error("unexpected text after the value") }
        return value
    }

    private func error(_ reason: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "invalid JSON at byte \(position): \(reason)"))
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ literal: StaticString, _ value: JSONValue) throws -> JSONValue {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count,
            UnsafeBufferPointer(start: literal.utf8Start, count: count).elementsEqual(bytes[position..<position + count])
        else { throw error("expected \(literal)") }
        position += count
        return value
    }

    private mutating func parseValue(depth: Int) throws -> JSONValue {
        guard depth < Self.depthMax else { throw error("nested deeper than \(Self.depthMax)") }
        skipSpace()
        guard position < bytes.count else { throw error("unexpected end") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var entries: [(key: String, value: JSONValue)] = []
            skipSpace()
            if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(entries)
            }
            // Room for a stored value's fields at once, rather than growing the array five times.
            entries.reserveCapacity(16)
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a key") }
                let key = try parseString()
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':'") }
                position += 1
                entries.append((key, try parseValue(depth: depth + 1)))
                skipSpace()
                guard position < bytes.count else { throw error("unexpected end in an object") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return .object(entries)
                } else {
                    throw error("expected ',' or '}'")
                }
            }
        case UInt8(ascii: "["):
            position += 1
            var items: [JSONValue] = []
            skipSpace()
            if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                items.append(try parseValue(depth: depth + 1))
                skipSpace()
                guard position < bytes.count else { throw error("unexpected end in an array") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(items)
                } else {
                    throw error("expected ',' or ']'")
                }
            }
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        default: return try parseNumber()
        }
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - first
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerDigits = digits()
        guard integerDigits > 0 else { throw error("expected a value") }
        guard integerDigits == 1 || bytes[position - integerDigits] != UInt8(ascii: "0") else {
            throw error("a number has a leading zero")
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw error("expected digits after '.'") }
        }
        if position < bytes.count && (bytes[position] | 0x20) == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                position += 1
            }
            guard digits() > 0 else { throw error("expected digits in the exponent") }
        }
        return .number(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    /// A string literal; `position` is at its opening quote.
    private mutating func parseString() throws -> String {
        position += 1
        let start = position
        // Fast path: no escape before the closing quote.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                defer { position += 1 }
                return String(decoding: bytes[start..<position], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw error("a control character in a string") }
            position += 1
        }
        var scalars = String.UnicodeScalarView()
        var text = String(decoding: bytes[start..<position], as: UTF8.self)
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                text.unicodeScalars.append(contentsOf: scalars)
                return text
            }
            guard byte >= 0x20 else { throw error("a control character in a string") }
            if byte != UInt8(ascii: "\\") {
                // Copy a run of plain bytes.
                let run = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\"),
                    bytes[position] >= 0x20
                {
                    position += 1
                }
                scalars.append(contentsOf: String(decoding: bytes[run..<position], as: UTF8.self).unicodeScalars)
                continue
            }
            position += 1
            guard position < bytes.count else { break }
            let escaped = bytes[position]
            position += 1
            switch escaped {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var value = try hex4()
                if (0xD800..<0xDC00).contains(value) {
                    // A surrogate pair: the low half must follow as another \u escape.
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                        bytes[position + 1] == UInt8(ascii: "u")
                    else { throw error("a lone surrogate in a string") }
                    position += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("a lone surrogate in a string") }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(value) else { throw error("a lone surrogate in a string") }
                scalars.append(scalar)
            default: throw error("an unknown escape in a string")
            }
        }
        throw error("an unterminated string")
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("a short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("a bad \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}

/// Decodes from one parsed value. `parent` and `key` name where it is, for error messages (joined
/// only when needed: most values are leaves that decode without error).
private struct ValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let parent: String
    let key: String?
    var path: String {
        guard let key else { return parent }
        return parent.isEmpty ? key : parent + "." + key
    }
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(
            type, .init(codingPath: [], debugDescription: "\(path.isEmpty ? "the value" : path): expected \(type), found \(value.kind)"))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let entries) = value else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(ObjectDecoder<Key>(entries: entries, path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([Any].self) }
        return ArrayDecoder(items: items, path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(type) }
        return flag
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let text) = value else { throw mismatch(type) }
        return text
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard case .number(let text) = value, let number = Double(text) else { throw mismatch(type) }
        return number
    }

    func decode(_ type: Float.Type) throws -> Float {
        guard case .number(let text) = value, let number = Float(text) else { throw mismatch(type) }
        return number
    }

    func integer<Integer: FixedWidthInteger>(_ type: Integer.Type) throws -> Integer {
        guard case .number(let text) = value, let number = Integer(text) else { throw mismatch(type) }
        return number
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // Metatype checks, not dynamic casts: this runs for every nested value.
        if T.self == String.self { return unsafeBitCast(try decode(String.self), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try decode(Int.self), to: T.self) }
        if T.self == Int64.self { return unsafeBitCast(try decode(Int64.self), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try decode(Bool.self), to: T.self) }
        return try T(from: self)
    }
}

private struct ObjectDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let entries: [(key: String, value: JSONValue)]
    let path: String
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] { entries.compactMap { Key(stringValue: $0.key) } }

    /// The value of `key`; the last one when a key is given twice (as Foundation reads it).
    private func find(_ key: Key) -> JSONValue? {
        let name = key.stringValue
        return entries.last(where: { $0.key == name })?.value
    }

    private func child(_ key: Key) throws -> ValueDecoder {
        guard let value = find(key) else {
            let name = path.isEmpty ? key.stringValue : path + "." + key.stringValue
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "\(name) is missing"))
        }
        return ValueDecoder(value: value, parent: path, key: key.stringValue)
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decode(type) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = find(key) else { return nil }
        if case .null = value { return nil }
        return try ValueDecoder(value: value, parent: path, key: key.stringValue).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: entries.last(where: { $0.key == "super" })?.value ?? .null, parent: path, key: "super")
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: find(key) ?? .null, parent: path, key: key.stringValue)
    }
}

private struct ArrayDecoder: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let path: String
    var codingPath: [any CodingKey] { [] }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }
    private(set) var currentIndex = 0

    init(items: [JSONValue], path: String) {
        self.items = items
        self.path = path
    }

    private mutating func next(_ type: Any.Type) throws -> ValueDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: [], debugDescription: "\(path)[\(currentIndex)]: the array has ended"))
        }
        defer { currentIndex += 1 }
        return ValueDecoder(value: items[currentIndex], parent: path, key: "[]")
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .null = items[currentIndex] else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type).decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(type).decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type).decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type).decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type).decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type).decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type).decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type).decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type).decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type).decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type).decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type).decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type).decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type).decode(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next([String: Any].self).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next([Any].self).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { try next(Any.self) }
}

/// A parsed JSON object, read field by field by a `CanonicalJSONReadable` type. Lookups follow the
/// keys' order when the object is sorted, as canonical text is; any other object is searched.
public struct CanonicalJSONObject {
    let entries: [(key: String, value: JSONValue)]
    /// Whether the keys ascend strictly (canonical text): then a key's place is found by bisection.
    private let isSorted: Bool

    init(_ entries: [(key: String, value: JSONValue)]) {
        self.entries = entries
        var sorted = true
        if entries.count > 1 {
            for index in 1..<entries.count where !(entries[index - 1].key < entries[index].key) {
                sorted = false
                break
            }
        }
        isSorted = sorted
    }

    /// Anything a reader finds not as written: the decoder then reads the text through `Decodable`.
    public struct Mismatch: Error {
        public init() {}
    }

    /// The value of `key`, the last one if given twice (as `Decodable` reads it); nil when absent.
    private func find(_ key: String) -> JSONValue? {
        guard isSorted else { return entries.last(where: { $0.key == key })?.value }
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].key == key ? entries[low].value : nil
    }

    private func required(_ key: String) throws -> CanonicalJSONValue {
        guard let value = find(key) else { throw Mismatch() }
        return CanonicalJSONValue(value: value)
    }

    /// The value of `key`, nil when absent or null (as `decodeIfPresent` reads it).
    private func optional(_ key: String) -> CanonicalJSONValue? {
        guard let value = find(key) else { return nil }
        if case .null = value { return nil }
        return CanonicalJSONValue(value: value)
    }

    public func string(_ key: String) throws -> String { try required(key).string() }
    public func day(_ key: String) throws -> Day { try required(key).day() }
    public func money(_ key: String) throws -> Money { try required(key).money() }
    public func int(_ key: String) throws -> Int { try required(key).integer() }
    public func int64(_ key: String) throws -> Int64 { try required(key).integer() }
    public func bool(_ key: String) throws -> Bool { try required(key).bool() }
    public func raw<Value: RawRepresentable>(_ key: String) throws -> Value where Value.RawValue == String {
        try required(key).raw()
    }
    public func decode<Value: CanonicalJSONReadable>(_ key: String) throws -> Value { try required(key).decode() }
    public func array<Element>(_ key: String, _ element: (CanonicalJSONValue) throws -> Element) throws -> [Element] {
        try required(key).array(element)
    }

    /// Every field, each of which must be a string; a key given twice keeps its last value.
    public func stringFields() throws -> [String: String] {
        var fields: [String: String] = [:]
        fields.reserveCapacity(entries.count)
        for entry in entries {
            guard case .string(let text) = entry.value else { throw Mismatch() }
            fields[entry.key] = text
        }
        return fields
    }

    public func string(ifPresent key: String) throws -> String? { try optional(key)?.string() }
    public func day(ifPresent key: String) throws -> Day? { try optional(key)?.day() }
    public func money(ifPresent key: String) throws -> Money? { try optional(key)?.money() }
    public func int(ifPresent key: String) throws -> Int? { try optional(key)?.integer() }
    public func int64(ifPresent key: String) throws -> Int64? { try optional(key)?.integer() }
    public func bool(ifPresent key: String) throws -> Bool? { try optional(key)?.bool() }
    public func raw<Value: RawRepresentable>(ifPresent key: String) throws -> Value? where Value.RawValue == String {
        try optional(key)?.raw()
    }
    public func decode<Value: CanonicalJSONReadable>(ifPresent key: String) throws -> Value? {
        try optional(key)?.decode()
    }
    public func array<Element>(ifPresent key: String, _ element: (CanonicalJSONValue) throws -> Element) throws
        -> [Element]?
    {
        try optional(key)?.array(element)
    }
}

/// One parsed JSON value (a field's or an array element's), read as the type the reader expects.
public struct CanonicalJSONValue {
    let value: JSONValue

    public func string() throws -> String {
        guard case .string(let text) = value else { throw CanonicalJSONObject.Mismatch() }
        return text
    }

    public func day() throws -> Day {
        guard let day = Day(iso: try string()) else { throw CanonicalJSONObject.Mismatch() }
        return day
    }

    public func money() throws -> Money {
        guard let amount = try? Money(parsing: try string(), allowNegative: true) else {
            throw CanonicalJSONObject.Mismatch()
        }
        return amount
    }

    public func integer<Integer: FixedWidthInteger>() throws -> Integer {
        guard case .number(let text) = value, let number = Integer(text) else { throw CanonicalJSONObject.Mismatch() }
        return number
    }

    public func bool() throws -> Bool {
        guard case .bool(let flag) = value else { throw CanonicalJSONObject.Mismatch() }
        return flag
    }

    public func raw<Value: RawRepresentable>() throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try string()) else { throw CanonicalJSONObject.Mismatch() }
        return value
    }

    public func object() throws -> CanonicalJSONObject {
        guard case .object(let entries) = value else { throw CanonicalJSONObject.Mismatch() }
        return CanonicalJSONObject(entries)
    }

    public func decode<Value: CanonicalJSONReadable>() throws -> Value { try Value(canonicalJSON: object()) }

    public func array<Element>(_ element: (CanonicalJSONValue) throws -> Element) throws -> [Element] {
        guard case .array(let items) = value else { throw CanonicalJSONObject.Mismatch() }
        return try items.map { try element(CanonicalJSONValue(value: $0)) }
    }
}
