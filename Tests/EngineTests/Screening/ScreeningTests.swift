import Engine
import Law
import Money
import Testing

@Suite("Screening (verhaalsonderzoek)")
struct ScreeningTests {
    static let day = Day(iso: "2026-03-02")!
    static let law = ScenarioRunner.law
    static let earner = DebtorCircumstances(netIncome: Money(euros: 3000), household: .single, assets: Money(euros: 2000))

    func assess(_ outstanding: Money, _ circumstances: DebtorCircumstances?, vulnerable: Bool = false, prescribed: Bool = false,
                court: Bool = true) -> ScreeningResult {
        Screening.assess(outstanding: outstanding, circumstances: circumstances, vulnerable: vulnerable, prescribed: prescribed,
                         mayGoToCourt: court, claimant: .company, on: Self.day, law: Self.law)
    }

    @Test("a solvent debtor with a large debt screens positive")
    func positive() {
        let outcome = assess(Money(euros: 5000), Self.earner)
        #expect(outcome.isPositive && outcome.expectedRecovery == Money(euros: 5000) && outcome.estimatedCost.isPositive)
    }

    @Test("negative: no mandate, prescribed, vulnerable, unknown means, or recovery below cost")
    func negative() {
        #expect(!assess(Money(euros: 5000), Self.earner, court: false).isPositive)
        #expect(!assess(Money(euros: 5000), Self.earner, prescribed: true).isPositive)
        #expect(!assess(Money(euros: 5000), Self.earner, vulnerable: true).isPositive)
        #expect(!assess(Money(euros: 5000), nil).isPositive)
        let poor = DebtorCircumstances(netIncome: Money(euros: 1000), household: .single, otherDebts: Money(euros: 20000))
        let outcome = assess(Money(euros: 800), poor)
        #expect(!outcome.isPositive && outcome.expectedRecovery < outcome.estimatedCost)
    }

    @Test("other debts share what can be recovered")
    func otherDebtsShare() {
        let alone = assess(Money(euros: 20000), DebtorCircumstances(netIncome: Money(euros: 1500), household: .single))
        let shared = assess(Money(euros: 20000), DebtorCircumstances(netIncome: Money(euros: 1500), household: .single,
                                                                     otherDebts: Money(euros: 20000)))
        #expect(shared.expectedRecovery < alone.expectedRecovery)
    }
}
