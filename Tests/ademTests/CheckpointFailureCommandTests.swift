import Foundation
import Testing

/// A checkpoint that fails for real is told on standard error, and loses nothing committed. The
/// database file may not grow (`ulimit -f` at its present size, with SIGXFSZ ignored so a write past
/// the limit fails instead of killing the process), while the log, which starts empty, has the whole
/// size to grow into: every copy of new pages into the file fails, whenever the thread beside the
/// writer gets to it, and the closing writer's last copy fails at the latest.
@Suite struct CheckpointFailureCommandTests {
    @Test func aFailedCheckpointIsToldAndLosesNothingCommitted() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adem-ckpt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("claims.sqlite").path
        try Self.claims(invoices: 0..<4_000).write(
            to: directory.appendingPathComponent("first.csv"), atomically: true, encoding: .utf8)
        try Self.claims(invoices: 4_000..<5_500).write(
            to: directory.appendingPathComponent("second.csv"), atomically: true, encoding: .utf8)
        func importing(_ file: String) -> [String] {
            ["import", "claims", "--client", "ACME", file, "--db", store, "--day", "2026-03-02", "--json"]
        }

        #expect(
            try AdemBinary.run(["client", "add", "ACME", "--name", "Acme", "--db", store], workingDirectory: directory)
                .status == 0)
        let first = try AdemBinary.run(importing("first.csv"), workingDirectory: directory)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store + "-wal"), "the last connection's close empties the log")
        let size = try Self.size(of: store)
        #expect(size > 1_000_000 && size % 512 == 0)

        // The second file, with the database file held at its size: `/bin/sh`
        // counts in 512-byte blocks, as POSIX asks.
        let limited = try AdemBinary.run(
            importing("second.csv"), workingDirectory: directory, environment: ["ADEM_SQLITE_CHECKPOINT_FRAMES": "64"],
            launcher: ["/bin/sh", "-c", #"ulimit -f \#(size / 512); trap '' XFSZ; exec "$0" "$@""#])
        let (stdout, stderr) = (limited.stdout, limited.stderr)

        #expect(limited.status == 0, "every claim was committed, to the log: \(stderr)")
        #expect(stdout.contains(#""imported": 1500, "duplicates": 0, "rejected": 0"#), "\(stdout)")
        #expect(stderr.contains("checkpoint(s) of \(store) failed"), "\(stderr)")
        #expect(stderr.contains("the log (\(store)-wal) keeps growing until a checkpoint succeeds"), "\(stderr)")
        #expect(try Self.size(of: store) == size, "the database file could not grow")
        #expect(try Self.size(of: store + "-wal") > 0)

        // Without the limit, the store is sound, the copy that failed now needs and takes more room,
        // and every claim of both files is there: importing the second again adds nothing.
        let check = try AdemBinary.run(["db", "check", "--db", store], workingDirectory: directory)
        #expect(check.status == 0)
        #expect(check.stdout.contains("sound"), "\(check.stdout) \(check.stderr)")
        #expect(try Self.size(of: store) > size)
        let again = try AdemBinary.run(importing("second.csv"), workingDirectory: directory)
        #expect(again.stdout.contains(#""imported": 0, "duplicates": 1500, "rejected": 0"#), "\(again.stdout)")
        let all = try AdemBinary.run(
            ["journal", "count", "--type", "claimAdded", "--db", store], workingDirectory: directory)
        #expect(all.stdout.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("5500"), "\(all.stdout)")
    }

    /// Claims of two invoices per debtor, in the import format (docs/import-format.md).
    private static func claims(invoices: Range<Int>) -> String {
        var csv =
            "invoice_number,debtor_ref,debtor_type,name,street,postcode,city,country,invoice_date,due_date,amount\n"
        for invoice in invoices {
            let debtor = invoice / 2
            csv += "F-\(invoice),D-\(debtor),consumer,Debtor \(debtor),Straat \(invoice),1234 AB,Ede,NL,"
            csv += "2026-01-05,2026-01-19,\(100 + invoice % 900).\(String(format: "%02d", invoice % 100))\n"
        }
        return csv
    }

    private static func size(of path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    }
}
