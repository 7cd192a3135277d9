/// One line of `rnnlab bench`: what was measured, on how many threads, and the result.
///
/// `value` is in `unit` (for example "GFLOP/s" or "ms"); `reference` is a figure to
/// compare against (such as PyTorch's time on this machine), when there is one.
struct BenchRow: Codable, Sendable {
    var group: String
    var name: String
    var threads: Int
    var value: Double
    var unit: String
    var reference: Double? = nil
}
