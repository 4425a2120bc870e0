import Domain

/// A JSON value whose object keys keep the order they were written in, so command output is
/// stable and reads in the documented order: `{"principal": "3150.00", "costs": "..."}`.
enum JSONOutput {
    case string(String)
    case number(Int)
    case bool(Bool)
    case array([JSONOutput])
    case object([(String, JSONOutput)])
    case null

    /// One line, with a space after each colon and comma.
    var rendered: String {
        switch self {
        case .string(let text): return JSONText.quoted(text)
        case .number(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.rendered).joined(separator: ", ") + "]"
        case .object(let fields):
            return "{" + fields.map { JSONText.quoted($0.0) + ": " + $0.1.rendered }.joined(separator: ", ") + "}"
        }
    }
}
