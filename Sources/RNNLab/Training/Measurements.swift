import LabText
import Foundation
import RNNEngine

/// One number, or a few, that only some lessons need, computed at an evaluation
/// only when a check or panel of the open lesson names one of its metrics (so other
/// lessons pay nothing). Each entry of `Measurement.all` declares the metrics it
/// yields, what the model and task must be for it to apply, and computes them.
public struct Measurement: Sendable {
    /// The measurement's name: its first metric's id.
    public var name: String { yields[0].id.rawValue }
    /// The metrics it yields, by id.
    public let yields: [MetricKind]
    /// Why it does not apply to a run with these settings (the lesson's and the
    /// check's) on a task of this kind, or nil when it does.
    public let unavailable: @Sendable (_ settings: [String: SettingValue], _ task: TaskKind, _ hasMarker: Bool) -> Phrase?
    let compute: @Sendable (Experiment) -> (metrics: [Metric], comparison: GradientComparison?)

    /// The hidden sizes the cost measurement times.
    public static let timedSizes = [16, 32, 64]

    /// Every measurement, in the order they are computed.
    public static let all: [Measurement] = [rtrlDifference, costGrowth, inputGateGap, updateGateCarrying, attentionMirror,
                                            multiplyAdds, multiplyAddGrowth, memoryReadout, inputGateGapTop, accuracyByLengthSplit,
                                            maxPoolWinners, convCost, knownWords, lineUnit, beamDecoding, attentionOnMonth,
                                            accuracyBeyond]

    /// The measurement that yields `metric`, if any.
    public static func producing(_ metric: MetricID) -> Measurement? {
        all.first { $0.yields.contains { $0.id == metric } }
    }

    /// Every metric some measurement yields.
    public static var metricKinds: [MetricKind] { all.flatMap(\.yields) }

    static func cell(_ s: [String: SettingValue]) -> String { s["cell"]?.choice ?? "" }

    /// `rtrl_difference`: ‖g_BPTT − g_RTRL‖ / ‖g_RTRL‖ over the simple RNN's four
    /// parameters, for the loss of a few validation sequences with the live weights.
    static let rtrlDifference: Measurement = Measurement(
        yields: [MetricKind(MetricID("rtrl_difference"), label: .rtrlDifference, lowerIsBetter: true, range: MetricKind.nonNegative)],
        unavailable: { s, task, _ in
            guard task != .seq2seq, ["rnn_tanh", "rnn_relu"].contains(cell(s)) else { return Phrase(.check(.needsSimpleRNN)) }
            guard s["layers"]?.number ?? 1 == 1, s["bidirectional"]?.number ?? 0 == 0 else { return Phrase(.check(.needsOneLayer)) }
            return nil
        },
        compute: { e in
            guard let c = e.compareWithRTRL() else { return ([], nil) }
            return ([Metric(rtrlDifference.yields[0], c.difference)], c)
        })

    /// `rtrl_growth`, `bptt_growth`: the exponent k of time per step ∝ H^k, fitted over
    /// H = 16, 32, 64 (`rtrl_ms_16`, …, `bptt_ms_64`: milliseconds per step, best of 3).
    static let costGrowth: Measurement = Measurement(
        yields: [MetricKind(MetricID("rtrl_growth"), label: .rtrlGrowth, lowerIsBetter: true),
                 MetricKind(MetricID("bptt_growth"), label: .bpttGrowth, lowerIsBetter: true)]
            + ["rtrl", "bptt"].flatMap { way in
                timedSizes.map { MetricKind(MetricID("\(way)_ms_\($0)"), label: Phrase(.label(way == "rtrl" ? .rtrlMilliseconds : .bpttMilliseconds),
                                                                                         ["hidden": .integer($0)]), lowerIsBetter: true,
                                            range: MetricKind.nonNegative) }
            },
        unavailable: { _, _, _ in nil },
        compute: { e in (e.timeRTRLAndBPTT(), nil) })

    /// `input_gate_gap`: the LSTM's mean input gate on marked steps minus on the
    /// others, over units and validation sequences.
    static let inputGateGap: Measurement = Measurement(
        yields: [MetricKind(MetricID("input_gate_gap"), label: .inputGateGap, lowerIsBetter: false, range: -1...1)],
        unavailable: { s, task, marker in
            guard task != .seq2seq, cell(s) == "lstm" else { return Phrase(.check(.needsCell), ["cell": "lstm"]) }
            return marker ? nil : Phrase(.check(.needsMarkers))
        },
        compute: { e in (e.inputGateGap().map { [Metric(inputGateGap.yields[0], $0)] } ?? [], nil) })

    /// `update_gate_carrying`: the GRU's mean update gate z between the two markers,
    /// on the quarter of units whose state moved most at the first marker;
    /// `update_gate_at_marker`: their z on the first marker itself.
    static let updateGateCarrying: Measurement = Measurement(
        yields: [MetricKind(MetricID("update_gate_carrying"), label: .updateGateCarrying, lowerIsBetter: false, range: 0...1),
                 MetricKind(MetricID("update_gate_at_marker"), label: .updateGateAtMarker, lowerIsBetter: false, range: 0...1)],
        unavailable: { s, task, marker in
            guard task != .seq2seq, cell(s) == "gru" else { return Phrase(.check(.needsCell), ["cell": "gru"]) }
            return marker ? nil : Phrase(.check(.needsMarkers))
        },
        compute: { e in
            guard let v = e.updateGateCarrying() else { return ([], nil) }
            return ([Metric(updateGateCarrying.yields[0], v.carrying), Metric(updateGateCarrying.yields[1], v.atMarker)], nil)
        })

    /// `attention_mirror`: the mean attention weight of output step u on source step
    /// L−1−u (reversal of L tokens), over validation examples and output steps;
    /// `attention_next`: on source step L−u, the one just after the mirror (where the
    /// token written at step u−1 sits), over the steps u ≥ 1 that have one;
    /// `attention_near_mirror`: on the two together, over the same steps.
    static let attentionMirror: Measurement = Measurement(
        yields: [MetricKind(MetricID("attention_mirror"), label: .attentionOnMirror, lowerIsBetter: false, range: 0...1),
                 MetricKind(MetricID("attention_next"), label: .attentionAfterMirror, lowerIsBetter: false, range: 0...1),
                 MetricKind(MetricID("attention_near_mirror"), label: .attentionNearMirror, lowerIsBetter: false, range: 0...1)],
        unavailable: { s, task, _ in
            guard task == .seq2seq else { return Phrase(.check(.needsSeq2Seq)) }
            return s["attention"]?.number ?? 1 == 1 ? nil : Phrase(.check(.needsAttention))
        },
        compute: { e in
            guard let v = e.attentionMirror() else { return ([], nil) }
            let k = attentionMirror.yields
            return ([Metric(k[0], v.mirror), Metric(k[1], v.next), Metric(k[2], v.pair)], nil)
        })
}

/// BPTT's and RTRL's gradients side by side, for the RTRL panel.
public struct GradientComparison: Sendable {
    public struct Row: Sendable {
        public var name: String
        public var bptt: Double
        public var rtrl: Double
        /// ‖g_BPTT − g_RTRL‖ / ‖g_RTRL‖ for this parameter.
        public var difference: Double

        public init(name: String, bptt: Double, rtrl: Double, difference: Double) {
            (self.name, self.bptt, self.rtrl, self.difference) = (name, bptt, rtrl, difference)
        }
    }
    public var rows: [Row]
    public var difference: Double

    public init(rows: [Row], difference: Double) {
        (self.rows, self.difference) = (rows, difference)
    }
}

extension Experiment {
    /// The requested measurements on the current weights; metrics that do not
    /// apply to this model or task are left out.
    func measure() -> (metrics: [Metric], comparison: GradientComparison?) {
        let wanted = Set(measurements.compactMap { MetricID(rawValue: $0).flatMap(Measurement.producing)?.name })
        var out: [Metric] = []
        var comparison: GradientComparison?
        for m in Measurement.all where wanted.contains(m.name) {
            let r = m.compute(self)
            out += r.metrics
            if let c = r.comparison { comparison = c }
        }
        return (out, comparison)
    }

    /// The gradient of the validation loss of 8 sequences by BPTT (the tape) and by
    /// RTRL (forwards, in Double) with the same weights.
    fileprivate func compareWithRTRL() -> GradientComparison? {
        guard let model = model as? SequenceModel, model.embedding == nil, let full = validation.first, full.lengths.allSatisfy({ $0 == full.steps }) else { return nil }
        let rnn = model.recurrent
        guard rnn.kind == .rnnTanh || rnn.kind == .rnnReLU, rnn.options.layers == 1, !rnn.options.bidirectional else { return nil }
        let batch = full.prefix(min(8, full.batchSize))
        let w = rnn.weights[0]
        let params = [w.weightIH, w.weightHH, w.biasIH, w.biasHH]
        // BPTT: the model's own loss, backwards through time.
        for p in model.parameters { p.grad = nil }
        model.loss(batch).loss.backward()
        let bptt = params.map { $0.grad ?? Tensor(zeros: $0.shape) }
        for p in model.parameters { p.grad = nil }
        // The loss's direct gradient with respect to each h_t, which RTRL needs.
        let states = Variable(rnn(Variable(batch.inputs)).output.value, requiresGrad: true)
        model.loss(batch, fromStates: states).backward()
        guard let direct = states.grad else { return nil }
        let rtrl = RTRL(rnn)
        rtrl.dropsIndirect = configuration.rtrlDropIndirect
        rtrl.reset(batch: batch.batchSize)
        for t in 0..<batch.steps {
            rtrl.step(batch.inputs.select(axis: 1, t))
            rtrl.accumulate(lossGradient: direct.select(axis: 1, t))
        }
        let forwards = rtrl.gradients
        var rows: [GradientComparison.Row] = []
        var (difference, norm) = (0.0, 0.0)
        for (p, g) in zip(params, bptt) {
            let a = g.doubles, b = forwards[p.name]!.doubles
            let d = zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            let n = b.reduce(0) { $0 + $1 * $1 }
            difference += d
            norm += n
            rows.append(.init(name: p.name, bptt: a.reduce(0) { $0 + $1 * $1 }.squareRoot(), rtrl: n.squareRoot(),
                              difference: n > 0 ? (d / n).squareRoot() : d.squareRoot()))
        }
        return GradientComparison(rows: rows, difference: norm > 0 ? (difference / norm).squareRoot() : difference.squareRoot())
    }

    /// Milliseconds per step of RTRL and of BPTT (forward and backward) for one
    /// sequence of 10 steps at each of `Measurement.timedSizes`, and the fitted exponents.
    fileprivate func timeRTRLAndBPTT() -> [Metric] {
        let clock = ContinuousClock()
        func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15 }
        let (T, I) = (10, task.inputSize)
        var rng = SplitMix64(seed: 7)
        let x = Tensor(shape: [1, T, I], scalars: (0..<(T * I)).map { _ in Float(rng.nextUnit()) })
        var rtrlTimes: [Double] = [], bpttTimes: [Double] = []
        for H in Measurement.timedSizes {
            let layer = RecurrentLayer(.rnnTanh, inputSize: I, hiddenSize: H, rng: &rng)
            let rtrl = RTRL(layer)
            let ones = Tensor(shape: [1, H], repeating: 1)
            var best = (Double.infinity, Double.infinity)
            for _ in 0..<3 {
                let start = clock.now
                rtrl.reset(batch: 1)
                for t in 0..<T {
                    rtrl.step(x.select(axis: 1, t))
                    rtrl.accumulate(lossGradient: ones)
                }
                best.0 = min(best.0, ms(clock.now - start) / Double(T))
                let start2 = clock.now
                layer(Variable(x)).output.sum().backward()
                best.1 = min(best.1, ms(clock.now - start2) / Double(T))
            }
            rtrlTimes.append(best.0)
            bpttTimes.append(best.1)
        }
        func kind(_ id: String) -> MetricKind { Measurement.costGrowth.yields.first { $0.id.rawValue == id }! }
        var out: [Metric] = []
        for (H, (r, b)) in zip(Measurement.timedSizes, zip(rtrlTimes, bpttTimes)) {
            out.append(Metric(kind("rtrl_ms_\(H)"), r))
            out.append(Metric(kind("bptt_ms_\(H)"), b))
        }
        let logH = Measurement.timedSizes.map { Foundation.log(Double($0)) }
        out.append(Metric(kind("rtrl_growth"), slope(logH, rtrlTimes.map(Foundation.log))))
        out.append(Metric(kind("bptt_growth"), slope(logH, bpttTimes.map(Foundation.log))))
        return out
    }

    /// Probes the recurrent layer on validation sequences one at a time (up to 32),
    /// handing each sequence's probe and its marked steps to `body`.
    func probeMarkedSequences(_ kind: CellKind, _ body: (RecurrentProbe, [Bool], Tensor) -> Double?) -> Double? {
        guard let model = model as? SequenceModel, model.embedding == nil, model.recurrent.kind == kind, let feature = task.markerFeature,
              let batch = validation.first else { return nil }
        let rnn = model.recurrent
        rnn.probeSample = 0
        defer { rnn.probeSample = nil }
        var values: [Double] = []
        for b in 0..<min(32, batch.batchSize) {
            let x = batch.inputs.slice(axis: 0, b..<(b + 1)).slice(axis: 1, 0..<batch.lengths[b])
            _ = withNoGrad { rnn(Variable(x)) }   // forward only: the probe needs no tape
            let marked = (0..<x.shape[1]).map { x[0, $0, feature] > 0.5 }
            if let probe = rnn.probes.first, let v = body(probe, marked, x) { values.append(v) }
        }
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    fileprivate func inputGateGap() -> Double? {
        probeMarkedSequences(.lstm) { probe, marked, _ in
            let gate = probe.gate(0)
            let H = gate.shape[1]
            var sum = (0.0, 0.0), count = (0, 0)
            for t in marked.indices {
                for j in 0..<H {
                    if marked[t] { sum.0 += gate[t, j]; count.0 += 1 } else { sum.1 += gate[t, j]; count.1 += 1 }
                }
            }
            guard count.0 > 0, count.1 > 0 else { return nil }
            return sum.0 / Double(count.0) - sum.1 / Double(count.1)
        }
    }

    /// The GRU's mean z on the carrying units (the quarter whose state moved most at
    /// the first marker): between the markers, and on the first marker itself.
    fileprivate func updateGateCarrying() -> (carrying: Double, atMarker: Double)? {
        var atMarker: [Double] = []
        let carrying = probeMarkedSequences(.gru) { probe, marked, _ in
            let markers = marked.indices.filter { marked[$0] }
            guard markers.count >= 2, markers[1] - markers[0] >= 2 else { return nil }
            let (m1, m2) = (markers[0], markers[1])
            let z = probe.gate(1), h = probe.hidden
            let H = h.shape[1]
            let moved = (0..<H).map { j in abs(h[m1, j] - (m1 > 0 ? h[m1 - 1, j] : 0)) }
            let order = (0..<H).sorted { moved[$0] > moved[$1] }
            let k = max(1, H / 4)
            func meanZ(_ units: ArraySlice<Int>) -> Double {
                var sum = 0.0
                for t in (m1 + 1)..<m2 { for j in units { sum += z[t, j] } }
                return sum / Double((m2 - m1 - 1) * max(units.count, 1))
            }
            let top = order.prefix(k)
            atMarker.append(top.reduce(0.0) { $0 + z[m1, $1] } / Double(k))
            return meanZ(top)
        }
        guard let carrying, !atMarker.isEmpty else { return nil }
        return (carrying, atMarker.reduce(0, +) / Double(atMarker.count))
    }

    /// The mean weight on the mirrored source step (every output step), on the step
    /// after it, and on the two together (the steps u ≥ 1, which have both).
    fileprivate func attentionMirror() -> (mirror: Double, next: Double, pair: Double)? {
        guard let model = model as? TranslationModel, model.seq2seq.configuration.useAttention, let batch = validation.first else { return nil }
        let S = batch.steps
        let seq2seq = model.seq2seq
        seq2seq.probeSample = 0
        defer { seq2seq.probeSample = nil }
        var total = MirrorWeights()
        for b in 0..<min(32, batch.batchSize) {
            let L = batch.lengths[b]
            _ = seq2seq.greedyDecode(sourceTokens: Array(batch.inputTokens![(b * S)..<(b * S + S)]), sourceShape: (1, S),
                                     sourceMask: Array(batch.mask[(b * S)..<(b * S + S)]), maxLength: L + 1,
                                     bos: Vocabulary.begin, eos: Vocabulary.end)
            guard let weights = seq2seq.attentionProbe else { continue }
            total.add(MirrorWeights(weights, length: L))
        }
        guard total.steps > 0, total.laterSteps > 0 else { return nil }
        let later = Double(total.laterSteps)
        return (total.mirror / Double(total.steps), total.next / later, (total.laterMirror + total.next) / later)
    }
}

/// Sums over the output steps u < L of a reversal's attention weights (U, S):
/// the weight on the mirrored source step L−1−u, and for u ≥ 1 (where there is a
/// step after the mirror) the weight on L−1−u and on L−u.
struct MirrorWeights: Equatable {
    var mirror = 0.0, steps = 0
    var laterMirror = 0.0, next = 0.0, laterSteps = 0

    init() {}

    init(_ weights: Tensor, length L: Int) {
        steps = min(L, weights.shape[0])
        for u in 0..<steps {
            mirror += weights[u, L - 1 - u]
            guard u > 0 else { continue }
            laterMirror += weights[u, L - 1 - u]
            next += weights[u, L - u]
            laterSteps += 1
        }
    }

    mutating func add(_ o: MirrorWeights) {
        (mirror, steps) = (mirror + o.mirror, steps + o.steps)
        (laterMirror, next, laterSteps) = (laterMirror + o.laterMirror, next + o.next, laterSteps + o.laterSteps)
    }
}

/// The least-squares slope of y on x.
func slope(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let (mx, my) = (x.reduce(0, +) / n, y.reduce(0, +) / n)
    let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
    return sxx > 0 ? sxy / sxx : 0
}

extension MetricKind {
    /// Every metric kind the lab knows: the tasks', the run's and the measurements'.
    public static var all: [MetricKind] { taskMetrics + RunMetrics.kinds + Measurement.metricKinds }

    /// The kind with this id among `all`, if any.
    public static func known(_ id: String) -> MetricKind? { all.first { $0.id.rawValue == id } }
}
