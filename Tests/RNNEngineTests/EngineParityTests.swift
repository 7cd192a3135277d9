import Foundation
import Testing
import RNNEngine

/// The optimisers, losses and `Linear` against numbers PyTorch computed
/// (Tests/scripts/make_engine_fixture.py wrote Fixtures/engine/engine.json).
@Suite struct EngineParityTests {
    struct File: Decodable {
        struct Options: Decodable {
            var lr: Double
            var momentum, dampening, weight_decay, alpha, eps, lr_decay: Double?
            var nesterov, centered: Bool?
            var betas: [Double]?
        }
        struct OptimizerCase: Decodable {
            var optimizer: String
            var options: Options
            var initial: [Double]
            var gradients: [[Double]]
            var after: [[Double]]
        }
        struct Losses: Decodable {
            struct CE: Decodable { var logits: [[Double]]; var targets: [Int]; var mask: [Bool]; var loss: Double; var grad: [[Double]] }
            struct BCE: Decodable { var logits: [[Double]]; var targets: [[Double]]; var loss: Double; var grad: [[Double]] }
            struct MSE: Decodable { var prediction: [[Double]]; var targets: [[Double]]; var loss: Double; var grad: [[Double]] }
            struct Lin: Decodable { var input: [[[Double]]]; var weight: [[Double]]; var bias: [Double]; var output: [[[Double]]] }
            var cross_entropy: CE
            var bce_with_logits: BCE
            var mse: MSE
            var linear: Lin
        }
        var optimizers: [OptimizerCase]
        var losses: Losses
    }

    static let file = try! loadFixture(File.self, "engine/engine.json")

    static func makeOptimizer(_ c: File.OptimizerCase, _ p: Variable) -> Optimizer {
        let o = c.options
        switch c.optimizer {
        case "sgd":
            return SGD([p], learningRate: o.lr, momentum: o.momentum ?? 0, dampening: o.dampening ?? 0,
                       nesterov: o.nesterov ?? false, weightDecay: o.weight_decay ?? 0)
        case "rmsprop":
            return RMSprop([p], learningRate: o.lr, alpha: o.alpha ?? 0.99, epsilon: o.eps ?? 1e-8,
                           momentum: o.momentum ?? 0, centered: o.centered ?? false, weightDecay: o.weight_decay ?? 0)
        case "adam", "adamw":
            let betas = o.betas ?? [0.9, 0.999]
            // torch.optim.AdamW defaults to weight_decay 0.01.
            return Adam([p], learningRate: o.lr, beta1: betas[0], beta2: betas[1], epsilon: o.eps ?? 1e-8,
                        weightDecay: o.weight_decay ?? (c.optimizer == "adamw" ? 0.01 : 0),
                        decoupledWeightDecay: c.optimizer == "adamw")
        case "adagrad":
            return Adagrad([p], learningRate: o.lr, learningRateDecay: o.lr_decay ?? 0,
                           epsilon: o.eps ?? 1e-10, weightDecay: o.weight_decay ?? 0)
        default: fatalError("unknown optimiser \(c.optimizer)")
        }
    }

    @Test(arguments: 0..<file.optimizers.count)
    func optimizerMatchesPyTorch(index: Int) {
        let c = Self.file.optimizers[index]
        let p = Variable(Tensor(shape: [c.initial.count], doubles: c.initial), requiresGrad: true)
        let opt = Self.makeOptimizer(c, p)
        for (step, g) in c.gradients.enumerated() {
            p.grad = Tensor(shape: [g.count], doubles: g)
            opt.step()
            let diff = maxRelativeDifference(p.value.doubles, c.after[step])
            #expect(diff < 1e-12, "\(c.optimizer) \(c.options) step \(step + 1): off by \(diff)")
        }
    }

    /// The same run in float32 stays within float32 rounding of PyTorch's float64.
    @Test func adamInFloat32() {
        let c = Self.file.optimizers.first { $0.optimizer == "adam" }!
        let p = Variable(Tensor(shape: [c.initial.count], doubles: c.initial, dtype: .float32), requiresGrad: true)
        let opt = Self.makeOptimizer(c, p)
        for (step, g) in c.gradients.enumerated() {
            p.grad = Tensor(shape: [g.count], doubles: g, dtype: .float32)
            opt.step()
            #expect(maxRelativeDifference(p.value.doubles, c.after[step]) < 1e-5)
        }
    }

    /// Changing a hyperparameter between steps keeps the optimiser's state.
    @Test func learningRateChangeKeepsMomentum() {
        let c = Self.file.optimizers[1]  // SGD with momentum 0.9
        let p = Variable(Tensor(shape: [c.initial.count], doubles: c.initial), requiresGrad: true)
        let opt = Self.makeOptimizer(c, p)
        p.grad = Tensor(shape: [c.initial.count], doubles: c.gradients[0])
        opt.step()
        let before = p.value.doubles
        opt.learningRate = 0.5
        p.grad = Tensor(shape: [c.initial.count], doubles: c.gradients[1])
        opt.step()
        // b₂ = 0.9·g₁ + g₂, θ₂ = θ₁ − 0.5·b₂
        for j in 0..<before.count {
            let expected = before[j] - 0.5 * (0.9 * c.gradients[0][j] + c.gradients[1][j])
            #expect(abs(p.value.doubles[j] - expected) < 1e-12)
        }
    }

    @Test func crossEntropyWithMask() {
        let c = Self.file.losses.cross_entropy
        let x = Variable(Tensor(shape: [c.logits.count, c.logits[0].count], doubles: c.logits.flatMap { $0 }),
                         requiresGrad: true)
        let loss = crossEntropy(x, targets: c.targets, mask: c.mask)
        loss.backward()
        #expect(abs(loss.value.item - c.loss) < 1e-12)
        #expect(maxRelativeDifference(x.grad!.doubles, c.grad.flatMap { $0 }) < 1e-12)
    }

    @Test func binaryCrossEntropyWithLogitsMatches() {
        let c = Self.file.losses.bce_with_logits
        let x = Variable(Tensor(shape: [3, 4], doubles: c.logits.flatMap { $0 }), requiresGrad: true)
        let loss = binaryCrossEntropyWithLogits(x, Tensor(shape: [3, 4], doubles: c.targets.flatMap { $0 }))
        loss.backward()
        #expect(abs(loss.value.item - c.loss) < 1e-12)
        #expect(maxRelativeDifference(x.grad!.doubles, c.grad.flatMap { $0 }) < 1e-12)
    }

    @Test func meanSquaredErrorMatches() {
        let c = Self.file.losses.mse
        let x = Variable(Tensor(shape: [3, 4], doubles: c.prediction.flatMap { $0 }), requiresGrad: true)
        let loss = meanSquaredError(x, Tensor(shape: [3, 4], doubles: c.targets.flatMap { $0 }))
        loss.backward()
        #expect(abs(loss.value.item - c.loss) < 1e-12)
        #expect(maxRelativeDifference(x.grad!.doubles, c.grad.flatMap { $0 }) < 1e-12)
    }

    @Test func linearOnASequenceMatches() throws {
        let c = Self.file.losses.linear
        var rng = SplitMix64(seed: 0)
        let layer = Linear(4, 5, rng: &rng, dtype: .float64)
        try layer.loadStateDict([
            "weight": Tensor(shape: [5, 4], doubles: c.weight.flatMap { $0 }),
            "bias": Tensor(shape: [5], doubles: c.bias),
        ])
        let y = layer(Variable(Tensor(shape: [2, 3, 4], doubles: c.input.flatMap { $0.flatMap { $0 } })))
        #expect(y.shape == [2, 3, 5])
        #expect(maxRelativeDifference(y.value.doubles, c.output.flatMap { $0.flatMap { $0 } }) < 1e-12)
    }
}
