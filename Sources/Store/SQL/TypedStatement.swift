import SQLKit
import Synchronization

/// A statement written once with `TypedStatement.mark` where each bound value goes, and its typed
/// values. Each engine renders the marks as its placeholders (`?` or `$n`) and binds the values its
/// own way, so a hot statement skips SQLKit's per-fragment serialization and per-value casts.
struct TypedStatement: SQLExpression {
    /// Where a bound value goes in `template`.
    static let mark: Character = "\u{1}"

    /// The SQL with one `mark` per value.
    let template: String
    /// The values, in order.
    let binds: [SQLValue]

    /// The SQL with placeholders numbered from `firstPosition` (`$n`) or plain (`?`).
    func text(numbered: Bool, firstPosition: Int = 1) -> String {
        var text = ""
        text.reserveCapacity(template.utf8.count + binds.count * 4)
        var position = firstPosition
        for character in template {
            if character == Self.mark {
                text += numbered ? "$\(position)" : "?"
                position += 1
            } else {
                text.append(character)
            }
        }
        precondition(
            position - firstPosition == binds.count,
            "a statement has \(position - firstPosition) marks for \(binds.count) values")
        return text
    }

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(
            text(numbered: serializer.dialect.name == "postgresql", firstPosition: serializer.binds.count + 1))
        for value in binds { serializer.binds.append(value.encodable) }
    }
}

/// Text values collected from result rows on the engine's thread.
final class CollectedTexts: Sendable {
    private let values = Mutex<[String]>([])

    /// Adds one value.
    func append(_ value: String) { values.withLock { $0.append(value) } }

    /// Everything collected.
    var all: [String] { values.withLock { $0 } }
}
