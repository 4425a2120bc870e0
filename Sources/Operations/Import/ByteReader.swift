/// Reading over a `ByteSource`, counting lines; holds one chunk at a time (plus the few bytes of
/// the previous chunk a look-ahead needs).
struct ByteReader<Source: ByteSource> {
    private var source: Source
    private var buffer: [UInt8] = []
    private var index = 0
    /// True once the source has no more chunks: `buffer` then holds the last bytes.
    private var finished = false
    /// Bytes consumed before `buffer[0]`.
    private var consumedBeforeBuffer = 0
    /// The 1-based line of the next byte.
    private(set) var line = 1
    /// Bytes consumed so far.
    var consumed: Int { consumedBeforeBuffer + index }

    init(_ source: Source) { self.source = source }

    /// All bytes of the source, when it knows them up front.
    var totalBytes: Int? { source.totalBytes }

    /// Makes sure a byte is available at `index`; false at the end of input.
    private mutating func fill() throws -> Bool {
        while index >= buffer.count {
            guard !finished else { return false }
            consumedBeforeBuffer += buffer.count
            index = 0
            if let chunk = try source.nextChunk() {
                buffer = chunk
            } else {
                finished = true
                buffer = []
                return false
            }
        }
        return true
    }

    /// Makes sure the byte after the one at `index` is in the buffer, when the input has one:
    /// keeps the unread rest of the chunk and appends the next chunk to it.
    private mutating func extendForLookahead() throws {
        while index + 1 >= buffer.count, !finished {
            guard let chunk = try source.nextChunk() else {
                finished = true
                return
            }
            buffer.removeSubrange(0..<index)
            consumedBeforeBuffer += index
            index = 0
            buffer += chunk
        }
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
        consumedBeforeBuffer += index
        buffer = gathered
        index = 0
        let end = gathered.firstIndex(of: ASCII.newline) ?? gathered.count
        return Array(gathered[0..<min(end, limit)])
    }

    /// Consumes bytes up to and including the next newline (or to the end of the input).
    private mutating func skipLine() throws {
        while try fill() {
            if let newline = buffer[index...].firstIndex(of: ASCII.newline) {
                index = newline + 1
                line += 1
                return
            }
            index = buffer.count
        }
    }

    /// Splits the next CSV record into `record` (RFC 4180 quoting; a quoted field may span lines);
    /// false at the end of the input.
    ///
    /// A record counts its bytes as they are consumed, the second quote of a `""` escape excepted;
    /// the byte that takes it past `rowBytesMax` ends it as too long, and the rest of that physical
    /// line is skipped, ignoring quotes: an unclosed quote in a huge line must not swallow the rest
    /// of the file. Runs of plain bytes are copied at once; the bytes that mean something (the
    /// delimiter, quotes, line ends, NUL) go one at a time.
    mutating func nextCSVRecord(delimiter: UInt8, rowBytesMax: Int, into record: inout CSVRecord) throws -> Bool {
        guard try fill() else { return false }
        record.start(line: line)
        var inQuotes = false
        var wasQuoted = false
        var size = 0
        var fieldStart = 0
        while true {
            guard try fill() else { break }
            var ending = CSVStep.needsBytes
            var position = index
            var lines = 0
            let isLastBuffer = finished
            buffer.withUnsafeBufferPointer { bytes in
                let count = bytes.count
                scan: while position < count {
                    // A run of bytes with no meaning of their own, within what the row may still take.
                    let runEnd = min(count, position + (rowBytesMax - size))
                    var end = position
                    if inQuotes {
                        while end < runEnd, bytes[end] != ASCII.quote, bytes[end] != ASCII.newline,
                            bytes[end] != ASCII.nul
                        {
                            end += 1
                        }
                    } else {
                        while end < runEnd {
                            let byte = bytes[end]
                            if byte == delimiter || byte == ASCII.quote || byte == ASCII.newline
                                || byte == ASCII.carriageReturn || byte == ASCII.nul
                            {
                                break
                            }
                            end += 1
                        }
                    }
                    if end > position {
                        record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<end]))
                        size += end - position
                        position = end
                        if position == count { break scan }
                    }
                    // One byte that means something (or the one that makes the row too long).
                    let byte = bytes[position]
                    let following: UInt8?? =
                        position + 1 < count ? bytes[position + 1] : (isLastBuffer ? .some(nil) : nil)
                    size += 1
                    if size > rowBytesMax {
                        position += 1
                        if byte == ASCII.newline { lines += 1 }
                        ending = byte == ASCII.newline ? .tooLong : .tooLongInLine
                        break scan
                    }
                    if byte == ASCII.nul { record.problem = "contains a NUL byte (binary data)" }
                    if inQuotes {
                        if byte == ASCII.quote {
                            guard let next = following else {
                                size -= 1
                                ending = .needsLookahead
                                break scan
                            }
                            if next == ASCII.quote {
                                record.bytes.append(ASCII.quote)
                                position += 2
                            } else {
                                inQuotes = false
                                position += 1
                            }
                        } else {
                            if byte == ASCII.newline { lines += 1 }
                            record.bytes.append(byte)
                            position += 1
                        }
                    } else if byte == ASCII.quote && record.bytes.count == fieldStart && !wasQuoted {
                        inQuotes = true
                        wasQuoted = true
                        position += 1
                    } else if byte == delimiter {
                        record.fieldEnds.append(record.bytes.count)
                        fieldStart = record.bytes.count
                        wasQuoted = false
                        position += 1
                    } else if byte == ASCII.newline {
                        lines += 1
                        position += 1
                        ending = .recordEnd
                        break scan
                    } else if byte == ASCII.carriageReturn {
                        guard let next = following else {
                            size -= 1
                            ending = .needsLookahead
                            break scan
                        }
                        // A CR before LF is part of the line end; elsewhere it is data.
                        if next != ASCII.newline { record.bytes.append(byte) }
                        position += 1
                    } else {
                        record.bytes.append(byte)
                        position += 1
                    }
                }
            }
            index = position
            line += lines
            switch ending {
            case .needsBytes: continue
            case .needsLookahead: try extendForLookahead()
            case .recordEnd:
                record.fieldEnds.append(record.bytes.count)
                return true
            case .tooLong, .tooLongInLine:
                if ending == .tooLongInLine { try skipLine() }
                record.fieldEnds.removeAll(keepingCapacity: true)
                record.problem = "is longer than \(rowBytesMax) bytes"
                return true
            }
        }
        if inQuotes { record.problem = record.problem ?? "has a quoted field that is never closed" }
        record.fieldEnds.append(record.bytes.count)
        return true
    }
}

/// How one pass of the CSV scan over the buffer ended.
private enum CSVStep {
    case needsBytes, needsLookahead, recordEnd, tooLong, tooLongInLine
}

/// One CSV record as split: the fields' bytes one after another, where each field ends, and what
/// made the record unusable, if anything. Reused from record to record.
struct CSVRecord {
    /// The 1-based line the record starts on.
    private(set) var line = 0
    /// The fields' bytes, unquoted, one after another.
    var bytes: [UInt8] = []
    /// The end of each field in `bytes`.
    var fieldEnds: [Int] = []
    /// Why the record cannot be used (NUL byte, too long, unclosed quote).
    var problem: String?

    /// The number of fields.
    var fieldCount: Int { fieldEnds.count }

    /// Where field `number` lies in `bytes`.
    func field(_ number: Int) -> Range<Int> {
        (number == 0 ? 0 : fieldEnds[number - 1])..<fieldEnds[number]
    }

    /// Empties the record for the next one, keeping its storage.
    mutating func start(line: Int) {
        self.line = line
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        problem = nil
    }
}

/// Byte values the readers look for.
enum ASCII {
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
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
