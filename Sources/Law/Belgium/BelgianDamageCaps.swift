public import Money

/// One bracket of the Belgian cap on flat damages for consumers.
public struct DamageCapBracket: Sendable, Equatable {
    /// The highest balance of the bracket; nil for the open top bracket.
    public let upTo: Money?
    /// The fixed part.
    public let fixed: Money
    /// The rate over the balance above `over`.
    public let rate: Rate
    /// The balance above which `rate` runs.
    public let over: Money
    /// The most the bracket allows, if bounded.
    public let maximum: Money?
    /// True when the row is UNCONFIRMED in the data file.
    public let unconfirmed: Bool
}

/// Belgium, Book XIX of the Code of Economic Law (art. XIX.4): after a free first reminder and a
/// waiting period, a consumer contract may charge flat damages up to a cap set by the balance:
/// up to 150: 20; 150.01-500: 30 + 10% above 150; above 500: 65 + 5% above 500, at most 2,000.
public struct BelgianDamageCaps: Sendable, Equatable {
    /// The brackets, from the lowest balance up.
    public let brackets: [DamageCapBracket]

    /// The rounding of the cap: half-up to cents.
    public static let rounding = Rounding.halfUp

    /// Reads the brackets from `damage-caps-be.csv`.
    public init(table: LawTable) throws(LawTableError) {
        var brackets: [DamageCapBracket] = []
        for row in table.rows {
            let upToText = row.cells["upTo"] ?? ""
            let maximumText = row.cells["maximum"] ?? ""
            brackets.append(
                DamageCapBracket(
                    upTo: upToText.isEmpty ? nil : try row.money("upTo", in: table.name),
                    fixed: try row.money("fixed", in: table.name),
                    rate: try row.rate("percent", in: table.name),
                    over: try row.money("over", in: table.name),
                    maximum: maximumText.isEmpty ? nil : try row.money("maximum", in: table.name),
                    unconfirmed: row.isUnconfirmed))
        }
        guard brackets.last?.upTo == nil else {
            throw LawTableError(table: table.name, line: 0, column: "upTo", reason: "the last bracket must be open")
        }
        self.brackets = brackets
    }

    /// The bracket a balance falls in.
    public func bracket(for balance: Money) -> DamageCapBracket {
        brackets.first { $0.upTo.map { balance <= $0 } ?? true }!
    }

    /// The largest flat damages a consumer contract may charge on `balance`.
    public func cap(balance: Money) -> CollectionCosts {
        let bracket = bracket(for: balance)
        let above = Money.max(.zero, balance - bracket.over)
        var cap = bracket.fixed + above.multiplied(by: bracket.rate, rounding: Self.rounding)
        var limit: CostLimit? = .cap
        if let maximum = bracket.maximum, cap > maximum {
            cap = maximum
            limit = .maximum
        }
        return CollectionCosts(principal: balance, costs: cap, vat: .zero, limitApplied: limit)
    }
}
