import Foundation

/// Prints an HTML page to PDF with headless Chromium (Debian's `chromium`): a maintained renderer,
/// so the PDF report is the HTML report, page for page, with no PDF writer of our own.
enum PDFPrinter {
    /// How long one print may take before it is abandoned.
    static let timeoutSeconds = 120.0

    /// Browser binaries tried in order; `ADEM_CHROMIUM` names another.
    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    enum Failure: Error, CustomStringConvertible {
        case noBrowser
        case failed(status: Int32, output: String)
        case timedOut

        var description: String {
            switch self {
            case .noBrowser: return "PDF needs headless Chromium: apt-get install chromium (or set ADEM_CHROMIUM)"
            case .failed(let status, let output): return "Chromium exited with status \(status): \(output.prefix(300))"
            case .timedOut: return "Chromium did not finish the PDF within \(Int(timeoutSeconds)) seconds"
            }
        }
    }

    /// Writes `html` as a PDF to `output`.
    static func print(html: String, to output: URL) throws {
        let environment = ProcessInfo.processInfo.environment
        let browser = [environment["ADEM_CHROMIUM"]].compactMap { $0 } + candidates
        guard let binary = browser.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure.noBrowser
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adem-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try html.write(to: page, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
            "--print-to-pdf=\(output.path)", page.absoluteString,
        ]
        // The browser's chatter goes to a file: a pipe nobody drains while waiting could fill and stall it.
        let logFile = folder.appendingPathComponent("chromium.log")
        // When the file cannot be made, opening it below throws and says why.
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)
        defer { try? log.close() }
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw Failure.timedOut
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output.path) else {
            throw Failure.failed(status: process.terminationStatus, output: text)
        }
    }
}
