import Foundation

/// A deterministic random number generator (SplitMix64): the same seed gives the same portfolio
/// and the same debtor behaviour on every machine, so a simulated year is reproducible.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator seeded with `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one entity of a simulation, independent of the order entities are visited:
    /// the stream of dossier 17 is the same whether 10 or 10,000 dossiers are simulated.
    public init(seed: UInt64, stream: UInt64, substream: UInt64 = 0) {
        var mixer = SeededRandom(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ (substream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A log-normal amount with the given median and spread (sigma of the underlying normal).
    public mutating func logNormal(median: Double, sigma: Double) -> Double {
        // Box-Muller: one standard normal from two uniforms.
        let first = max(unit(), 0x1.0p-53)
        let second = unit()
        let normal = (-2 * Foundation.log(first)).squareRoot() * Foundation.cos(2 * Double.pi * second)
        return median * Foundation.exp(sigma * normal)
    }

    /// One element of `items`, chosen by the weights (which need not sum to one).
    public mutating func pick<Item>(_ items: [(Item, Double)]) -> Item {
        let total = items.reduce(0) { $0 + $1.1 }
        var target = unit() * total
        for (item, weight) in items {
            target -= weight
            if target < 0 { return item }
        }
        return items[items.count - 1].0
    }

    /// A uniform integer in `range`.
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }
}
