import Foundation
import Testing
import RNNEngine

/// The connectivity map ‖∂y_t/∂x_s‖: causal, equal to finite differences, and
/// equal to PyTorch's autograd Jacobian.
///
/// The PyTorch numbers come from `Tests/scripts/make_probe_fixtures.py --seed N
/// --out Tests/RNNEngineTests/Fixtures/probes` for seeds 0 and 1; set
/// `RNNLAB_PROBE_FIXTURES=/some/dir` and `RNNLAB_PROBE_SEED=N` to test a folder the
/// script wrote for another seed. Bound: relative error 1e-9 in float64.
@Suite struct ConnectivityTests {
    struct Case: Decodable, Sendable, CustomStringConvertible {
        var name: String, file: String, kind: String
        var batch: Int, steps: Int, input_size: Int, hidden_size: Int
        var description: String { file }
    }
    struct Index: Decodable { var seed: Int; var cases: [Case] }

    static let directory: URL = {
        if let dir = ProcessInfo.processInfo.environment["RNNLAB_PROBE_FIXTURES"], !dir.isEmpty {
            return URL(fileURLWithPath: dir, isDirectory: true)
        }
        return fixture("probes")
    }()

    /// The committed seeds, or the one named by `RNNLAB_PROBE_SEED`.
    static let seeds = ProcessInfo.processInfo.environment["RNNLAB_PROBE_SEED"].flatMap(Int.init).map { [$0] } ?? [0, 1]

    static var cases: [Case] {
        seeds.flatMap { seed in
            (try? JSONDecoder().decode(Index.self, from: Data(contentsOf: directory.appendingPathComponent("cases_\(seed).json"))))?.cases ?? []
        }
    }

    @Test func everySeedHasItsFixtures() {
        #expect(Self.cases.count == 2 * Self.seeds.count, "an RNN and an LSTM for each seed")
        #expect(Set(Self.cases.map(\.kind)) == ["rnn_tanh", "lstm"])
    }

    @Test(arguments: cases)
    func matchesPyTorch(_ c: Case) throws {
        let t = try SafetensorsFile.readStateDict(from: Self.directory.appendingPathComponent(c.file))
        let kind = try #require(CellKind(rawValue: c.kind))
        var rng = SplitMix64(seed: 1)
        let layer = RecurrentLayer(kind, inputSize: c.input_size, hiddenSize: c.hidden_size, rng: &rng, dtype: .float64)
        try layer.loadStateDict(t.filter { $0.key != "input" && $0.key != "connectivity" })
        let x = try #require(t["input"]), expected = try #require(t["connectivity"])
        let ours = Connectivity.map(x) { layer($0).output }
        #expect(ours.shape == [c.steps, c.steps])
        let scale = expected.doubles.map(abs).max() ?? 0
        let error = zip(ours.doubles, expected.doubles).map { abs($0 - $1) }.max() ?? .infinity
        #expect(scale > 0.01 && error / scale < 1e-9, "\(c): error \(error), scale \(scale)")
        // Not vacuous: a nudged weight moves the map well past the bound.
        layer.weights[0].weightHH.value[flat: 0] += 1e-3
        let moved = Connectivity.map(x) { layer($0).output }
        let changed = zip(moved.doubles, expected.doubles).map { abs($0 - $1) }.max() ?? 0
        #expect(changed / scale > 1e-6)
    }

    /// A one-way recurrent layer cannot see the future: exactly zero above the diagonal,
    /// and not zero on or below it.
    @Test(arguments: CellKind.allCases)
    func causalLayerIsZeroAboveTheDiagonal(kind: CellKind) {
        var rng = SplitMix64(seed: 41)
        let layer = RecurrentLayer(kind, inputSize: 3, hiddenSize: 5, rng: &rng)
        let x = Tensor.normal([3, 7, 3], rng: &rng)
        let m = Connectivity.map(x) { layer($0).output }
        for t in 0..<7 {
            for s in 0..<7 {
                if s > t { #expect(m[t, s] == 0, "(\(t), \(s))") } else if kind != .rnnReLU { #expect(m[t, s] > 0, "(\(t), \(s))") }
            }
        }
        // A bidirectional layer sees both ways.
        let bi = RecurrentLayer(kind, inputSize: 3, hiddenSize: 5, options: .init(bidirectional: true), rng: &rng)
        #expect(Connectivity.map(x) { bi($0).output }[0, 6] > 0)
    }

    /// Float64 finite differences of a tiny model with a read-out (O = 2), per (t, s):
    /// the Jacobian block built column by column from central differences.
    @Test func equalsFiniteDifferences() {
        var rng = SplitMix64(seed: 43)
        let (B, T, I, H, O) = (2, 4, 2, 3, 2)
        let layer = RecurrentLayer(.gru, inputSize: I, hiddenSize: H, rng: &rng, dtype: .float64)
        let head = Linear(H, O, rng: &rng, dtype: .float64)
        func model(_ v: Variable) -> Variable { head(layer(v).output) }
        let x = Tensor.normal([B, T, I], rng: &rng, dtype: .float64)
        let ours = Connectivity.map(x, rowLimit: 3, model: model)   // several passes per row
        let eps = 1e-6
        var expected = [Double](repeating: 0, count: T * T)
        for b in 0..<B {
            var squares = [Double](repeating: 0, count: T * T)
            for s in 0..<T {
                for i in 0..<I {
                    var up = x, down = x
                    up[b, s, i] += eps
                    down[b, s, i] -= eps
                    let (yu, yd) = (model(Variable(up)).value, model(Variable(down)).value)
                    for t in 0..<T {
                        for o in 0..<O {
                            let d = (yu[b, t, o] - yd[b, t, o]) / (2 * eps)
                            squares[t * T + s] += d * d
                        }
                    }
                }
            }
            for k in 0..<(T * T) { expected[k] += squares[k].squareRoot() / Double(B) }
        }
        #expect(maxRelativeDifference(ours.doubles, expected) < 1e-7)
    }
}
