import LabText
import RNNEngine

/// A convolutional front end before the recurrent layer, as in Keras'
/// `Conv1D(F, K, relu) → MaxPooling1D(P) → Conv1D(F, K, relu)`: 'valid' padding
/// (no zeros added, so each convolution shortens the sequence by K − 1), stride 1,
/// and a pool of size and stride P that keeps ⌊T/P⌋ steps (a partial last
/// window is dropped, as Keras does).
///
/// (B, T, I) → (B, T', F) with T' = ⌊(T − K + 1) / P⌋ − K + 1: the recurrent
/// layer then walks T' steps instead of T.
final class ConvFrontEnd: Module {
    let first: Conv1d
    let second: Conv1d
    let pool: Int

    /// Throws, with the allowed range, when a window of `steps` is too short to
    /// leave at least one step for the recurrent layer.
    init(inputSize: Int, filters: Int, kernel: Int, pool: Int, steps: Int, rng: inout SplitMix64) throws {
        guard Self.outputSteps(steps, kernel: kernel, pool: pool) >= 1 else {
            throw Reason(.run(.convTooShort), ["steps": .integer(steps), "kernel": .integer(kernel), "pool": .integer(pool),
                                               "least": .integer(Self.leastSteps(kernel: kernel, pool: pool))])
        }
        first = try Conv1d(inputSize, filters, kernelSize: kernel, rng: &rng)
        second = try Conv1d(filters, filters, kernelSize: kernel, rng: &rng)
        self.pool = pool
    }

    /// T' for a window of T steps (≤ 0 when the window is too short).
    static func outputSteps(_ t: Int, kernel: Int, pool: Int) -> Int {
        let afterFirst = t - kernel + 1
        guard afterFirst >= pool else { return 0 }
        return afterFirst / pool - kernel + 1
    }

    /// The shortest window that leaves one step: T' ≥ 1.
    static func leastSteps(kernel: Int, pool: Int) -> Int { kernel * pool + kernel - 1 }

    var namedParameters: [(name: String, parameter: Variable)] {
        prefixed("conv1", first) + prefixed("conv2", second)
    }

    /// (B, T, I) → (B, T', F).
    func callAsFunction(_ x: Variable) -> Variable {
        var h = first(x).relu()
        if pool > 1 { h = h.maxPool1d(size: pool) }
        return second(h).relu()
    }

    /// Multiply-adds of one example's forward pass through both convolutions at window T.
    func multiplyAdds(steps t: Int) -> Double {
        let (i, f, k) = (first.inputChannels, first.outputChannels, first.kernelSize)
        let t1 = t - k + 1
        let t3 = Self.outputSteps(t, kernel: k, pool: pool)
        return Double(t1 * k * i * f + t3 * k * f * f)
    }
}
