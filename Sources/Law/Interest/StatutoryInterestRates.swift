public import Money

/// Which statutory interest runs on a claim.
public enum InterestKind: String, Sendable, CaseIterable, Codable {
    /// Art. 6:119 BW: the statutory interest on non-commercial claims (consumers).
    case consumer
    /// Art. 6:119a BW: the statutory commercial interest on transactions between businesses.
    case commercial
}

/// One rate of statutory interest, in force from a day until the next row.
public struct StatutoryRate: Sendable, Equatable {
    /// The first day the rate applies.
    public let from: Day
    /// The yearly rate.
    public let rate: Rate
    /// True when the figure has a single source (the data file marks it UNCONFIRMED).
    public let unconfirmed: Bool
    /// Where the figure comes from.
    public let source: String

    /// A rate in force from `from`.
    public init(from: Day, rate: Rate, unconfirmed: Bool, source: String) {
        self.from = from
        self.rate = rate
        self.unconfirmed = unconfirmed
        self.source = source
    }
}

/// The Dutch statutory interest rates over time (wettelijke rente, art. 6:119 and 6:119a BW), as
/// read from the data file `statutory-interest-nl.csv`.
public struct StatutoryInterestRates: Sendable {
    /// Rows per kind, in date order.
    public let rows: [InterestKind: [StatutoryRate]]

    /// Builds the table from rows per kind; each kind's rows must be in strictly increasing date order.
    public init(rows: [InterestKind: [StatutoryRate]]) {
        for (kind, list) in rows {
            precondition(zip(list, list.dropFirst()).allSatisfy { $0.from < $1.from }, "\(kind) rates out of order")
        }
        self.rows = rows
    }

    /// Parses the table file: columns `from, consumer, consumerStatus, commercial, commercialStatus, source`.
    public init(table: LawTable) throws(LawTableError) {
        var consumer: [StatutoryRate] = []
        var commercial: [StatutoryRate] = []
        for row in table.rows {
            let from = try row.day("from", in: table.name)
            let source = try row.text("source", in: table.name)
            if let previous = consumer.last, previous.from >= from {
                throw LawTableError(
                    table: table.name, line: row.line, column: "from", reason: "rows must be in date order")
            }
            consumer.append(
                StatutoryRate(
                    from: from, rate: try row.rate("consumer", in: table.name),
                    unconfirmed: row.cells["consumerStatus"]?.uppercased() == "UNCONFIRMED", source: source))
            commercial.append(
                StatutoryRate(
                    from: from, rate: try row.rate("commercial", in: table.name),
                    unconfirmed: row.cells["commercialStatus"]?.uppercased() == "UNCONFIRMED", source: source))
        }
        self.init(rows: [.consumer: consumer, .commercial: commercial])
    }

    /// The rate row in force on `day`, or nil before the table's first row.
    public func rate(_ kind: InterestKind, on day: Day) -> StatutoryRate? {
        rows[kind]?.last { $0.from <= day }
    }

    /// The first day after `day` on which the rate of `kind` actually changes (a published row with
    /// the same rate is no change), or nil when none is known.
    public func nextChange(_ kind: InterestKind, after day: Day) -> Day? {
        guard let current = rate(kind, on: day), let list = rows[kind] else { return nil }
        return list.first { $0.from > day && $0.rate != current.rate }?.from
    }

    /// The first day the table covers.
    public func firstDay(_ kind: InterestKind) -> Day? { rows[kind]?.first?.from }
}
