/// Why a strategy text was refused: the line (1-based; 0 when unknown), the field path and the reason.
public struct StrategyParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line of the offending node.
    public let line: Int
    /// The field, as a path such as `steps[2].channel`.
    public let field: String
    /// What is wrong.
    public let reason: String

    /// An error at `line` in `field`.
    public init(line: Int, field: String, reason: String) {
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String { "line \(line): \(field): \(reason)" }
}
