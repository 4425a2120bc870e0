/// A small builder of indented, escaped, well-formed markup.
struct HTMLPage {
    let language: ReportLanguage
    private(set) var text = ""
    private var depth = 0

    init(language: ReportLanguage) { self.language = language }

    /// Text with `&`, `<`, `>` and `"` escaped, for content and attribute values.
    static func escaped(_ raw: String) -> String {
        var result = ""
        result.reserveCapacity(raw.utf8.count)
        for character in raw {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    private static func attributes(_ attributes: [String: String]) -> String {
        attributes.keys.sorted().map { " \($0)=\"\(escaped(attributes[$0]!))\"" }.joined()
    }

    /// A line of raw markup at the current depth.
    mutating func line(_ markup: String) {
        text += String(repeating: "  ", count: depth) + markup + "\n"
    }

    /// Escaped text on its own line.
    mutating func text(_ content: String) { line(HTMLPage.escaped(content)) }

    /// Opens `tag`.
    mutating func open(_ tag: String, _ attributes: [String: String] = [:]) {
        line("<\(tag)\(HTMLPage.attributes(attributes))>")
        depth += 1
    }

    /// Closes `tag`.
    mutating func close(_ tag: String) {
        depth -= 1
        line("</\(tag)>")
    }

    /// `tag` with escaped `content` on one line.
    mutating func element(_ tag: String, _ content: String, _ attributes: [String: String] = [:]) {
        line("<\(tag)\(HTMLPage.attributes(attributes))>\(HTMLPage.escaped(content))</\(tag)>")
    }

    /// An empty element written self-closed, `<rect ... />`.
    mutating func empty(_ tag: String, _ attributes: [String: String]) {
        line("<\(tag)\(HTMLPage.attributes(attributes)) />")
    }
}
