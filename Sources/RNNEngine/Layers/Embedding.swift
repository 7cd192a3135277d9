/// A lookup table of vectors, as PyTorch's `nn.Embedding`: `weight` is (V, E).
public final class Embedding: Module {
    public let weight: Variable
    /// PyTorch's `padding_idx`: this row starts at zero and gets no gradient.
    public let paddingIndex: Int?

    /// PyTorch's default initialisation: standard normal (row `paddingIndex` zero).
    public init(_ vocabularySize: Int, _ dimension: Int, paddingIndex: Int? = nil,
                rng: inout SplitMix64, dtype: DType = .float32) {
        var table = Tensor.normal([vocabularySize, dimension], rng: &rng, dtype: dtype)
        if let p = paddingIndex {
            precondition(p >= 0 && p < vocabularySize, "padding index \(p) out of range 0..<\(vocabularySize)")
            for j in 0..<dimension { table[p, j] = 0 }
        }
        weight = Variable(table, requiresGrad: true, name: "weight")
        self.paddingIndex = paddingIndex
    }

    public var vocabularySize: Int { weight.shape[0] }
    public var dimension: Int { weight.shape[1] }

    public var namedParameters: [(name: String, parameter: Variable)] { [("weight", weight)] }

    /// Token ids laid out as `shape` (such as (B, T)) → vectors of shape `shape + [E]`.
    public func callAsFunction(_ ids: [Int], shape: [Int]) -> Variable {
        weight.gather(ids, shape: shape, paddingIndex: paddingIndex)
    }
}
