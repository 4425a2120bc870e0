/// The ids an import has met in its earlier batches, kept as a Bloom filter: `mayContain` answers
/// false only for an id never inserted, so the ids it rules out need no lookup in the store.
///
/// Sized at about ten bits an id for the ids expected, with seven probes (about 1 % of the ids never
/// inserted answer true): a million-row import keeps some 1.2 MB per kind of id. More ids than
/// expected only make more of the answers a needless lookup, never a wrong one.
struct SeenIDs: Sendable {
    private var words: [UInt64]
    private let bits: UInt64
    static let probes: UInt64 = 7

    init(expected: Int) {
        let wanted = max(1 << 16, expected * 10)
        words = Array(repeating: 0, count: (wanted + 63) / 64)
        bits = UInt64(words.count * 64)
    }

    mutating func insert(_ id: String) {
        var (position, step) = Self.start(id, bits: bits)
        for _ in 0..<Self.probes {
            words[Int(position / 64)] |= 1 << (position % 64)
            position = (position + step) % bits
        }
    }

    func mayContain(_ id: String) -> Bool {
        var (position, step) = Self.start(id, bits: bits)
        for _ in 0..<Self.probes {
            guard words[Int(position / 64)] & (1 << (position % 64)) != 0 else { return false }
            position = (position + step) % bits
        }
        return true
    }

    /// The first bit of `id` and the stride between its bits (double hashing from one 64-bit hash;
    /// the stride is odd, and the bit count a multiple of 64, so the probes never repeat a bit).
    private static func start(_ id: String, bits: UInt64) -> (position: UInt64, step: UInt64) {
        let hash = UInt64(bitPattern: Int64(id.hashValue))
        return ((hash & 0xFFFF_FFFF) % bits, ((hash >> 32) | 1) % bits)
    }
}
