import ArgumentParser

/// `adem calc`: the law computations for a credit manager, as tables or JSON.
struct CalcCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Compute interest, collection costs, deadlines, allocation, prescription and check identifiers.",
        discussion: "Amounts accept 1234.56 and Dutch 1.234,56; days are YYYY-MM-DD. --json prints one JSON object.",
        subcommands: [
            CostsCommand.self, InterestCommand.self, ReminderDeadlineCommand.self, AllocateCommand.self,
            PrescriptionCommand.self, CapacityCommand.self, LegalCostsCommand.self, IBANCommand.self,
            ReferenceCommand.self,
        ]
    )
}

/// The `--json` flag every calc command shares.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    /// Prints the JSON form or the table form.
    func emit(json object: JSONOutput, table: @autoclosure () -> String) {
        print(json ? object.rendered : table())
    }
}
