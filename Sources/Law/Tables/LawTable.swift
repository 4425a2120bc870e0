public import Money

/// A law data table as text: a header row, then one row per period or bracket, comma-separated.
///
/// Lines starting with `#` are comments and blank lines are skipped, so every file can carry its
/// sources and notes beside the figures. Parsing is pure; `LawData` reads the files.
public struct LawTable: Sendable {
    /// One data row: its line number in the file and its cells by column name.
    public struct Row: Sendable {
        /// The 1-based line number in the file, for error messages.
        public let line: Int
        /// Cells by header name, spaces trimmed.
        public let cells: [String: String]

        /// The cell of `column`, or a `LawTableError` naming the line and column when it is missing.
        public func text(_ column: String, in table: String) throws(LawTableError) -> String {
            guard let value = cells[column], !value.isEmpty else {
                throw LawTableError(table: table, line: line, column: column, reason: "missing value")
            }
            return value
        }
    }

    /// The table's name (its file name), for error messages.
    public let name: String
    /// The column names from the header row.
    public let columns: [String]
    /// The data rows in file order.
    public let rows: [Row]

    /// Parses `text` as the table `name`.
    public init(name: String, text: String) throws(LawTableError) {
        self.name = name
        var header: [String]?
        var rows: [Row] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingSuffix("\r").trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            guard let names = header else {
                header = cells
                continue
            }
            guard cells.count == names.count else {
                throw LawTableError(
                    table: name, line: index + 1, column: nil,
                    reason: "expected \(names.count) cells, found \(cells.count)")
            }
            rows.append(Row(line: index + 1, cells: Dictionary(uniqueKeysWithValues: zip(names, cells))))
        }
        guard let header else { throw LawTableError(table: name, line: 0, column: nil, reason: "no header row") }
        self.columns = header
        self.rows = rows
    }
}

/// A law table that cannot be used, with the place and the reason.
public struct LawTableError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The table's name.
    public let table: String
    /// The 1-based line, 0 for the file as a whole.
    public let line: Int
    /// The column, when one cell is at fault.
    public let column: String?
    /// What is wrong.
    public let reason: String

    /// Creates an error for `table` at `line` (and `column`).
    public init(table: String, line: Int, column: String?, reason: String) {
        self.table = table
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        "\(table) line \(line)" + (column.map { ", column \($0)" } ?? "") + ": \(reason)"
    }
}

extension LawTable.Row {
    /// The cell of `column` as a day (`YYYY-MM-DD`).
    public func day(_ column: String, in table: String) throws(LawTableError) -> Day {
        let text = try self.text(column, in: table)
        guard let day = Day(iso: text) else {
            throw LawTableError(table: table, line: line, column: column, reason: "'\(text)' is not a day YYYY-MM-DD")
        }
        return day
    }

    /// The cell of `column` as an amount (`1234.56`).
    public func money(_ column: String, in table: String) throws(LawTableError) -> Money {
        let text = try self.text(column, in: table)
        do {
            return try Money(parsing: text)
        } catch {
            throw LawTableError(table: table, line: line, column: column, reason: error.description)
        }
    }

    /// The cell of `column` as a percentage (`12.25`).
    public func rate(_ column: String, in table: String) throws(LawTableError) -> Rate {
        let text = try self.text(column, in: table)
        guard let rate = Rate(percent: text) else {
            throw LawTableError(table: table, line: line, column: column, reason: "'\(text)' is not a percentage")
        }
        return rate
    }

    /// True when the row's `status` cell says UNCONFIRMED (a figure with a single source).
    public var isUnconfirmed: Bool { cells["status"]?.uppercased() == "UNCONFIRMED" }
}

extension StringProtocol {
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? Substring(self).dropLast(suffix.count) : Substring(self)
    }

    fileprivate var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
