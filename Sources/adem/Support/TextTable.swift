/// A plain text table for people: a header row, a rule, and columns padded to their widest cell.
/// Columns listed in `rightAligned` (amounts, counts) are aligned to the right.
struct TextTable {
    let header: [String]
    var rows: [[String]] = []
    var rightAligned: Set<Int> = []

    init(_ header: String..., rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    mutating func add(_ cells: String...) { rows.append(cells) }

    var rendered: String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

/// Two columns, label and value: the form of a single result.
struct KeyValueTable {
    var pairs: [(String, String)] = []

    mutating func add(_ label: String, _ value: String) { pairs.append((label, value)) }

    var rendered: String {
        let width = pairs.map(\.0.count).max() ?? 0
        return pairs.map { $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 }
            .joined(separator: "\n")
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
