import Testing
import RNNEngine

@Suite struct ModuleTests {
    final class TwoLayer: Module {
        let first: Linear, second: Linear
        init() {
            var rng = SplitMix64(seed: 0)
            first = Linear(3, 4, rng: &rng)
            second = Linear(4, 2, rng: &rng)
        }
        var namedParameters: [(name: String, parameter: Variable)] {
            prefixed("first", first) + prefixed("second", second)
        }
    }

    @Test func stateDictNamesAndRoundTrip() throws {
        let a = TwoLayer(), b = TwoLayer()
        #expect(a.stateDict().keys.sorted() == ["first.bias", "first.weight", "second.bias", "second.weight"])
        #expect(a.parameterCount == 3 * 4 + 4 + 4 * 2 + 2)
        b.second.weight.value.fill(0)
        try b.loadStateDict(a.stateDict())
        #expect(b.second.weight.value == a.second.weight.value)
    }

    /// A state dict that does not fit is refused whole, naming the tensor.
    @Test func badStateDictsAreRefusedAndChangeNothing() {
        let model = TwoLayer()
        let before = model.stateDict()
        var missing = before
        missing["second.bias"] = nil
        let names = ["first.weight", "first.bias", "second.weight", "second.bias"]
        #expect(model.namedParameters.map(\.name) == names)
        #expect(throws: StateDictError.missing("second.bias", expected: names)) { try model.loadStateDict(missing) }
        var extra = before
        extra["third.weight"] = Tensor(zeros: [1])
        #expect(throws: StateDictError.unexpected("third.weight", expected: names)) { try model.loadStateDict(extra) }
        var wrong = before
        wrong["first.bias"] = Tensor(zeros: [5])
        wrong["first.weight"] = Tensor(zeros: [4, 3])
        #expect(throws: StateDictError.shapeMismatch(name: "first.bias", expected: [4], found: [5])) {
            try model.loadStateDict(wrong)
        }
        #expect(model.stateDict()["first.weight"] == before["first.weight"])
    }

    @Test func convertToFloat64KeepsValues() {
        let model = TwoLayer()
        let before = model.first.weight.value.doubles
        model.convert(to: .float64)
        #expect(model.first.weight.dtype == .float64)
        #expect(model.first.weight.value.doubles == before)
    }
}
