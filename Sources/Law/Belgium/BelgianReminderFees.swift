public import Money

/// The most a Belgian creditor may charge for a reminder to a consumer (Book XIX WER, art. XIX.2):
/// the first reminder of a year is free; for regular-supply contracts the first three are, and
/// each further one costs at most a fixed fee plus postage.
public struct BelgianReminderFees: Sendable, Equatable {
    /// The kind of contract the claim comes from.
    public enum Contract: String, Sendable, CaseIterable {
        /// Any consumer contract.
        case standard
        /// A contract of regular supply (energy, water, telecom).
        case regularSupply = "regular-supply"
    }

    /// Free reminders per year and the fee after them, per kind of contract.
    public let rules: [Contract: (free: Int, feeAfter: Money)]

    /// Reads `reminder-fees-be.csv`.
    public init(table: LawTable) throws(LawTableError) {
        var rules: [Contract: (free: Int, feeAfter: Money)] = [:]
        for row in table.rows {
            let name = try row.text("contract", in: table.name)
            guard let contract = Contract(rawValue: name) else {
                throw LawTableError(
                    table: table.name, line: row.line, column: "contract", reason: "unknown contract '\(name)'")
            }
            let freeText = try row.text("freeRemindersPerYear", in: table.name)
            guard let free = Int(freeText), free >= 0 else {
                throw LawTableError(
                    table: table.name, line: row.line, column: "freeRemindersPerYear",
                    reason: "'\(freeText)' is not a count")
            }
            rules[contract] = (free, try row.money("feeAfterFreeMax", in: table.name))
        }
        guard rules.count == Contract.allCases.count else {
            throw LawTableError(
                table: table.name, line: 0, column: "contract", reason: "every kind of contract needs a row")
        }
        self.rules = rules
    }

    /// The most the `number`-th reminder of a year (from 1) may cost, excluding postage; zero when free.
    public func maximumFee(reminder number: Int, contract: Contract) -> Money {
        precondition(number >= 1, "reminders count from 1")
        let rule = rules[contract]!
        return number <= rule.free ? .zero : rule.feeAfter
    }

    public static func == (left: Self, right: Self) -> Bool {
        Contract.allCases.allSatisfy {
            left.rules[$0]?.free == right.rules[$0]?.free && left.rules[$0]?.feeAfter == right.rules[$0]?.feeAfter
        }
    }
}
