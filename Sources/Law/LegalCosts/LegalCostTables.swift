/// The three law tables a legal-track cost estimate reads (law notes section 6).
public struct LegalCostTables: Sendable {
    /// Court fees (court-fees-nl.csv).
    public let courtFees: CourtFeeTable
    /// Bailiffs' fees (bailiff-fees-nl.csv).
    public let bailiffFees: BailiffFeeTable
    /// The lawyers' tariff per point (lawyer-tariff-nl.csv).
    public let lawyerTariff: LawyerTariffTable

    /// The tables, already parsed.
    public init(courtFees: CourtFeeTable, bailiffFees: BailiffFeeTable, lawyerTariff: LawyerTariffTable) {
        self.courtFees = courtFees
        self.bailiffFees = bailiffFees
        self.lawyerTariff = lawyerTariff
    }

    /// Parses the three tables; a `LawTableError` names the table, line and column of the first bad cell.
    public init(courtFees: LawTable, bailiffFees: LawTable, lawyerTariff: LawTable) throws(LawTableError) {
        self.init(
            courtFees: try CourtFeeTable(courtFees), bailiffFees: try BailiffFeeTable(bailiffFees),
            lawyerTariff: try LawyerTariffTable(lawyerTariff))
    }
}
