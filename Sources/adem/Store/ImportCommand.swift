import ArgumentParser
import Domain
import Foundation
import Money
import Operations
import Store

/// `adem import`: bring data in from clients.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import data from clients.", subcommands: [Claims.self])

    /// `adem import claims --client REF FILE`: see docs/import-format.md.
    struct Claims: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claims",
            abstract: "Import claims (unpaid invoices) from CSV or JSON.",
            discussion: """
                CSV (UTF-8, ',' or ';', header row) or a JSON array of objects; columns in docs/import-format.md.
                Bad rows are reported by line, column and reason; valid rows are stored in one transaction.
                Importing the same file again adds nothing. Exit 0: nothing rejected; 1: some rows rejected;
                2: the file could not be read at all (or the client is unknown).
                """)

        @Option(help: "The client the claims are for (register it first with `adem client add`).") var client: String
        @Argument(help: "The CSV or JSON file.") var file: String
        @Flag(help: "Print the report as JSON.") var json = false
        @Option(help: "The business day of the import (YYYY-MM-DD); default today (UTC).") var day: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let importDay = try Shell.day(day, option: "--day") ?? Shell.today()
            guard Client.isValidReference(client) else {
                throw Shell.fail(ImportFailure.unknownClient(client).description)
            }
            let clientID = Client.ID(client)
            let fileName = file
            let showProgress = isatty(STDERR_FILENO) == 1 && !json
            let report: ImportReport
            do {
                var reader = try ClaimFileReader(source: try FileByteSource(path: file))
                let totalBytes = reader.totalBytes ?? 0
                report = try await store.withStore { store in
                    let use = ClaimImport(store: store, clientID: clientID, day: importDay, recordedAt: Shell.now())
                    return try await use.run(&reader, sourceName: fileName) { progress in
                        if showProgress { ProgressBar.draw(progress, totalBytes: totalBytes) }
                    }
                }
                if showProgress { ProgressBar.clear() }
            } catch let failure as ImportFailure {
                if json {
                    print(
                        #"{"imported": 0, "duplicates": 0, "rejected": 0, "errors": [\#(ImportIssue.file(failure).json.rendered)]}"#
                    )
                }
                throw Shell.fail("\(file): \(failure.description)")
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
            if json {
                print(Self.json(report))
            } else {
                print(Self.summary(report, file: file, client: client))
                for issue in report.errors { print("line \(issue.line), \(issue.column): \(issue.reason)") }
            }
            if report.omittedErrors > 0 { Shell.warn("\(report.omittedErrors) more problems not listed") }
            if report.rejected > 0 { throw ExitCode(1) }
        }

        static func summary(_ report: ImportReport, file: String, client: String) -> String {
            if report.imported == 0 && report.rejected == 0 && report.duplicates > 0 {
                return "Nothing new: all \(report.duplicates) claims in \(file) were imported for \(client) before."
            }
            func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
            return
                "Imported \(plural(report.imported, "claim")) for \(client) from \(file); \(plural(report.duplicates, "duplicate")) already known, \(report.rejected) rejected."
        }

        /// The report exactly as documented: imported, duplicates, rejected, errors, in that order.
        static func json(_ report: ImportReport) -> String {
            let errors = report.errors.map(\.json.rendered)
            return
                #"{"imported": \#(report.imported), "duplicates": \#(report.duplicates), "rejected": \#(report.rejected), "errors": [\#(errors.joined(separator: ", "))]}"#
        }
    }
}

extension ImportIssue {
    /// The issue as an `errors` list prints it: `{"line": 7, "column": "amount", "reason": "..."}`.
    var json: JSONOutput {
        .object([("line", .number(line)), ("column", .string(column)), ("reason", .string(reason))])
    }

    /// A file that could not be read at all, as the one issue of its report: line 0, column `file`.
    static func file(_ failure: ImportFailure) -> ImportIssue {
        ImportIssue(line: 0, column: "file", reason: failure.description)
    }
}

/// A one-line progress bar on standard error (only drawn on a terminal).
enum ProgressBar {
    static let widthCharacters = 30

    static func draw(_ progress: ImportProgress, totalBytes: Int) {
        let fraction = totalBytes > 0 ? Double(progress.bytes) / Double(totalBytes) : 0
        draw(fraction: fraction, detail: "\(progress.rows) rows")
    }

    /// Draws `fraction` (0 to 1) done, followed by `detail`.
    static func draw(fraction: Double, detail: String) {
        let bounded = min(1, max(0, fraction))
        let filled = Int(bounded * Double(widthCharacters))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: widthCharacters - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(Int(bounded * 100))%  \(detail)\u{1B}[K".utf8))
    }

    static func clear() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
