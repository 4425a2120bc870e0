import ArgumentParser
import Foundation
import Store

/// `adem db`: create or upgrade the case store's schema.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Create, upgrade or check the case store.",
        subcommands: [Initialise.self, Migrate.self, Check.self])

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

    /// `adem db check`: says whether the store is sound, and what is wrong when it is not.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the store: schema current, every index there, and (SQLite) the file's integrity.",
            discussion: "Exit status 0 when the store is sound, 1 when a problem was found.")
        @OptionGroup var store: StoreOptions
        @Flag(help: "Print the result as JSON.") var json = false

        func run() async throws {
            let location = store.location
            // A check never creates the file it was asked to check.
            if case .sqlite(let path) = location, path != ":memory:", !FileManager.default.fileExists(atPath: path) {
                throw Shell.fail("no store at \(path)")
            }
            let check: StoreCheck
            do {
                check = try await CaseStores.withStore(location) { store in try await store.check() }
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
            if json {
                let output = JSONOutput.object([
                    ("sound", .bool(check.isSound)), ("schemaVersion", .number(check.schemaVersion)),
                    ("indexes", .number(check.indexes)), ("integrityChecked", .bool(check.integrityChecked)),
                    ("problems", .array(check.problems.map { .string($0) })),
                ])
                print(output.rendered)
            } else if check.isSound {
                print(
                    "\(location): sound (schema version \(check.schemaVersion), \(check.indexes) indexes\(check.integrityChecked ? ", integrity ok" : ""))."
                )
            } else {
                print("\(location): \(check.problems.count) problem\(check.problems.count == 1 ? "" : "s") found:")
                for problem in check.problems { print("  \(problem)") }
            }
            if !check.isSound { throw ExitCode(1) }
        }
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
