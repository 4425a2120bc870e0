import ArgumentParser
import Store

/// `adem db`: create or upgrade the case store's schema.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Create or upgrade the case store.", subcommands: [Initialise.self, Migrate.self])

    /// `adem db init`: creates the schema in a new database (same as migrate; says so when it exists).
    struct Initialise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Create the schema in a new database.")
        @OptionGroup var store: StoreOptions

        func run() async throws { try await DatabaseCommand.migrate(store, verb: "initialised") }
    }

    /// `adem db migrate`: applies the migrations the database lacks.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate", abstract: "Apply the schema migrations the database lacks.")
        @OptionGroup var store: StoreOptions

        func run() async throws { try await DatabaseCommand.migrate(store, verb: "migrated") }
    }

    static func migrate(_ options: StoreOptions, verb: String) async throws {
        let location = options.location
        do {
            let (applied, version) = try await CaseStores.withStore(location) { store in
                (try await store.migrate(), try await store.schemaVersion())
            }
            if applied.isEmpty {
                print("\(location): schema is current (version \(version)); nothing to do.")
            } else {
                print(
                    "\(location): \(verb), applied migration\(applied.count == 1 ? "" : "s") \(applied.map(String.init).joined(separator: ", ")); schema version \(version)."
                )
            }
        } catch let error as StoreError {
            throw Shell.fail(error.description)
        }
    }
}
