/// A small `Encodable` to JSON encoder for the values the store keeps as JSON text (progress,
/// messages, profiles, mandates): object keys sorted by their UTF-8 bytes, no spaces, strings
/// escaped as `JSONText.quoted` does, integers in decimal. The same value always gives the same
/// text, and Foundation's `JSONDecoder` reads it back.
///
/// Why not Foundation's `JSONEncoder`: on Linux it costs ~15 µs for a dossier's progress, which
/// made encoding the largest single cost of the daily run (docs/performance.md). This one builds a
/// light tree of the value and writes it in one pass.
///
/// Floating-point values are refused (money is integer cents; no stored type has a `Double`).
public struct CanonicalJSONEncoder: Sendable {
    public init() {}

    /// `value` as canonical JSON text.
    public func encode<Value: Encodable>(_ value: Value) throws -> String {
        let slot = Slot()
        try value.encode(to: NodeEncoder(slot: slot, codingPath: []))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        slot.node.write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` as canonical JSON text, written by the value itself (`CanonicalJSONWritable`): the
    /// same text as through `Encodable`, in a fifth to a seventh of the time (`adem bench json`).
    public func encode<Value: CanonicalJSONWritable>(_ value: Value) throws -> String {
        CanonicalJSONWriter.text(of: value)
    }
}

/// A JSON value being built.
private enum Node {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array(ArrayBox)
    case object(ObjectBox)
    /// Filled in later (a nested encoder's result).
    case slot(Slot)

    func write(to bytes: inout [UInt8]) {
        switch self {
        case .null: bytes += "null".utf8
        case .bool(let value): bytes += (value ? "true" : "false").utf8
        case .number(let digits): bytes += digits.utf8
        case .string(let value): JSONText.appendQuoted(value, to: &bytes)
        case .slot(let slot): slot.node.write(to: &bytes)
        case .array(let box):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in box.items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                item.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let box):
            bytes.append(UInt8(ascii: "{"))
            // Sorted by the keys' UTF-8 bytes; a key given twice keeps its last value, as a
            // dictionary would.
            var entries = box.entries
            if !entries.isEmpty {
                for index in 1..<entries.count where !Self.precedes(entries[index - 1].key, entries[index].key) {
                    entries = Self.sortedKeepingLast(entries)
                    break
                }
            }
            for (index, entry) in entries.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(entry.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                entry.value.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Whether `first` sorts before `second` by UTF-8 bytes.
    private static func precedes(_ first: String, _ second: String) -> Bool {
        first.utf8.lexicographicallyPrecedes(second.utf8)
    }

    /// The entries sorted by key, stably, keeping only the last entry of a key given more than once.
    private static func sortedKeepingLast(_ entries: [(key: String, value: Node)]) -> [(key: String, value: Node)] {
        let sorted = entries.enumerated().sorted {
            precedes($0.element.key, $1.element.key) || ($0.element.key == $1.element.key && $0.offset < $1.offset)
        }
        var kept: [(key: String, value: Node)] = []
        kept.reserveCapacity(sorted.count)
        for (position, entry) in sorted.enumerated()
        where position + 1 == sorted.count || sorted[position + 1].element.key != entry.element.key {
            kept.append(entry.element)
        }
        return kept
    }
}

private final class Slot {
    /// An encoder that encoded nothing gives `{}` (as Foundation's does).
    var node: Node = .object(ObjectBox())
}

private final class ArrayBox {
    var items: [Node] = []
}

private final class ObjectBox {
    var entries: [(key: String, value: Node)] = []
}

private struct NodeEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let box) = slot.node {
            return KeyedEncodingContainer(ObjectContainer(box: box, codingPath: codingPath))
        }
        let box = ObjectBox()
        slot.node = .object(box)
        return KeyedEncodingContainer(ObjectContainer(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let box) = slot.node { return ArrayContainer(box: box, codingPath: codingPath) }
        let box = ArrayBox()
        slot.node = .array(box)
        return ArrayContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { ValueContainer(slot: slot, codingPath: codingPath) }
}

/// Turns leaf values into nodes; anything else is encoded through a nested encoder into a slot.
private enum Leaf {
    static func node<Value: Encodable>(_ value: Value, codingPath: [any CodingKey]) throws -> Node {
        // Metatype checks, not dynamic casts: this runs for every nested value.
        if Value.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if Value.self == Int.self { return .number(String(unsafeBitCast(value, to: Int.self))) }
        if Value.self == Int64.self { return .number(String(unsafeBitCast(value, to: Int64.self))) }
        if Value.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        // A Double or Float reaches the value container, which refuses it.
        let slot = Slot()
        try value.encode(to: NodeEncoder(slot: slot, codingPath: codingPath))
        return .slot(slot)
    }

    static func integer(_ value: some BinaryInteger) -> Node { .number(String(value)) }

    static func refuse(_ value: Any, _ codingPath: [any CodingKey]) -> EncodingError {
        EncodingError.invalidValue(
            value, .init(codingPath: codingPath, debugDescription: "floating-point values are not stored"))
    }
}

private struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ObjectBox
    let codingPath: [any CodingKey]

    private func add(_ node: Node, _ key: Key) { box.entries.append((key.stringValue, node)) }

    mutating func encodeNil(forKey key: Key) throws { add(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw Leaf.refuse(value, codingPath + [key]) }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw Leaf.refuse(value, codingPath + [key]) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(Leaf.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(Leaf.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(Leaf.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(Leaf.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(Leaf.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(Leaf.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(Leaf.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(Leaf.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(Leaf.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(Leaf.integer(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        add(try Leaf.node(value, codingPath: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = ObjectBox()
        add(.object(nested), key)
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayBox()
        add(.array(nested), key)
        return ArrayContainer(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let slot = Slot()
        add(.slot(slot), key)
        return NodeEncoder(slot: slot, codingPath: codingPath + [key])
    }
}

private struct ArrayContainer: UnkeyedEncodingContainer {
    let box: ArrayBox
    let codingPath: [any CodingKey]
    var count: Int { box.items.count }

    private var indexKey: any CodingKey { IndexKey(intValue: box.items.count) }

    mutating func encodeNil() throws { box.items.append(.null) }
    mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { throw Leaf.refuse(value, codingPath + [indexKey]) }
    mutating func encode(_ value: Float) throws { throw Leaf.refuse(value, codingPath + [indexKey]) }
    mutating func encode(_ value: Int) throws { box.items.append(Leaf.integer(value)) }
    mutating func encode(_ value: Int8) throws { box.items.append(Leaf.integer(value)) }
    mutating func encode(_ value: Int16) throws { box.items.append(Leaf.integer(value)) }
    mutating func encode(_ value: Int32) throws { box.items.append(Leaf.integer(value)) }
    mutating func encode(_ value: Int64) throws { box.items.append(Leaf.integer(value)) }
    mutating func encode(_ value: UInt) throws { box.items.append(Leaf.integer(value)) }
    mutating func encode(_ value: UInt8) throws { box.items.append(Leaf.integer(value)) }
    mutating func encode(_ value: UInt16) throws { box.items.append(Leaf.integer(value)) }
    mutating func encode(_ value: UInt32) throws { box.items.append(Leaf.integer(value)) }
    mutating func encode(_ value: UInt64) throws { box.items.append(Leaf.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        box.items.append(try Leaf.node(value, codingPath: codingPath + [indexKey]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = ObjectBox()
        let path = codingPath + [indexKey]
        box.items.append(.object(nested))
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(box: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayBox()
        let path = codingPath + [indexKey]
        box.items.append(.array(nested))
        return ArrayContainer(box: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let slot = Slot()
        let path = codingPath + [indexKey]
        box.items.append(.slot(slot))
        return NodeEncoder(slot: slot, codingPath: path)
    }
}

private struct ValueContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.node = .null }
    mutating func encode(_ value: Bool) throws { slot.node = .bool(value) }
    mutating func encode(_ value: String) throws { slot.node = .string(value) }
    mutating func encode(_ value: Double) throws { throw Leaf.refuse(value, codingPath) }
    mutating func encode(_ value: Float) throws { throw Leaf.refuse(value, codingPath) }
    mutating func encode(_ value: Int) throws { slot.node = Leaf.integer(value) }
    mutating func encode(_ value: Int8) throws { slot.node = Leaf.integer(value) }
    mutating func encode(_ value: Int16) throws { slot.node = Leaf.integer(value) }
    mutating func encode(_ value: Int32) throws { slot.node = Leaf.integer(value) }
    mutating func encode(_ value: Int64) throws { slot.node = Leaf.integer(value) }
    mutating func encode(_ value: UInt) throws { slot.node = Leaf.integer(value) }
    mutating func encode(_ value: UInt8) throws { slot.node = Leaf.integer(value) }
    mutating func encode(_ value: UInt16) throws { slot.node = Leaf.integer(value) }
    mutating func encode(_ value: UInt32) throws { slot.node = Leaf.integer(value) }
    mutating func encode(_ value: UInt64) throws { slot.node = Leaf.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { slot.node = try Leaf.node(value, codingPath: codingPath) }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
