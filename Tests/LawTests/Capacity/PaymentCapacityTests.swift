import Law
import LawData
import Money
import Testing

@Suite struct PaymentCapacityTests {
    static let table = """
        # test table
        from,household,amount,housingRaiseMax,status,source
        2021-01-01,single,967.90,376.89,,notes
        2021-01-01,couple,1382.71,376.89,UNCONFIRMED,notes
        2022-01-01,single,1000.00,400.00,UNCONFIRMED,made up for the test
        """

    static func norms() throws -> ProtectedIncomeTable {
        try ProtectedIncomeTable(LawTable(name: "t.csv", text: table))
    }

    static let day = Day(iso: "2021-06-01")!

    @Test func aSingleDebtorWithRoomGetsAPlan() throws {
        // 1,600.00 - (967.90 + 200.00) - 100.00 = 332.10
        let result = try PaymentCapacity.assess(
            netIncome: Money(euros: 1600), household: .single, housingCostsRaise: Money(euros: 200),
            fixedCosts: Money(euros: 100),
            on: Self.day, table: Self.norms())
        #expect(result.protectedIncome == Money(cents: 116_790))
        #expect(result.capacity == Money(cents: 33_210))
        #expect(result.advice == .plan(maxInstalment: Money(cents: 33_210)))
        #expect(result.tableDay == Day(iso: "2021-01-01")!)
    }

    @Test func theHousingRaiseIsCappedByTheTable() throws {
        // 2,000.00 - (967.90 + 376.89) = 655.21; the 500.00 asked for is capped at 376.89.
        let result = try PaymentCapacity.assess(
            netIncome: Money(euros: 2000), household: .single, housingCostsRaise: Money(euros: 500), on: Self.day,
            table: Self.norms())
        #expect(result.housingRaise == Money(cents: 37_689))
        #expect(result.capacity == Money(cents: 65_521))
    }

    @Test func noRoomMeansDeferralAndDebtHelpNeverANegativePlan() throws {
        // 1,400.00 - 1,382.71 - 50.00 = -32.71
        let result = try PaymentCapacity.assess(
            netIncome: Money(euros: 1400), household: .couple, fixedCosts: Money(euros: 50), on: Self.day,
            table: Self.norms())
        #expect(result.capacity == Money(cents: -3_271))
        #expect(result.advice == .deferAndReferToDebtHelp)
        #expect(result.norm.isUnconfirmed)
        let exactlyZero = try PaymentCapacity.assess(
            netIncome: Money(cents: 96_790), household: .single, on: Self.day, table: Self.norms())
        #expect(exactlyZero.advice == .deferAndReferToDebtHelp)
    }

    @Test func theLatestRowOnOrBeforeTheDayIsUsed() throws {
        let result = try PaymentCapacity.assess(
            netIncome: Money(euros: 1500), household: .single, on: Day(iso: "2022-03-01")!, table: Self.norms())
        #expect(result.tableDay == Day(iso: "2022-01-01")!)
        #expect(result.capacity == Money(euros: 500))
        #expect(throws: PaymentCapacityError.noNorm(household: .single, day: Day(iso: "2020-12-31")!)) {
            try PaymentCapacity.assess(
                netIncome: Money(euros: 1500), household: .single, on: Day(iso: "2020-12-31")!, table: Self.norms())
        }
    }

    @Test func badRowsNameTheirLineAndColumn() {
        #expect(
            throws: LawTableError(
                table: "t.csv", line: 3, column: "household",
                reason: "'solo' is not one of single, couple, single-pension, couple-pension")
        ) {
            try ProtectedIncomeTable(
                LawTable(
                    name: "t.csv",
                    text:
                        "from,household,amount,housingRaiseMax,status,source\n2021-01-01,single,1.00,1.00,,s\n2021-01-01,solo,1.00,1.00,,s\n"
                ))
        }
        #expect(
            throws: LawTableError(
                table: "t.csv", line: 3, column: "from",
                reason: "2020-01-01 comes before 2021-01-01 on line 2: rows must be in date order")
        ) {
            try ProtectedIncomeTable(
                LawTable(
                    name: "t.csv",
                    text:
                        "from,household,amount,housingRaiseMax,status,source\n2021-01-01,single,1.00,1.00,,s\n2020-01-01,couple,1.00,1.00,,s\n"
                ))
        }
        #expect(
            throws: LawTableError(
                table: "t.csv", line: 2, column: "amount",
                reason: "'abc' is not an amount (expected e.g. 1234.56 or 1.234,56)")
        ) {
            try ProtectedIncomeTable(
                LawTable(
                    name: "t.csv",
                    text: "from,household,amount,housingRaiseMax,status,source\n2021-01-01,single,abc,1.00,,s\n"))
        }
        #expect(
            throws: LawTableError(
                table: "t.csv", line: 3, column: "household", reason: "single appears twice for 2021-01-01")
        ) {
            try ProtectedIncomeTable(
                LawTable(
                    name: "t.csv",
                    text:
                        "from,household,amount,housingRaiseMax,status,source\n2021-01-01,single,1.00,1.00,,s\n2021-01-01,single,2.00,1.00,,s\n"
                ))
        }
        #expect(throws: LawTableError(table: "t.csv", line: 2, column: "source", reason: "missing value")) {
            try ProtectedIncomeTable(
                LawTable(
                    name: "t.csv",
                    text: "from,household,amount,housingRaiseMax,status,source\n2021-01-01,single,1.00,1.00,,\n"))
        }
    }

    @Test func theShippedTableHasTheFiguresOfTheLawNotes() throws {
        let table = try ProtectedIncomeTable(LawData.table("protected-income-nl.csv"))
        let january2021 = Day(iso: "2021-01-01")!
        #expect(table.norm(for: .single, on: january2021)?.amount == Money(cents: 96_790))
        #expect(table.norm(for: .couple, on: january2021)?.amount == Money(cents: 138_271))
        #expect(table.norm(for: .singlePension, on: january2021)?.amount == Money(cents: 107_637))
        #expect(table.norm(for: .couplePension, on: january2021)?.amount == Money(cents: 145_867))
        #expect(table.norm(for: .single, on: january2021)?.housingRaiseMax == Money(cents: 37_689))
    }
}
