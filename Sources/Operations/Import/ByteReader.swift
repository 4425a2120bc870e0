/// Byte-at-a-time reading over a `ByteSource`, counting lines; holds one chunk at a time.
struct ByteReader<Source: ByteSource> {
    private var source: Source
    private var buffer: [UInt8] = []
    private var index = 0
    private var finished = false
    /// The 1-based line of the next byte.
    private(set) var line = 1
    /// Bytes consumed so far.
    private(set) var consumed = 0

    init(_ source: Source) { self.source = source }

    /// Makes sure a byte is available at `index`; false at the end of input.
    private mutating func fill() throws -> Bool {
        while index >= buffer.count {
            guard !finished else { return false }
            if let chunk = try source.nextChunk() {
                buffer = chunk
                index = 0
            } else {
                finished = true
                buffer = []
                index = 0
                return false
            }
        }
        return true
    }

    /// The next byte without consuming it.
    mutating func peek() throws -> UInt8? {
        try fill() ? buffer[index] : nil
    }

    /// The next byte, consumed.
    mutating func next() throws -> UInt8? {
        guard try fill() else { return nil }
        let byte = buffer[index]
        index += 1
        consumed += 1
        if byte == ASCII.newline { line += 1 }
        return byte
    }

    /// Up to `limit` bytes from the current position to the first newline, not consumed (for sniffing).
    mutating func peekFirstLine(limit: Int) throws -> [UInt8] {
        // Gather at least one line into the buffer without losing what is already read.
        var gathered = Array(buffer[index...])
        while !gathered.contains(ASCII.newline), gathered.count < limit, !finished {
            if let chunk = try source.nextChunk() { gathered += chunk } else { finished = true }
        }
        buffer = gathered
        index = 0
        let end = gathered.firstIndex(of: ASCII.newline) ?? gathered.count
        return Array(gathered[0..<min(end, limit)])
    }
}

/// Byte values the readers look for.
enum ASCII {
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let semicolon: UInt8 = 0x3B
    static let backslash: UInt8 = 0x5C
    static let openBracket: UInt8 = 0x5B
    static let closeBracket: UInt8 = 0x5D
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let nul: UInt8 = 0x00

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == newline || byte == carriageReturn
    }
}
