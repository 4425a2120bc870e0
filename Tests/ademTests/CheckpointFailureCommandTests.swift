import Foundation
import Testing

/// A checkpoint that fails for real (the file may not grow: `ulimit -f`, with SIGXFSZ ignored so a
/// write past the limit fails instead of killing the process) is told on standard error while the
/// run goes on; when the log can no longer grow either, the run stops with an error, and everything
/// it committed is still in the store.
@Suite struct CheckpointFailureCommandTests {
    @Test func aFailedCheckpointIsToldAndLosesNothingCommitted() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adem-ckpt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("year.sqlite").path

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // 6,000 KiB a file; a checkpoint every 64 pages of log, so the database file reaches the
        // limit through checkpoints long before the log does.
        process.arguments = [
            "-c", #"ulimit -f 6000; trap '' XFSZ; exec "$0" "$@""#, AdemBinary.url.path,
            "simulate", "--year", "2024", "--dossiers", "2000", "--clients", "20", "--db", store,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["ADEM_SQLITE_CHECKPOINT_FRAMES"] = "64"
        environment.removeValue(forKey: "ADEM_DB")
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus != 0, "the year cannot finish in 6 MB")
        #expect(stderr.contains("checkpoint(s) of \(store) failed"), "\(stderr)")
        #expect(stderr.contains("the log (\(store)-wal) keeps growing until a checkpoint succeeds"), "\(stderr)")
        let check = try AdemBinary.run(["db", "check", "--db", store], workingDirectory: directory)
        #expect(check.status == 0)
        #expect(check.stdout.contains("sound"), "\(check.stdout) \(check.stderr)")
    }
}
