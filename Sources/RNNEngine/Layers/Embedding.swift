/// A lookup table of vectors, as PyTorch's `nn.Embedding`: `weight` is (V, E).
public final class Embedding: Module {
    public let weight: Variable

    /// PyTorch's default initialisation: standard normal.
    public init(_ vocabularySize: Int, _ dimension: Int, rng: inout SplitMix64, dtype: DType = .float32) {
        weight = Variable(.normal([vocabularySize, dimension], rng: &rng, dtype: dtype),
                          requiresGrad: true, name: "weight")
    }

    public var vocabularySize: Int { weight.shape[0] }
    public var dimension: Int { weight.shape[1] }

    public var namedParameters: [(name: String, parameter: Variable)] { [("weight", weight)] }

    /// Token ids laid out as `shape` (such as (B, T)) → vectors of shape `shape + [E]`.
    public func callAsFunction(_ ids: [Int], shape: [Int]) -> Variable {
        weight.gather(ids, shape: shape)
    }
}
