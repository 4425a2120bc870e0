import ArgumentParser
import Law
import Money

/// `adem calc prescription`: the last day a claim is enforceable, with interruptions.
struct PrescriptionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prescription",
        abstract: "Prescription (verjaring, art. 3:307-3:324 BW): the last day a claim is still enforceable.",
        discussion: """
            The term starts the day after --due. Each --interrupted day (a written reminder, an \
            acknowledgement or a lawsuit, effective when received) starts a new term the next day, at most \
            5 years and never ending before the running term (art. 3:319 BW).
            """
    )

    /// The kinds by their command-line names.
    enum Kind: String, CaseIterable {
        case contract, periodic, consumerPurchase = "consumer-purchase", judgment

        var law: PrescriptionKind {
            switch self {
            case .contract: return .contract
            case .periodic: return .periodic
            case .consumerPurchase: return .consumerPurchase
            case .judgment: return .judgment
            }
        }
    }

    @Option(name: .long, help: "contract (5 y), periodic (5 y), consumer-purchase (2 y) or judgment (20 y).")
    var kind: String

    @Option(name: .long, help: "The day the claim fell due, or the day of the judgment (YYYY-MM-DD).")
    var due: String

    @Option(name: .long, help: "A day an interruption was received; repeat for several.")
    var interrupted: [String] = []

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let claimKind: Kind = try Arguments.choice(kind, option: "--kind")
        let dueDay = try Arguments.day(due, option: "--due")
        let interruptions = try interrupted.map { try Arguments.day($0, option: "--interrupted") }
        let outcome = try JurisdictionChoice.loadNetherlands().prescription(
            kind: claimKind.law, due: dueDay, interruptions: interruptions)
        var table = KeyValueTable()
        table.add("Claim", "\(claimKind.rawValue), \(claimKind.law.years) years (\(claimKind.law.article))")
        for (index, step) in outcome.steps.enumerated() {
            table.add(index == 0 ? "Steps" : "", step.description)
        }
        table.add("Prescribed after", outcome.prescribedAfter.description)
        output.emit(
            json: .object([("prescribedAfter", .string(outcome.prescribedAfter.description))]), table: table.rendered)
    }
}
