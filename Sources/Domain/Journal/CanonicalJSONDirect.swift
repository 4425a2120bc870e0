public import Money

/// A stored type that writes its canonical JSON object itself, field by field in key order, instead
/// of going through `Encodable`.
///
/// For the values the daily run writes for every step (a dossier's progress) and reads for every
/// dossier (progress, debtor profile). Through Codable's containers, boxes and dynamic calls, writing
/// them took five to seven times as long (`adem bench json`, docs/performance.md). The text must be
/// byte for byte what `CanonicalJSONEncoder` makes of the value through `encode(to:)`: the tests of
/// each conforming type compare the two over many values.
public protocol CanonicalJSONWritable: Encodable {
    /// Writes the value's fields, in ascending order of their keys' UTF-8 bytes.
    func writeFields(to writer: inout CanonicalJSONWriter)
}

/// A stored type that reads itself from a parsed canonical JSON object instead of through
/// `Decodable`. When it throws, `CanonicalJSONDecoder` decodes the text through `init(from:)`
/// instead, so an odd text (older fields, another key order, a bad value) is read, or refused with
/// its error message, exactly as before.
public protocol CanonicalJSONReadable: Decodable {
    /// The value the object holds; throws when anything in it is not as this type writes it.
    init(canonicalJSON object: CanonicalJSONObject) throws
}

/// Writes one canonical JSON object, its fields given in key order by the value being written.
public struct CanonicalJSONWriter {
    var bytes: [UInt8] = []
    /// Whether the object or array being written has no entry yet.
    private var isFirst = true
    #if DEBUG
        /// The last key written in each object being written (checked: keys come in ascending order).
        private var lastKeys: [[UInt8]] = []
    #endif

    init() { bytes.reserveCapacity(512) }

    /// `value` as one canonical JSON object.
    static func text<Value: CanonicalJSONWritable>(of value: Value) -> String {
        var writer = CanonicalJSONWriter()
        writer.object(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private mutating func separate() {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        isFirst = false
    }

    private mutating func key(_ key: StaticString) {
        separate()
        let name = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        #if DEBUG
            if let last = lastKeys.last, !last.isEmpty {
                precondition(
                    last.lexicographicallyPrecedes(name),
                    "key \(key) written after \(String(decoding: last, as: UTF8.self))")
            }
            lastKeys[lastKeys.count - 1] = Array(name)
        #endif
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    // MARK: Values (array elements, or after a key)

    /// A nested object.
    public mutating func object<Value: CanonicalJSONWritable>(_ value: Value) {
        let outerFirst = isFirst
        bytes.append(UInt8(ascii: "{"))
        isFirst = true
        #if DEBUG
            lastKeys.append([])
        #endif
        value.writeFields(to: &self)
        #if DEBUG
            lastKeys.removeLast()
        #endif
        bytes.append(UInt8(ascii: "}"))
        isFirst = outerFirst
    }

    public mutating func string(_ value: String) { JSONText.appendQuoted(value, to: &bytes) }
    public mutating func day(_ value: Day) { quotedASCII(value.description) }
    public mutating func money(_ value: Money) { quotedASCII(value.description) }
    public mutating func integer(_ value: some BinaryInteger) { bytes += String(value).utf8 }
    public mutating func bool(_ value: Bool) { bytes += (value ? "true" : "false").utf8 }
    /// A string-valued enumeration, as its raw value.
    public mutating func raw<Value: RawRepresentable>(_ value: Value) where Value.RawValue == String {
        string(value.rawValue)
    }

    /// Text known to need no escapes (days, amounts).
    private mutating func quotedASCII(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        bytes += text.utf8
        bytes.append(UInt8(ascii: "\""))
    }

    /// An array of `items`, each written by `element`.
    public mutating func array<Items: Sequence>(
        _ items: Items, _ element: (inout CanonicalJSONWriter, Items.Element) -> Void
    ) {
        let outerFirst = isFirst
        bytes.append(UInt8(ascii: "["))
        isFirst = true
        for item in items {
            separate()
            element(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
        isFirst = outerFirst
    }

    // MARK: Fields of the object being written

    public mutating func field(_ name: StaticString, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: StaticString, _ value: Day) { key(name); day(value) }
    public mutating func field(_ name: StaticString, _ value: Money) { key(name); money(value) }
    public mutating func field(_ name: StaticString, _ value: Int) { key(name); integer(value) }
    public mutating func field(_ name: StaticString, _ value: Int64) { key(name); integer(value) }
    public mutating func field(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    public mutating func field<Value: CanonicalJSONWritable>(_ name: StaticString, _ value: Value) {
        key(name); object(value)
    }
    public mutating func field<Value: RawRepresentable>(_ name: StaticString, _ value: Value)
    where Value.RawValue == String {
        key(name)
        raw(value)
    }
    public mutating func field<Items: Sequence>(
        _ name: StaticString, _ items: Items, _ element: (inout CanonicalJSONWriter, Items.Element) -> Void
    ) {
        key(name)
        array(items, element)
    }

    // Optional fields are left out when nil, as `encodeIfPresent` does.
    public mutating func field(_ name: StaticString, _ value: String?) { if let value { field(name, value) } }
    public mutating func field(_ name: StaticString, _ value: Day?) { if let value { field(name, value) } }
    public mutating func field(_ name: StaticString, _ value: Money?) { if let value { field(name, value) } }
    public mutating func field<Value: CanonicalJSONWritable>(_ name: StaticString, _ value: Value?) {
        if let value { field(name, value) }
    }
    public mutating func field<Value: RawRepresentable>(_ name: StaticString, _ value: Value?)
    where Value.RawValue == String {
        if let value { field(name, value) }
    }
}
