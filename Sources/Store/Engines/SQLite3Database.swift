import Logging
import NIOCore
import NIOPosix
import SQLKit

/// SQLKit's `SQLDatabase` over one `SQLite3Connection`: the case store's shared SQL runs on it
/// unchanged. Statements run on the calling task (SQLite is in-process; a call takes microseconds to
/// milliseconds), so there is no thread hop per statement.
struct SQLite3Database: SQLDatabase {
    let connection: SQLite3Connection
    let logger: Logger
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLite3Dialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        eventLoop.makeCompletedFuture { try run(query, onRow) }
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, binds) = serialize(query)
        try connection.execute(sql, binds: try binds.map(SQLite3BindEncoder.value)) { columns, values in
            onRow(SQLite3Row(columns: columns, values: values))
        }
    }
}

/// SQLite's SQL dialect as the case store uses it (numbered `?n` placeholders, standard upsert, RETURNING).
struct SQLite3Dialect: SQLDialect {
    var name: String { "sqlite" }
    var identifierQuote: any SQLExpression { SQLRaw("\"") }
    var literalStringQuote: any SQLExpression { SQLRaw("'") }
    func bindPlaceholder(at position: Int) -> any SQLExpression { SQLRaw("?\(position)") }
    func literalBoolean(_ value: Bool) -> any SQLExpression { SQLRaw(value ? "1" : "0") }
    var literalDefault: any SQLExpression { SQLLiteral.null }
    var supportsAutoIncrement: Bool { false }
    var autoIncrementClause: any SQLExpression { SQLRaw("AUTOINCREMENT") }
    var upsertSyntax: SQLUpsertSyntax { .standard }
    var supportsReturning: Bool { true }
}

/// One result row: the statement's column names (shared by all its rows) and this row's values.
struct SQLite3Row: SQLRow {
    let columns: [String]
    let values: [SQLite3Value]

    var allColumns: [String] { columns }

    func contains(column: String) -> Bool { columns.contains(column) }

    func decodeNil(column: String) throws -> Bool { try value(column) == .null }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let value = try value(column)
        // The store reads Int64 and String columns (optional or not): answer those without a decoder.
        switch value {
        case .integer(let number) where D.self == Int64.self: return number as! D
        case .text(let text) where D.self == String.self: return text as! D
        case .integer(let number) where D.self == Int64?.self: return Optional(number) as! D
        case .text(let text) where D.self == String?.self: return Optional(text) as! D
        case .null where D.self == Int64?.self: return Int64?.none as! D
        case .null where D.self == String?.self: return String?.none as! D
        default: return try D(from: SQLite3ValueDecoder(value: value, column: column))
        }
    }

    private func value(_ column: String) throws -> SQLite3Value {
        guard let index = columns.firstIndex(of: column) else {
            throw DecodingError.keyNotFound(
                SQLite3CodingKey(column), .init(codingPath: [], debugDescription: "no column \(column) in the row"))
        }
        return values[index]
    }
}

/// Turns a bound `Encodable` (an integer, a string, a double, a bool, data, or nil) into a SQLite value.
struct SQLite3BindEncoder: Encoder, SingleValueEncodingContainer {
    final class Box { var value: SQLite3Value? }
    let box = Box()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func value(_ bind: any Encodable & Sendable) throws -> SQLite3Value {
        switch bind {
        case let number as Int64: return .integer(number)
        case let text as String: return .text(text)
        case let number as Int: return .integer(Int64(number))
        default:
            let encoder = SQLite3BindEncoder()
            try bind.encode(to: encoder)
            guard let value = encoder.box.value else {
                throw EncodingError.invalidValue(
                    bind, .init(codingPath: [], debugDescription: "a bound value must be a single SQL value"))
            }
            return value
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        preconditionFailure("a bound value must be a single SQL value, not a keyed container")
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("a bound value must be a single SQL value, not a list")
    }
    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    mutating func encodeNil() throws { box.value = .null }
    mutating func encode(_ value: Bool) throws { box.value = .integer(value ? 1 : 0) }
    mutating func encode(_ value: String) throws { box.value = .text(value) }
    mutating func encode(_ value: Double) throws { box.value = .real(value) }
    mutating func encode(_ value: Float) throws { box.value = .real(Double(value)) }
    mutating func encode(_ value: Int) throws { box.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int8) throws { box.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int16) throws { box.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int32) throws { box.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int64) throws { box.value = .integer(value) }
    mutating func encode(_ value: UInt) throws { box.value = .integer(try Self.exact(value)) }
    mutating func encode(_ value: UInt8) throws { box.value = .integer(Int64(value)) }
    mutating func encode(_ value: UInt16) throws { box.value = .integer(Int64(value)) }
    mutating func encode(_ value: UInt32) throws { box.value = .integer(Int64(value)) }
    mutating func encode(_ value: UInt64) throws { box.value = .integer(try Self.exact(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: self) }

    private static func exact(_ value: some BinaryInteger) throws -> Int64 {
        guard let exact = Int64(exactly: value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "too large for SQLite"))
        }
        return exact
    }
}

/// Reads one SQLite value as a `Decodable` (optionals, integers, strings, doubles, bools).
struct SQLite3ValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: SQLite3Value
    let column: String
    var codingPath: [any CodingKey] { [SQLite3CodingKey(column)] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw mismatch(type)
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw mismatch([Any].self) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try integer(type) != 0 }
    func decode(_ type: String.Type) throws -> String {
        guard case .text(let text) = value else { throw mismatch(type) }
        return text
    }
    func decode(_ type: Double.Type) throws -> Double {
        switch value {
        case .real(let number): return number
        case .integer(let number): return Double(number)
        default: throw mismatch(type)
        }
    }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try narrow(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try narrow(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }

    private func integer(_ type: Any.Type) throws -> Int64 {
        guard case .integer(let number) = value else { throw mismatch(type) }
        return number
    }

    private func narrow<Integer: FixedWidthInteger>(_ type: Integer.Type) throws -> Integer {
        guard let number = Integer(exactly: try integer(type)) else { throw mismatch(type) }
        return number
    }

    private func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "column \(column) holds \(value)"))
    }
}

struct SQLite3CodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
