import Testing
@testable import RNNEngine

/// `Allocator.countingLiveTensorBytes`, which `rnnlab bench --only memory` reads to
/// report growth over 10,000 lesson steps. The counter is scoped to the task, so
/// tests running beside it do not move it, and it counts exactly: a step that keeps
/// its output is caught to the byte, and a training step keeps nothing.
@Suite struct LiveTensorBytesTests {
    @Test func aStepThatKeepsATensorIsCaughtToTheByte() {
        var kept: [Tensor] = []
        let (first, growth) = Allocator.countingLiveTensorBytes { live -> (Int, Int) in
            let x = Tensor(shape: [8, 100], repeating: 1)
            let first = live.current
            for _ in 0..<50 { kept.append(x + x) }       // each step keeps one (8, 100) result
            return (first, live.current - first)
        }
        #expect(first == 8 * 100 * 4)
        #expect(growth == 50 * 8 * 100 * 4)
        #expect(kept.count == 50)
    }

    @Test func freedTensorsAreGivenBackAndOutsideTensorsAreNotCounted() {
        let outside = Tensor(zeros: [1000])
        let (during, after) = Allocator.countingLiveTensorBytes { live -> (Int, Int) in
            var during = 0
            do {
                let y = outside + outside                  // allocated inside: counted
                during = live.current
                _ = y
            }
            _ = outside.scaled(by: 2)                      // made and dropped at once
            return (during, live.current)
        }
        #expect(during == 1000 * 4)
        #expect(after == 0)
    }

    /// The LSTM lesson's step (LSTM 2→16, linear head, MSE, clipping, Adam): after
    /// the first steps (Adam's moments appear at step 1) the live bytes stay the
    /// same to the byte, step after step.
    @Test func aTrainingStepKeepsNothingAlive() {
        let (B, T, H) = (4, 12, 16)
        let (first, samples) = Allocator.countingLiveTensorBytes { live -> (Int, [Int]) in
            var rng = SplitMix64(seed: 5)
            let lstm = LSTM(inputSize: 2, hiddenSize: H, rng: &rng)
            let head = Linear(H, 1, rng: &rng)
            let parameters = lstm.parameters + head.parameters
            let adam = Adam(parameters, learningRate: 3e-3)
            let x = Variable(.normal([B, T, 2], rng: &rng))
            let y = Tensor.normal([B, 1], rng: &rng)
            func step() {
                adam.zeroGrad()
                let last = lstm(x).output.select(axis: 1, T - 1)
                meanSquaredError(head(last), y).backward()
                _ = clipGradientNorm(parameters, maxNorm: 1)
                adam.step()
            }
            for _ in 0..<3 { step() }
            let first = live.current
            var samples: [Int] = []
            for _ in 0..<40 {
                step()
                samples.append(live.current)
            }
            return (first, samples)
        }
        #expect(first > 0, "the model's parameters and Adam's moments are counted")
        #expect(samples.allSatisfy { $0 == first }, "live bytes \(first) → \(samples)")
    }
}
