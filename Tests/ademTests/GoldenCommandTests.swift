import Foundation

#if canImport(Glibc)
    import Glibc
#endif
import Testing

/// Golden command tests: each `.golden` file under `Golden/` holds cases of the form
///
///     # what the case shows
///     $ adem calc costs --principal 100.00 --json
///     {"principal": "100.00", ...}        <- expected standard output, line by line
///     ! adem: --principal: ...            <- expected standard error lines (prefixed "! ")
///     [exit 0]
///
/// The runner executes the built `adem` binary and compares output and exit status exactly.
@Suite struct GoldenCommandTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let line: Int
        let arguments: [String]
        let stdout: String
        let stderr: String
        let exitStatus: Int32
        var testDescription: String { "\(file):\(line) adem \(arguments.joined(separator: " "))" }
    }

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden")

    static func loadCases() -> [Case] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: goldenFolder.path)) ?? []
        return files.filter { $0.hasSuffix(".golden") }.sorted().flatMap { name in
            parse(file: name, text: try! String(contentsOf: goldenFolder.appendingPathComponent(name), encoding: .utf8))
        }
    }

    static func parse(file: String, text: String) -> [Case] {
        var cases: [Case] = []
        var current: (line: Int, arguments: [String], stdout: [String], stderr: [String])?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("$ adem") {
                current = (index + 1, shellWords(String(line.dropFirst("$ adem".count))), [], [])
            } else if line.hasPrefix("[exit "), let open = current {
                let status = Int32(line.dropFirst("[exit ".count).dropLast())!
                cases.append(
                    Case(
                        file: file, line: open.line, arguments: open.arguments,
                        stdout: open.stdout.map { $0 + "\n" }.joined(), stderr: open.stderr.map { $0 + "\n" }.joined(),
                        exitStatus: status))
                current = nil
            } else if current != nil {
                if line.hasPrefix("! ") {
                    current!.stderr.append(String(line.dropFirst(2)))
                } else {
                    current!.stdout.append(String(line))
                }
            }
        }
        return cases
    }

    /// Splits on spaces, keeping single-quoted words together.
    static func shellWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quoted = false
        var hasWord = false
        for character in text {
            if character == "'" {
                quoted.toggle()
                hasWord = true
            } else if character == " " && !quoted {
                if hasWord { words.append(word) }
                word = ""
                hasWord = false
            } else {
                word.append(character)
                hasWord = true
            }
        }
        if hasWord { words.append(word) }
        return words
    }

    @Test(arguments: loadCases())
    func command(_ golden: Case) throws {
        let result = try AdemBinary.run(golden.arguments, workingDirectory: Self.goldenFolder)
        #expect(result.stdout == golden.stdout)
        #expect(result.stderr == golden.stderr)
        #expect(result.status == golden.exitStatus)
    }

    @Test func goldenFilesHoldCases() {
        #expect(Self.loadCases().count >= 20)
    }
}

/// The `adem` executable built next to the test bundle.
enum AdemBinary {
    static var url: URL {
        var folder = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("adem").path) && folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("adem")
    }

    /// Runs `adem arguments` to its end, with `environment` added to this process's, through
    /// `launcher` when one is given (its program and arguments, then adem's path and `arguments`).
    static func run(
        _ arguments: [String], workingDirectory: URL, environment added: [String: String] = [:],
        launcher: [String] = []
    ) throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = launcher.dropFirst() + [url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        process.currentDirectoryURL = workingDirectory
        // Hermetic: neither an operator's law tables nor a default database leak into a test.
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "ADEM_LAW_DATA")
        environment.removeValue(forKey: "ADEM_DB")
        process.environment = environment.merging(added) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self), process.terminationStatus
        )
    }

    /// Starts `adem arguments` (with `environment` added to this process's) and kills it with
    /// SIGKILL after `milliseconds` if it is still running then; true when it was killed.
    static func runKilled(
        _ arguments: [String], afterMilliseconds milliseconds: Int, workingDirectory: URL,
        environment: [String: String] = [:]
    ) throws -> Bool {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(milliseconds * 1000))
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return killed
    }
}
