import Domain
import Engine
import Foundation
import Simulation
import Testing

/// The reference preset's strategy ships twice, as the built-in text and as the file a reader opens.
@Suite struct ReferenceAgencyStrategyTests {
    @Test func theShippedFileIsTheBuiltInTextAndParses() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/strategies/reference-2024.yaml")
        #expect(try String(contentsOf: url, encoding: .utf8) == ReferenceAgencyStrategy.yaml)
        let strategy = try StrategyParser.parse(ReferenceAgencyStrategy.yaml)
        #expect(strategy.name == "reference-2024")
        // E-mail first, the 14-day letter by post, three calls.
        #expect(strategy.steps.first?.channel == .email)
        #expect(strategy.steps.filter { $0.action == .reminderLetter }.map(\.channel) == [.letter])
        #expect(strategy.steps.filter { $0.channel == .phone }.count == 3)
    }
}
