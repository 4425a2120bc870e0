import Domain
import Engine
import Foundation
import Law
import Money
import Testing

@Suite("Strategies as data")
struct StrategyParserTests {
    /// docs/strategies/standard.yaml, found from this file's place in the package.
    static let standardYAML: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/strategies/standard.yaml")
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    @Test("the shipped standard.yaml is the built-in standard strategy")
    func shippedFileEqualsBuiltIn() throws {
        #expect(try StrategyParser.parse(Self.standardYAML) == Strategy.standard)
    }

    @Test("conditions are read with their types")
    func conditions() throws {
        let strategy = try StrategyParser.parse("""
            name: business
            steps:
              - id: letter
                action: reminderLetter
                channel: letter
                template: letter-14
                wait: 0
                when:
                  minimumAmount: "100.00"
                  maximumAmount: "5000.00"
                  debtorKinds: [business]
                  minimumDaysOverdue: 30
                  responded: false
            screening:
              afterDays: 7
              minimumAmount: "500.00"
            closing:
              afterDays: 30
              reason: writtenOff
            """)
        let conditions = strategy.steps[0].conditions
        #expect(conditions == StepConditions(minimumAmount: Money(euros: 100), maximumAmount: Money(euros: 5000),
                                             debtorKinds: [.business], minimumDaysOverdue: 30, responded: false))
    }

    @Test("errors name the line and the field", arguments: [
        ("name: x\nsteps: []\nscreening: {afterDays: 1, minimumAmount: '1.00'}\nclosing: {afterDays: 1, reason: paid}", 2, "steps"),
        ("name: x\nsteps:\n  - id: a\n    action: shout\n    channel: email\n    template: t\n    wait: 0\nscreening: {afterDays: 1, minimumAmount: '1.00'}\nclosing: {afterDays: 1, reason: paid}",
         4, "steps[0].action"),
        ("name: x\nsteps:\n  - id: a\n    action: call\n    channel: phone\n    template: t\n    wait: soon\nscreening: {afterDays: 1, minimumAmount: '1.00'}\nclosing: {afterDays: 1, reason: paid}",
         7, "steps[0].wait"),
        ("name: x\nsteps:\n  - id: a\n    action: call\n    channel: phone\n    template: t\n    wait: 1\n    colour: red\nscreening: {afterDays: 1, minimumAmount: '1.00'}\nclosing: {afterDays: 1, reason: paid}",
         8, "steps[0].colour"),
        ("name: x\nsteps:\n  - id: a\n    action: call\n    channel: phone\n    template: t\n    wait: 1\nscreening: {afterDays: 1, minimumAmount: 'lots'}\nclosing: {afterDays: 1, reason: paid}",
         8, "screening.minimumAmount"),
        ("name: x\nsteps: [\n", 3, "(document)"),
    ])
    func errorsPointAtLineAndField(text: String, line: Int, field: String) {
        #expect {
            _ = try StrategyParser.parse(text)
        } throws: { error in
            guard let error = error as? StrategyParseError else { return false }
            return error.line == line && error.field == field
        }
    }

    @Test("a client's reference picks its strategy, unknown names get the standard one")
    func catalog() throws {
        let custom = Strategy(name: "soft", steps: [StrategyStep(id: "a", action: .reminder, channel: .email, template: "t", waitDays: 0)],
                              screening: ScreeningRule(afterDays: 1, minimumAmount: .zero), closing: ClosingRule(afterDays: 1, reason: .writtenOff))
        let catalog = StrategyCatalog([custom])
        #expect(catalog.strategy(for: StrategyReference(name: "soft")) == custom)
        #expect(catalog.strategy(for: StrategyReference(name: "missing")) == .standard)
    }
}
