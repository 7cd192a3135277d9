/// Activations and other elementwise functions. Each is a `PointwiseFunction`
/// (value and derivative side by side, in Kernels/PointwiseFunctions.swift).
extension Variable {
    /// f applied to every element, with its backward step.
    public func map<F: PointwiseFunction>(_ f: F) -> Variable {
        let x = value
        let y = x.map(f)
        return Variable(y, parents: [self]) { g in
            self.accumulate(x.mapBackward(f, output: y, gradient: g))
        }
    }

    public func tanh() -> Variable { map(Tanh()) }
    public func sigmoid() -> Variable { map(Sigmoid()) }
    /// clamp(slope·x + ½, 0, 1); slope 1/6 as in PyTorch, 0.2 as in Keras 2.
    public func hardSigmoid(slope: Double = 1.0 / 6.0) -> Variable { map(HardSigmoid(slope: slope)) }
    public func relu() -> Variable { map(ReLU()) }
    public func exp() -> Variable { map(Exp()) }
    public func log() -> Variable { map(Log()) }
}
