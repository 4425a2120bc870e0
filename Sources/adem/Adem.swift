import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

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
        DebtorCommand.self, DossierCommand.self, OutboxCommand.self, PrivacyCommand.self, RunDayCommand.self, SimulateCommand.self, ReportCommand.self,
        BenchCommand.self,
    ]

    /// Runs the command. Bad input of any kind exits with status 2 and one line on standard error
    /// naming the argument and what was expected; `--help` prints help and exits 0.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                let message = fullMessage(for: error)
                if !message.isEmpty { print(message) }
                Glibc.exit(0)
            }
            if let exitCode = error as? ExitCode {
                Glibc.exit(exitCode.rawValue)
            }
            let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            printError("adem: " + message)
            Glibc.exit(code == .validationFailure ? 2 : code.rawValue == 0 ? 2 : code.rawValue)
        }
    }
}
