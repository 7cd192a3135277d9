import LabText
import Foundation
import RNNEngine

/// Waveform forecasting: a window of T noisy samples of a sum of N sines
/// (random periods of 8–50 steps, phases and amplitudes), and the target is
/// the clean signal h steps after the window. The noise sets a floor no model
/// beats; the last-value forecast is the baseline to beat.
///
/// Inputs (B, T, 1); outputs (B, 1).
enum WaveformTask {
    static let knobs = [
        Knob("T", .windowLength, range: 2...500, default: 40),
        Knob("components", .sineComponents, range: 1...5, default: 1),
        Knob("noise", .noiseDeviation, range: 0...1, default: 0.05, integer: false),
        Knob("horizon", .horizon, range: 1...50, default: 1),
    ]

    static func make(_ k: KnobValues, seed: UInt64) -> ExampleTask {
        let t = k.int("T"), n = k.int("components"), noise = k["noise"], h = k.int("horizon")
        let info = TaskInfo(name: "sine", summary: Phrase(.task(.sine)),
                            kind: .regression, inputSize: 1, outputSize: 1, preview: .series)
        return Synthetic.task(info, seed: seed, generate: { rng in
            generate(t: t, components: n, noise: noise, horizon: h, &rng)
        }) { task, split in
            [task.baseline(Phrase(.baseline(.lastValue)), on: split) { batch in
                let x = batch.inputs.scalars
                return Tensor(shape: [batch.batchSize, 1],
                              scalars: (0..<batch.batchSize).map { x[$0 * batch.steps + batch.lengths[$0] - 1] })
            },
             task.baseline(Phrase(.baseline(.zeroMean)), on: split) { Predict.constant([0], rows: $0.batchSize) }]
        }
    }

    static func generate(t: Int, components: Int, noise: Double, horizon: Int,
                         _ rng: inout SplitMix64) -> SequenceExample {
        var waves: [(amplitude: Double, omega: Double, phase: Double)] = []
        for _ in 0..<components {
            waves.append((rng.uniform(0.5, 1) / Double(components), 2 * Double.pi / rng.uniform(8, 50),
                          rng.uniform(0, 2 * Double.pi)))
        }
        func signal(_ s: Int) -> Double { waves.reduce(0) { $0 + $1.amplitude * sin($1.omega * Double(s) + $1.phase) } }
        let features = (0..<t).map { Float(signal($0) + noise * rng.normal()) }
        return SequenceExample(steps: t, features: features, values: [Float(signal(t - 1 + horizon))])
    }
}
