/// A 1-D convolution over time, as PyTorch's `nn.Conv1d` but on batch-first
/// (B, T, C_in) sequences (Keras' `Conv1D` layout): output (B, T_out, C_out).
///
/// State dict as PyTorch's: `weight` (C_out, C_in, K) and `bias` (C_out), so a
/// checkpoint moves between the two unchanged. PyTorch's module takes (B, C, T);
/// `y_ours = conv(x).transpose(1, 2)` for `x_torch = x.transpose(1, 2)`.
/// Padding, stride and dilation: see `Conv1dPadding` and `Conv1dGeometry`.
public final class Conv1d: Module {
    public let weight: Variable
    public let bias: Variable?
    public let geometry: Conv1dGeometry

    /// PyTorch's default initialisation: W and b uniform in ±1/√(C_in·K).
    /// Throws for a non-positive size or `same` padding with stride > 1.
    public init(_ inputChannels: Int, _ outputChannels: Int, kernelSize: Int, stride: Int = 1,
                dilation: Int = 1, padding: Conv1dPadding = .valid, bias: Bool = true,
                rng: inout SplitMix64, dtype: DType = .float32) throws {
        geometry = try Conv1dGeometry(kernelSize: kernelSize, stride: stride, dilation: dilation, padding: padding)
        let bound = 1 / Double(max(inputChannels * kernelSize, 1)).squareRoot()
        weight = Variable(.uniform([outputChannels, inputChannels, kernelSize], low: -bound, high: bound,
                                   rng: &rng, dtype: dtype), requiresGrad: true, name: "weight")
        self.bias = bias
            ? Variable(.uniform([outputChannels], low: -bound, high: bound, rng: &rng, dtype: dtype),
                       requiresGrad: true, name: "bias")
            : nil
    }

    public var inputChannels: Int { weight.shape[1] }
    public var outputChannels: Int { weight.shape[0] }
    public var kernelSize: Int { geometry.kernelSize }

    public var namedParameters: [(name: String, parameter: Variable)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// (B, T, C_in) → (B, T_out, C_out); T_out = `geometry.outputLength(T)`.
    public func callAsFunction(_ x: Variable) -> Variable {
        x.conv1d(weight: weight, bias: bias, geometry: geometry)
    }
}
