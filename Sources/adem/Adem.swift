import ArgumentParser

/// The `adem` command: the one entry point of Ademruimte for operators, credit managers and scripts.
@main
struct Adem: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adem",
        abstract: "Ademruimte: social debt collection.",
        discussion: "Dutch collection law, a case store, the daily run and the social report.",
        subcommands: commandList
    )

    /// Every subcommand, in the order `adem --help` lists them.
    static let commandList: [any ParsableCommand.Type] = [
        CalcCommand.self, DatabaseCommand.self, ClientCommand.self, ImportCommand.self, StateCommand.self, JournalCommand.self,
        DebtorCommand.self, PrivacyCommand.self, BenchCommand.self,
    ]
}
