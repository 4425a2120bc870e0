extension Duration {
    /// The duration in seconds, as a fraction: for figures printed to people (benchmarks, profiles,
    /// the phases of a run), never for money or days.
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
