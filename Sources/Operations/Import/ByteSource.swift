import Foundation

/// Bytes read in bounded chunks, so a file of any size is never held in memory at once.
public protocol ByteSource {
    /// The next chunk, or nil at the end.
    mutating func nextChunk() throws -> [UInt8]?

    /// All bytes the source holds, when known up front (a file's size); nil otherwise.
    var totalBytes: Int? { get }
}

/// Reads a file in chunks of `chunkBytes`.
public struct FileByteSource: ByteSource {
    /// Bytes per read: large enough to amortise the system call, small enough to not matter.
    public static let chunkBytes = 1 << 20
    private let handle: FileHandle
    /// Bytes read so far (for progress).
    public private(set) var bytesRead = 0
    /// The file's size in bytes when opened; nil when the system did not tell.
    public let totalBytes: Int?

    /// Opens `path`; throws when it cannot be opened or is a folder.
    public init(path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ImportFailure.unreadable("no such file: \(path)")
        }
        guard !isFolder.boolValue else { throw ImportFailure.unreadable("\(path) is a folder, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportFailure.unreadable("cannot open \(path)")
        }
        self.handle = handle
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        self.totalBytes = (attributes?[.size] as? NSNumber)?.intValue
    }

    public mutating func nextChunk() throws -> [UInt8]? {
        guard let data = try handle.read(upToCount: Self.chunkBytes), !data.isEmpty else {
            try? handle.close()
            return nil
        }
        bytesRead += data.count
        return [UInt8](data)
    }
}

/// Bytes already in memory (tests), handed out in chunks of `chunkBytes` to exercise chunk borders.
public struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private let chunkBytes: Int
    private var position = 0

    /// A source over `bytes`.
    public init(_ bytes: [UInt8], chunkBytes: Int = 7) {
        self.bytes = bytes
        self.chunkBytes = max(1, chunkBytes)
    }

    /// A source over the UTF-8 of `text`.
    public init(_ text: String, chunkBytes: Int = 7) { self.init(Array(text.utf8), chunkBytes: chunkBytes) }

    public var totalBytes: Int? { bytes.count }

    public mutating func nextChunk() throws -> [UInt8]? {
        guard position < bytes.count else { return nil }
        let end = min(position + chunkBytes, bytes.count)
        defer { position = end }
        return Array(bytes[position..<end])
    }
}

/// Why a file could not be imported at all (exit code 2).
public enum ImportFailure: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case empty
    case binary
    case badHeader(String)
    case badJSON(String)
    case unknownClient(String)

    public var description: String {
        switch self {
        case .unreadable(let why): return why
        case .empty: return "the file is empty"
        case .binary:
            return "the file is not text (it contains NUL bytes or is not UTF-8): export it as CSV (UTF-8) or JSON"
        case .badHeader(let why): return "the header row is not usable: \(why)"
        case .badJSON(let why): return "the JSON is not an array of claim objects: \(why)"
        case .unknownClient(let reference):
            return "unknown client \(reference): register it first with `adem client add \(reference) --name NAME`"
        }
    }
}
