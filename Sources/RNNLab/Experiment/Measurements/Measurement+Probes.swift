import LabText
import Foundation
import RNNEngine

/// The measurements built on the engine's probes (`RNNEngine/Probes`): the
/// multiply-add counts of BPTT and RTRL, and the memory read-out curve.
extension Measurement {
    /// The lags the memory read-out scores: 0…`memoryLags`.
    public static let memoryLags = 10

    /// Why a measurement of the simple RNN's gradient cost does not apply, or nil.
    static func needsOneSimpleRNN(_ s: [String: SettingValue], _ task: TaskKind) -> Phrase? {
        guard task != .seq2seq, ["rnn_tanh", "rnn_relu"].contains(s["cell"]?.choice ?? "rnn_tanh") else {
            return Phrase(.check(.needsSimpleRNN))
        }
        guard s["layers"]?.number ?? 1 == 1, s["bidirectional"]?.number ?? 0 == 0 else { return Phrase(.check(.needsOneLayer)) }
        return nil
    }

    /// `bptt_macs`, `rtrl_macs`: multiplications per time step of one training batch
    /// (B = `batch`, I the task's inputs, H = `hidden`) by BPTT (forward and backward)
    /// and by RTRL, counted by formula (`MultiplyAddCount`), not timed.
    static let multiplyAdds: Measurement = Measurement(
        yields: [MetricKind(MetricID("bptt_macs"), label: .bpttMultiplyAdds, lowerIsBetter: true, range: MetricKind.nonNegative),
                 MetricKind(MetricID("rtrl_macs"), label: .rtrlMultiplyAdds, lowerIsBetter: true, range: MetricKind.nonNegative)],
        unavailable: { s, task, _ in needsOneSimpleRNN(s, task) },
        compute: { e in
            guard let count = e.multiplyAddCount() else { return ([], nil) }
            let k = multiplyAdds.yields
            return ([Metric(k[0], count.bpttPerStep()), Metric(k[1], count.rtrlPerStep)], nil)
        })

    /// `rtrl_mac_growth`, `bptt_mac_growth`: the exponent k of multiply-adds per step ∝ H^k,
    /// fitted (least squares on log–log) over H = 16, 32, 64 (`timedSizes`) at the run's
    /// batch and input width, with the counts themselves (`rtrl_macs_16`, …, `bptt_macs_64`). Counted, not timed, so a cost claim does not depend on how
    /// busy the machine is; `rtrl_growth` and `bptt_growth` time the same thing.
    static let multiplyAddGrowth: Measurement = Measurement(
        yields: [MetricKind(MetricID("rtrl_mac_growth"), label: .rtrlMultiplyAddGrowth, lowerIsBetter: true),
                 MetricKind(MetricID("bptt_mac_growth"), label: .bpttMultiplyAddGrowth, lowerIsBetter: true)]
            + ["rtrl", "bptt"].flatMap { way in
                timedSizes.map { MetricKind(MetricID("\(way)_macs_\($0)"), label: Phrase(.label(way == "rtrl" ? .rtrlMultiplyAddsAt : .bpttMultiplyAddsAt), ["hidden": .integer($0)]),
                                            lowerIsBetter: true, range: MetricKind.nonNegative) }
            },
        unavailable: { s, task, _ in needsOneSimpleRNN(s, task) },
        compute: { e in
            guard let count = e.multiplyAddCount() else { return ([], nil) }
            let counts = timedSizes.map {
                MultiplyAddCount(batch: count.batch, input: count.input, hidden: $0, steps: count.steps, nonlinearity: count.nonlinearity)
            }
            let logH = timedSizes.map { Foundation.log(Double($0)) }
            let k = multiplyAddGrowth.yields
            let (rtrl, bptt) = (counts.map(\.rtrlPerStep), counts.map { $0.bpttPerStep() })
            return ([Metric(k[0], slope(logH, rtrl.map(Foundation.log))), Metric(k[1], slope(logH, bptt.map(Foundation.log)))]
                + zip(k.dropFirst(2), rtrl + bptt).map { Metric($0.0, $0.1) }, nil)
        })

    /// `memory_r2_lag_0` … `memory_r2_lag_10`: how well a ridge read-out of h_t recovers
    /// x_{t−j} (held-out R², `MemoryProbe`), fitted on half the first validation batch and
    /// scored on the other half.
    static let memoryReadout: Measurement = Measurement(
        yields: (0...memoryLags).map {
            MetricKind(MetricID("memory_r2_lag_\($0)"), label: Phrase(.label(.memoryReadout), ["lag": .integer($0)]), lowerIsBetter: false,
                       range: -Double.greatestFiniteMagnitude...1)
        },
        unavailable: { _, task, _ in task == .seq2seq ? Phrase(.check(.needsDirectInputs)) : nil },
        compute: { e in
            guard let curve = e.memoryCurve() else { return ([], nil) }
            return (zip(memoryReadout.yields, curve).map { Metric($0.0, $0.1) }, nil)
        })
}

extension Experiment {
    /// The counts for this run's simple RNN, or nil for another model.
    func multiplyAddCount() -> MultiplyAddCount? {
        guard let model = model as? SequenceModel else { return nil }
        let rnn = model.recurrent
        guard rnn.kind == .rnnTanh || rnn.kind == .rnnReLU, rnn.options.layers == 1, !rnn.options.bidirectional else { return nil }
        return MultiplyAddCount(batch: configuration.batch, input: task.inputSize, hidden: rnn.hiddenSize,
                                steps: max(validation.first?.steps ?? 1, 1), nonlinearity: rnn.kind)
    }

    /// R² by lag 0…`Measurement.memoryLags`, the first validation batch split in two
    /// halves (fit, score); nil without a directly-fed recurrent layer or with fewer than 2 rows.
    func memoryCurve() -> [Double]? {
        guard let model = model as? SequenceModel, model.embedding == nil, let batch = validation.first, batch.batchSize >= 2 else { return nil }
        let half = batch.batchSize / 2
        let (fit, test) = (batch.inputs.slice(axis: 0, 0..<half), batch.inputs.slice(axis: 0, half..<batch.batchSize))
        return withNoGrad { MemoryProbe.r2(of: model.recurrent, fit: fit, test: test, fitLengths: Array(batch.lengths[0..<half]),
                              testLengths: Array(batch.lengths[half...]), maxLag: Measurement.memoryLags) }
    }
}
