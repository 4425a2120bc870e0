import ArgumentParser

/// `adem calc`: the law computations for a credit manager, as tables or JSON.
struct CalcCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Compute interest, collection costs, deadlines, allocation, prescription and check identifiers.",
        subcommands: []
    )
}
