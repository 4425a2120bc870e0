import Domain
import Engine
import Money
import Testing

@Suite("Referrals")
struct ReferralTests {
    @Test("the partner-office table reads offices and names the bad line")
    func partnerOffices() throws {
        let table = try PartnerOfficeTable(parsing: "# country;name;handover\nBE;Partner Brussel;be@example.be\n\nde ; Partner Köln ; de@example.de\n")
        #expect(table.office(for: CountryCode("DE")!)?.name == "Partner Köln")
        #expect(table.office(for: CountryCode("FR")!) == nil)
        #expect(throws: PartnerOfficeTableError(line: 2, reason: "unknown country XX")) {
            try PartnerOfficeTable(parsing: "BE;a;b\nXX;a;b")
        }
        #expect(throws: PartnerOfficeTableError(line: 1, reason: "expected country;name;handover, got 2 fields")) {
            try PartnerOfficeTable(parsing: "BE;a")
        }
        #expect(throws: PartnerOfficeTableError(line: 2, reason: "a second office for BE")) {
            try PartnerOfficeTable(parsing: "BE;a;b\nBE;c;d")
        }
    }

    @Test("the claim statement lists the claims with principal, interest, costs and payments on the reference day")
    func claimStatement() {
        let runner = ScenarioRunner.ran("""
            scenario: statement
            debtor: consumer
            claim: F-2 due 2026-01-20 amount 200.00
            claim: F-1 due 2026-01-05 amount 800.00
            open: 2026-02-02
            until: 2026-03-12
            2026-03-05 pay 100.00
            2026-03-10 counselling Gemeente
            """)
        let referred = runner.journal.first { $0.type == .referred }
        #expect(referred?.payload["principal"] == "1000.00" && referred?.payload["costs"] == "150.00")
        #expect(referred?.payload["paid"] == "100.00" && referred?.payload["statementTo"] == "counsellor")
        let balances = runner.balances
        let statement = ClaimStatement(dossierID: runner.dossier.id, claims: runner.claims, balances: balances, on: Day(iso: "2026-03-10")!)
        #expect(statement.lines.map(\.invoiceNumber) == ["F-1", "F-2"])
        #expect(statement.outstanding == balances.outstanding)
        #expect(referred?.payload["outstanding"] == statement.outstanding.description)
    }
}
