/// y = x Wᵀ + b, as PyTorch's `nn.Linear` (Keras `Dense` without activation).
///
/// `weight` is (O, I) and `bias` is (O). The input may have any leading
/// dimensions: (B, I) → (B, O), (B, T, I) → (B, T, O).
public final class Linear: Module {
    public let weight: Variable
    public let bias: Variable?

    /// PyTorch's default initialisation: W and b uniform in ±1/√I.
    public init(_ inputSize: Int, _ outputSize: Int, bias: Bool = true,
                rng: inout SplitMix64, dtype: DType = .float32) {
        let bound = 1 / Double(max(inputSize, 1)).squareRoot()
        weight = Variable(.uniform([outputSize, inputSize], low: -bound, high: bound, rng: &rng, dtype: dtype),
                          requiresGrad: true, name: "weight")
        self.bias = bias
            ? Variable(.uniform([outputSize], low: -bound, high: bound, rng: &rng, dtype: dtype),
                       requiresGrad: true, name: "bias")
            : nil
    }

    public var inputSize: Int { weight.shape[1] }
    public var outputSize: Int { weight.shape[0] }

    public var namedParameters: [(name: String, parameter: Variable)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// (…, I) → (…, O).
    public func callAsFunction(_ x: Variable) -> Variable {
        precondition(x.shape.last == inputSize, "Linear expects last dimension \(inputSize), got \(x.shape)")
        let leading = Array(x.shape.dropLast())
        let flat = x.rank == 2 ? x : x.reshaped([-1, inputSize])
        let y = bias.map { flat.linear(weight: weight, bias: $0) } ?? flat.matmul(weight, transposeOther: true)
        return x.rank == 2 ? y : y.reshaped(leading + [outputSize])
    }
}

extension Variable {
    public var rank: Int { value.rank }
}
