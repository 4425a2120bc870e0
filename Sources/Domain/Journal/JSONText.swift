/// JSON text helpers shared by the journal's canonical payloads and the command-line output.
public enum JSONText {
    /// Appends `text` as a JSON string literal (the same text as `quoted`) to `bytes`.
    public static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        if !needsEscapes(text) {
            bytes.append(UInt8(ascii: "\""))
            bytes += text.utf8
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes += quoted(text).utf8
        }
    }

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        // Most text needs no escape: one scan of its bytes, then one copy.
        if !needsEscapes(text) { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Whether `text` has a quote, a backslash or a control character (anything `quoted` escapes).
    private static func needsEscapes(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }
}
