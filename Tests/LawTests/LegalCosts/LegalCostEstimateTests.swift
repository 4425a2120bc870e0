import Law
import LawData
import Money
import Testing

@Suite struct LegalCostEstimateTests {
    static func shippedTables() throws -> LegalCostTables {
        try LegalCostTables(
            courtFees: LawData.table("court-fees-nl.csv"), bailiffFees: LawData.table("bailiff-fees-nl.csv"),
            lawyerTariff: LawData.table("lawyer-tariff-nl.csv"))
    }

    static let day = Day(iso: "2025-03-01")!

    @Test func aCompanyClaimOf1200WithOnePoint() throws {
        let estimate = try LegalCostEstimate.estimate(
            claim: Money(euros: 1200), claimant: .company, on: Self.day, tables: Self.shippedTables())
        #expect(estimate.items.map(\.kind) == LegalCostItem.Kind.allCases)
        #expect(estimate.amount(of: .courtFee) == Money(euros: 328))
        #expect(estimate.amount(of: .summons) == Money(cents: 10_673))
        #expect(estimate.amount(of: .serviceOfJudgment) == Money(cents: 11_620))
        #expect(estimate.amount(of: .attachmentOfWages) == Money(cents: 15_717))
        #expect(estimate.amount(of: .lawyerFee) == Money(euros: 135))
        // 328 + 106.73 + 116.20 + 157.17 + 135 = 843.10
        #expect(estimate.total == Money(cents: 84_310))
        #expect(estimate.usesUnconfirmedFigures)
    }

    @Test func aNaturalPersonsLargeClaimWithTwoPoints() throws {
        let estimate = try LegalCostEstimate.estimate(
            claim: Money(euros: 15_000), claimant: .naturalPerson, on: Self.day, tables: Self.shippedTables(),
            lawyerPoints: 2)
        #expect(estimate.amount(of: .courtFee) == Money(euros: 706))
        #expect(estimate.amount(of: .lawyerFee) == Money(euros: 812))
        #expect(estimate.lawyerPoints == 2)
    }

    @Test(
        arguments: [
            (50_000, 130_00, 87_00, 82_00), (50_001, 328_00, 218_00, 135_00), (150_000, 328_00, 218_00, 204_00),
            (250_000, 372_00, 248_00, 204_00), (500_000, 496_00, 248_00, 271_00), (1_250_000, 524_00, 248_00, 406_00),
            (1_250_001, 1_409_00, 706_00, 406_00), (25_000, 130_00, 87_00, 40_00), (375_000, 496_00, 248_00, 238_00),
            (1_000_000, 524_00, 248_00, 339_00), (4_000_000, 1_409_00, 706_00, 543_00),
        ] as [(Int64, Int64, Int64, Int64)])
    func bandsIncludeTheirUpperLimit(claimCents: Int64, company: Int64, naturalPerson: Int64, perPoint: Int64) throws {
        let tables = try Self.shippedTables()
        let claim = Money(cents: claimCents)
        #expect(tables.courtFees.fee(claim: claim, claimant: .company, on: Self.day)?.amount == Money(cents: company))
        #expect(
            tables.courtFees.fee(claim: claim, claimant: .naturalPerson, on: Self.day)?.amount
                == Money(cents: naturalPerson))
        #expect(tables.lawyerTariff.perPoint(claim: claim, on: Self.day)?.amount == Money(cents: perPoint))
    }

    @Test func whatTheTablesDoNotCoverIsAnError() throws {
        let tables = try Self.shippedTables()
        #expect(throws: LegalCostError.noLawyerTariff(claim: Money(euros: 40_001), day: Self.day)) {
            try LegalCostEstimate.estimate(
                claim: Money(euros: 40_001), claimant: .company, on: Self.day, tables: tables)
        }
        let early = Day(iso: "2023-06-01")!
        #expect(throws: LegalCostError.noCourtFee(claim: Money(euros: 100), day: early)) {
            try LegalCostEstimate.estimate(claim: Money(euros: 100), claimant: .company, on: early, tables: tables)
        }
        #expect(throws: LegalCostError.lawyerPointsOutOfRange(11)) {
            try LegalCostEstimate.estimate(
                claim: Money(euros: 100), claimant: .company, on: Self.day, tables: tables, lawyerPoints: 11)
        }
    }

    @Test func bandsThatDoNotRiseAreRejected() {
        let text =
            "from,claimUpTo,perPoint,status,source\n2024-01-01,500.00,1.00,,s\n2024-01-01,,2.00,,s\n2024-01-01,900.00,3.00,,s\n"
        #expect(
            throws: LawTableError(
                table: "t.csv", line: 4, column: "claimUpTo",
                reason: "bands of one period must rise, and only the last may be open (empty)")
        ) {
            try LawyerTariffTable(LawTable(name: "t.csv", text: text))
        }
    }

    @Test func anUnknownBailiffActIsNamed() {
        let text = "from,act,amount,status,source\n2024-01-01,eviction,1.00,,s\n"
        #expect(
            throws: LawTableError(
                table: "t.csv", line: 2, column: "act",
                reason: "'eviction' is not one of summons, service-of-judgment, attachment-of-wages")
        ) {
            try BailiffFeeTable(LawTable(name: "t.csv", text: text))
        }
    }

    @Test func theAverageProcedureCostDefaultsTo1500AndCanBeChanged() {
        #expect(LegalTrackAssumptions().averageProcedureCost == Money(euros: 1500))
        #expect(
            LegalTrackAssumptions(averageProcedureCost: Money(euros: 1800)).averageProcedureCost == Money(euros: 1800))
    }
}
