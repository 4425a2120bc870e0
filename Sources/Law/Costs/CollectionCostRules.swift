public import Money

/// Whether a debtor is a consumer (natural person not acting for a business) or a business.
public enum DebtorKind: String, Sendable, CaseIterable, Codable {
    /// A natural person not acting in the course of a profession or business.
    case consumer
    /// A company, or a natural person acting in the course of a business.
    case business
}

/// One slice of the BIK staffel: the part of the principal between `lower` and `upper` at `rate`.
public struct CostSlice: Sendable, Equatable {
    /// Where the slice starts.
    public let lower: Money
    /// Where it ends; nil for the open top slice.
    public let upper: Money?
    /// The rate charged over the part of the principal inside the slice.
    public let rate: Rate

    /// A slice from `lower` to `upper` at `rate`.
    public init(lower: Money, upper: Money?, rate: Rate) {
        self.lower = lower
        self.upper = upper
        self.rate = rate
    }
}

/// The rules for Dutch extrajudicial collection costs, as read from the data files
/// `collection-costs-nl.csv` (the staffel) and `collection-costs-limits-nl.csv` (minimum, maximum,
/// VAT, Wki cap).
public struct CollectionCostRules: Sendable, Equatable {
    /// The staffel slices, from the lowest up, without gaps.
    public let slices: [CostSlice]
    /// The smallest fee (Besluit BIK art. 2 lid 1: EUR 40).
    public let minimum: Money
    /// The largest fee (EUR 6,775).
    public let maximum: Money
    /// The VAT rate added when the creditor cannot deduct VAT.
    public let vatRate: Rate
    /// Claims with a monthly amount below this fall under the Wki cap (nil: no cap).
    public let wkiMonthlyThreshold: Money?
    /// The most collection costs may total per six months for such claims.
    public let wkiCapPerSixMonths: Money?
    /// True when the Wki figures come from an UNCONFIRMED row.
    public let wkiUnconfirmed: Bool

    /// Rules from explicit figures; slices must be contiguous from zero.
    public init(
        slices: [CostSlice], minimum: Money, maximum: Money, vatRate: Rate,
        wkiMonthlyThreshold: Money?, wkiCapPerSixMonths: Money?, wkiUnconfirmed: Bool
    ) {
        precondition(slices.first?.lower == .zero, "the staffel starts at zero")
        precondition(zip(slices, slices.dropFirst()).allSatisfy { $0.upper == $1.lower }, "the staffel has a gap")
        self.slices = slices
        self.minimum = minimum
        self.maximum = maximum
        self.vatRate = vatRate
        self.wkiMonthlyThreshold = wkiMonthlyThreshold
        self.wkiCapPerSixMonths = wkiCapPerSixMonths
        self.wkiUnconfirmed = wkiUnconfirmed
    }

    /// Reads the rules in force on `day` from the staffel and limits tables.
    public init(staffel: LawTable, limits: LawTable, on day: Day) throws(LawTableError) {
        var slices: [CostSlice] = []
        var sliceFrom: Day?
        for row in staffel.rows {
            let validFrom = try row.day("validFrom", in: staffel.name)
            guard validFrom <= day else { continue }
            if let current = sliceFrom, validFrom > current { slices = [] }
            sliceFrom = validFrom
            let upperText = row.cells["sliceTo"] ?? ""
            let slice = CostSlice(
                lower: try row.money("sliceFrom", in: staffel.name),
                upper: upperText.isEmpty ? nil : try row.money("sliceTo", in: staffel.name),
                rate: try row.rate("percent", in: staffel.name))
            if let previous = slices.last, previous.upper != slice.lower {
                throw LawTableError(
                    table: staffel.name, line: row.line, column: "sliceFrom",
                    reason: "slice must start where the previous one ends")
            }
            slices.append(slice)
        }
        guard !slices.isEmpty, slices[0].lower == .zero else {
            throw LawTableError(
                table: staffel.name, line: 0, column: nil, reason: "no staffel from zero in force on \(day)")
        }
        var inForce: LawTable.Row?
        for row in limits.rows where try row.day("validFrom", in: limits.name) <= day { inForce = row }
        guard let row = inForce else {
            throw LawTableError(table: limits.name, line: 0, column: nil, reason: "no limits in force on \(day)")
        }
        let threshold = row.cells["wkiMonthlyThreshold"] ?? ""
        self.init(
            slices: slices,
            minimum: try row.money("minimum", in: limits.name),
            maximum: try row.money("maximum", in: limits.name),
            vatRate: try row.rate("vatPercent", in: limits.name),
            wkiMonthlyThreshold: threshold.isEmpty ? nil : try row.money("wkiMonthlyThreshold", in: limits.name),
            wkiCapPerSixMonths: threshold.isEmpty ? nil : try row.money("wkiCapPerSixMonths", in: limits.name),
            wkiUnconfirmed: row.isUnconfirmed)
    }
}
