/// Why a partner-office table was refused: the line and the reason.
public struct PartnerOfficeTableError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line (1-based).
    public let line: Int
    /// What is wrong.
    public let reason: String

    /// An error at `line`.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}
