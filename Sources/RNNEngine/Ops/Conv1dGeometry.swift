/// How a 1-D convolution pads its input.
///
/// - `valid`: no padding; T_out = ⌊(T − d·(K−1) − 1) / s⌋ + 1.
/// - `same`: PyTorch's `padding='same'` — the total padding d·(K−1) is split
///   with ⌊total/2⌋ on the left and the rest (one more when the total is odd)
///   on the right, so T_out = T. PyTorch refuses `same` with a stride above 1,
///   and so do we (`Conv1dGeometry.init` throws): there is no PyTorch rule to
///   match, and Keras' rule (T_out = ⌈T/s⌉, padding depending on T) would make
///   the padding a function of the input length.
/// - `causal`: d·(K−1) zeros on the left only (Keras `padding='causal'`), so
///   output step t sees input steps ≤ t·s; with stride 1, T_out = T.
public enum Conv1dPadding: String, Sendable, Codable, CaseIterable {
    case valid, same, causal
}

/// Why a convolution's configuration is refused.
public enum Conv1dConfigurationError: Error, Equatable, CustomStringConvertible {
    /// Kernel size, stride and dilation must be at least 1.
    case nonPositive(name: String, value: Int)
    /// `same` padding with a stride above 1 (PyTorch refuses it too).
    case sameNeedsStrideOne(stride: Int)

    public var description: String {
        switch self {
        case let .nonPositive(name, value): return "conv1d \(name) must be at least 1, got \(value)"
        case let .sameNeedsStrideOne(stride): return "conv1d padding 'same' needs stride 1, got \(stride)"
        }
    }
}

/// Kernel size K, stride s, dilation d and the padding on each side: everything
/// that decides which input steps an output step reads.
public struct Conv1dGeometry: Equatable, Sendable {
    public let kernelSize: Int
    public let stride: Int
    public let dilation: Int
    public let padding: Conv1dPadding
    /// Zero steps before step 0 and after step T−1.
    public let padLeft: Int
    public let padRight: Int

    public init(kernelSize: Int, stride: Int = 1, dilation: Int = 1, padding: Conv1dPadding = .valid) throws {
        for (name, v) in [("kernel size", kernelSize), ("stride", stride), ("dilation", dilation)] where v < 1 {
            throw Conv1dConfigurationError.nonPositive(name: name, value: v)
        }
        if padding == .same && stride != 1 { throw Conv1dConfigurationError.sameNeedsStrideOne(stride: stride) }
        self.kernelSize = kernelSize
        self.stride = stride
        self.dilation = dilation
        self.padding = padding
        let total = dilation * (kernelSize - 1)
        switch padding {
        case .valid: padLeft = 0
        case .same: padLeft = total / 2
        case .causal: padLeft = total
        }
        padRight = padding == .same ? total - total / 2 : 0
    }

    /// The span of input steps one output step reads: d·(K−1) + 1.
    public var receptiveField: Int { dilation * (kernelSize - 1) + 1 }

    /// T_out = ⌊(T + p_left + p_right − d·(K−1) − 1) / s⌋ + 1, or 0 when the padded
    /// input is shorter than the receptive field.
    public func outputLength(_ steps: Int) -> Int {
        let span = steps + padLeft + padRight - receptiveField
        return span < 0 ? 0 : span / stride + 1
    }

    /// The input step tap `k` of output step `t` reads: t·s − p_left + k·d
    /// (outside 0..<T it is a padding zero).
    @inline(__always)
    public func inputStep(output t: Int, tap k: Int) -> Int { t * stride - padLeft + k * dilation }
}
