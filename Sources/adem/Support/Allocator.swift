import CJemalloc

/// The allocator that serves this process: jemalloc, linked into the executable in place of glibc's
/// malloc (docs/decisions/0010-allocator.md). Benchmarks print it with their figures.
enum Allocator {
    /// For example `jemalloc 5.3.0-0-g54eaed1d8b56b1aa528be3bdd1877e59c56fa90c`.
    static var description: String {
        var version: UnsafePointer<CChar>?
        var length = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &version, &length, nil, 0) == 0, let version else { return "jemalloc (version unknown)" }
        return "jemalloc " + String(cString: version)
    }
}
