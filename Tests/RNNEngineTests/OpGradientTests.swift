import Testing
import RNNEngine

/// Every op on the tape, gradient-checked by central differences in float64.
@Suite struct OpGradientTests {
    @Test(arguments: [
        ([3, 4], [3, 4]), ([3, 4], [4]), ([2, 3, 4], [3, 1]), ([3, 1], [1, 4]), ([3, 4], []),
    ])
    func broadcastingArithmetic(shapes: ([Int], [Int])) {
        let a = leaf(shapes.0, seed: 1, name: "a")
        // Keep b away from 0 so that division is well conditioned.
        let b = Variable(leaf(shapes.1, seed: 2).value.map(Exp()), requiresGrad: true, name: "b")
        for op in ["+", "-", "*", "/"] {
            let result = gradientCheck([a, b]) {
                switch op {
                case "+": return weightedSum(a + b)
                case "-": return weightedSum(a - b)
                case "*": return weightedSum(a * b)
                default: return weightedSum(a / b)
                }
            }
            #expect(result.passed, "\(op) \(shapes): \(result)")
        }
    }

    @Test func scalarArithmeticAndNegation() {
        let a = leaf([2, 3], seed: 3)
        let r = gradientCheck([a]) { weightedSum(-(2.5 * a + 1) / 4 - 3 + (1 - a)) }
        #expect(r.passed, "\(r)")
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func matmul(transposes: (Bool, Bool)) {
        let (ta, tb) = transposes
        let a = leaf(ta ? [5, 3] : [3, 5], seed: 4, name: "a")
        let b = leaf(tb ? [4, 5] : [5, 4], seed: 5, name: "b")
        let r = gradientCheck([a, b]) { weightedSum(a.matmul(b, transposeSelf: ta, transposeOther: tb)) }
        #expect(r.passed, "\(r)")
    }

    @Test func pointwiseFunctions() {
        let x = leaf([4, 5], seed: 6, scale: 2)
        let functions: [(String, (Variable) -> Variable)] = [
            ("tanh", { $0.tanh() }), ("sigmoid", { $0.sigmoid() }), ("exp", { $0.exp() }),
        ]
        for (name, f) in functions {
            let r = gradientCheck([x]) { weightedSum(f(x)) }
            #expect(r.passed, "\(name): \(r)")
        }
    }

    @Test func logNeedsPositiveInput() {
        let x = Variable(leaf([3, 4], seed: 7).value.map(Exp()), requiresGrad: true)
        let r = gradientCheck([x]) { weightedSum(x.log()) }
        #expect(r.passed, "\(r)")
    }

    /// ReLU and hard sigmoid have kinks; the inputs are kept 0.1 away from them so
    /// that the central difference never straddles one.
    @Test func piecewiseLinearFunctions() {
        let values: [Double] = [-4, -2.9, -1.5, -0.3, 0.2, 0.7, 1.6, 2.8, 3.5, 5]
        let x = Variable(Tensor(shape: [2, 5], doubles: values), requiresGrad: true)
        let relu = gradientCheck([x]) { weightedSum(x.relu()) }
        let hard = gradientCheck([x]) { weightedSum(x.hardSigmoid()) }
        let keras = gradientCheck([x]) { weightedSum(x.hardSigmoid(slope: 0.2)) }
        #expect(relu.passed, "\(relu)")
        #expect(hard.passed, "\(hard)")
        #expect(keras.passed, "\(keras)")
    }

    @Test func softmaxAndLogSoftmax() {
        let x = leaf([2, 3, 5], seed: 8, scale: 3)
        let s = gradientCheck([x]) { weightedSum(x.softmax()) }
        let l = gradientCheck([x]) { weightedSum(x.logSoftmax()) }
        #expect(s.passed, "\(s)")
        #expect(l.passed, "\(l)")
    }

    @Test func reductions() {
        let x = leaf([2, 3, 4], seed: 9)
        for axis in 0..<3 {
            let s = gradientCheck([x]) { weightedSum(x.sum(axis: axis)) }
            let m = gradientCheck([x]) { weightedSum(x.mean(axis: axis)) }
            #expect(s.passed, "sum axis \(axis): \(s)")
            #expect(m.passed, "mean axis \(axis): \(m)")
        }
        let total = gradientCheck([x]) { x.sum() * x.mean() }
        #expect(total.passed, "\(total)")
    }

    @Test func shapeOps() {
        let x = leaf([2, 3, 4], seed: 10, name: "x")
        let y = leaf([2, 2, 4], seed: 11, name: "y")
        let checks: [(String, () -> Variable)] = [
            ("reshape", { weightedSum(x.reshaped([6, 4])) }),
            ("transpose", { weightedSum(x.reshaped([6, 4]).transposed()) }),
            ("slice batch", { weightedSum(x.slice(axis: 0, 1..<2)) }),
            ("slice time", { weightedSum(x.slice(axis: 1, 1..<3)) }),
            ("slice features", { weightedSum(x.slice(axis: 2, 0..<1)) }),
            ("concat", { weightedSum(Variable.concat([x, y, x], axis: 1)) }),
        ]
        for (name, f) in checks {
            let r = gradientCheck([x, y], f)
            #expect(r.passed, "\(name): \(r)")
        }
    }

    @Test func gatherWithRepeatedIndices() {
        let table = leaf([5, 3], seed: 12)
        let r = gradientCheck([table]) { weightedSum(table.gather([4, 0, 4, 2, 2, 2], shape: [2, 3])) }
        #expect(r.passed, "\(r)")
        #expect(table.gather([1, 3], shape: [1, 2]).shape == [1, 2, 3])
    }

    /// The mask is drawn from a fixed seed inside f, so f is deterministic.
    @Test func dropout() {
        let x = leaf([4, 6], seed: 13)
        let r = gradientCheck([x]) {
            var rng = SplitMix64(seed: 5)
            return weightedSum(x.dropout(p: 0.4, training: true, rng: &rng))
        }
        #expect(r.passed, "\(r)")
    }

    /// The check itself must catch a wrong gradient, or it proves nothing.
    @Test func checkerCatchesAWrongDerivative() {
        struct WrongTanh: PointwiseFunction {
            func value<T: EngineScalar>(_ x: T) -> T { T.tanh(x) }
            func derivative<T: EngineScalar>(x: T, y: T) -> T { 1 - y * y * T(1.01) }
        }
        let x = leaf([3, 3], seed: 14)
        let r = gradientCheck([x]) { weightedSum(x.map(WrongTanh())) }
        #expect(!r.passed)
        #expect(r.mismatchCount > 0)
    }
}
