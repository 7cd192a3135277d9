import Foundation
import RNNEngine
@testable import RNNLab
import Testing

/// The typed configuration and its schema: one decoder, one place for each
/// default, live changes applied by each setting's own definition.
@Suite struct ExperimentConfigurationTests {
    /// The stored fields of a configuration by label, as text (not `values`, the wire form).
    func fields(_ c: ExperimentConfiguration) -> [String: String] {
        var out: [String: String] = [:]
        for child in Mirror(reflecting: c).children where child.label != "values" && child.label != "task" {
            out[child.label!] = "\(child.value)"
        }
        return out
    }

    /// A legal value of `d` other than its default.
    func otherValue(_ d: SettingDefinition) -> SettingValue {
        switch (d.kind, d.defaultValue) {
        case let (.choice(names), .choice(current)): return .choice(names.first { $0 != current }!)
        case let (.integer(r), .number(v)), let (.real(r), .number(v)):
            return .number(v == r.upperBound ? r.lowerBound : (v + 1 <= r.upperBound ? (v + 1).rounded(.down) : r.upperBound))
        default: Issue.record("\(d.name): default \(d.defaultValue) does not fit its kind"); return d.defaultValue
        }
    }

    @Test func decodingNothingGivesTheSchemasDefaults() throws {
        let c = try ExperimentConfiguration(task: "echo", settings: [:])
        for d in ExperimentSettings.definitions(forTask: "echo") { #expect(c.values[d.name] == d.defaultValue, "\(d.name)") }
        #expect(c.cell == .rnnTanh && c.hidden == 32 && c.optimizer == .adam && c.learningRate == 0.01)
        #expect(c.score == .additive && c.attention && c.evalEvery == 50 && c.batch == 32 && c.seed == 1)
        let echoKnobs = TaskCatalog.entry(named: "echo")!.knobs
        #expect(c.taskKnobs == Dictionary(uniqueKeysWithValues: echoKnobs.map { ($0.name, $0.defaultValue) }))
    }

    /// Every setting lands in exactly one typed field, and a different one for each setting.
    @Test func everySettingFillsItsOwnField() throws {
        let defaults = fields(try ExperimentConfiguration(task: "echo", settings: [:]))
        var seen: [String: String] = [:]
        for d in ExperimentSettings.definitions {
            let changed = fields(try ExperimentConfiguration(task: "echo", settings: [d.name: otherValue(d)]))
            let moved = defaults.keys.filter { defaults[$0] != changed[$0] }
            #expect(moved.count == 1, "\(d.name) changed \(moved)")
            if let field = moved.first {
                #expect(seen[field] == nil, "\(d.name) and \(seen[field] ?? "") both write \(field)")
                seen[field] = d.name
            }
        }
        // Every field but the task's knobs belongs to one setting; `dataSet` to the `data`
        // setting of the tasks that take an imported set (echo takes none).
        #expect(Set(seen.keys) == Set(defaults.keys).subtracting(["taskKnobs", "dataSet"]))
        let sunspots = try ExperimentConfiguration(task: "sunspots", settings: ["data": .choice(ImportedData.lessonData)])
        #expect(sunspots.dataSet == ImportedData.lessonData)
        #expect(throws: Reason.self) { try ExperimentConfiguration(task: "sunspots", settings: ["data": .choice("no-such-set-imported")]) }
    }

    @Test func refusesUnknownNamesAndValuesOutOfRange() {
        #expect(throws: Reason.self) { try ExperimentConfiguration(task: "echo", settings: ["colour": .choice("red")]) }
        do {
            _ = try ExperimentConfiguration(task: "echo", settings: ["colour": .choice("red")])
        } catch {
            #expect("\(error)".hasPrefix("unknown setting colour (settings: cell, hidden,"))
        }
        #expect(throws: Reason(english: "hidden=0 is out of range 1…512")) {
            try ExperimentConfiguration(task: "echo", settings: ["hidden": .number(0)])
        }
        #expect(throws: Reason(english: "cell=gru2 is not one of rnn_tanh, rnn_relu, lstm, gru")) {
            try ExperimentConfiguration(task: "echo", settings: ["cell": .choice("gru2")])
        }
        // A task knob is checked against the task's own range.
        #expect(throws: Reason.self) { try ExperimentConfiguration(task: "echo", settings: ["T": .number(0)]) }
    }

    /// Issue 14: a number is written in decimal; `true`, `on`, hex, `inf` are refused with the range.
    @Test func numbersMustBeDecimal() {
        let hidden = ExperimentSettings.definition("hidden")!, lr = ExperimentSettings.definition("learning_rate")!
        for text in ["true", "false", "on", "off", "0x20", "0X20", "inf", "nan", "1,5", "", "+", "1e", "1.2.3", "--1", "0b1", " 8"] {
            let v = hidden.parse(text)
            #expect(v == .choice(text), "\(text) read as \(v)")
            #expect(english(hidden.refusal(v)) == "hidden takes a number in 1…512, not \"\(text)\"")
        }
        #expect(english(lr.refusal(lr.parse("on"))) == "learning_rate takes a number in 1e-6…10, not \"on\"")
        let accepted: [(String, Double)] = [("12", 12), ("-0.5", -0.5), (".5", 0.5), ("5.", 5), ("1e-3", 0.001), ("+2E2", 200)]
        for (text, value) in accepted { #expect(lr.parse(text) == .number(value), "\(text)") }
        // A choice keeps its text.
        #expect(ExperimentSettings.definition("cell")!.parse("lstm") == .choice("lstm"))
    }

    /// A task knob named like an experiment setting would be shadowed by it.
    @Test func noTaskKnobSharesANameWithASetting() {
        let names = Set(ExperimentSettings.definitions.map(\.name))
        for entry in TaskCatalog.entries {
            for knob in entry.knobs { #expect(!names.contains(knob.name), "\(entry.name) knob \(knob.name)") }
        }
    }

    /// The parser asks the schema; it has no settings of its own.
    @Test func theParserUsesTheSchema() {
        let parser = LessonParser.definitions(forTask: "adding").map(\.name)
        #expect(parser == ExperimentSettings.definitions(forTask: "adding").map(\.name))
        #expect(parser.last == "T")
    }

    /// Each live setting reaches the running experiment through its own definition;
    /// the others rebuild.
    @Test func liveSettingsReachTheRunningExperiment() throws {
        let e = try Experiment(task: "echo", settings: ["T": .number(8), "hidden": .number(4), "batch": .number(4),
                                                        "optimizer": .choice("momentum")],
                               dataDirectory: ExperimentTests.data)
        _ = e.trainStep()
        #expect(try e.apply("learning_rate", .number(0.2)) == .live && e.optimizer.learningRate == 0.2)
        #expect(try e.apply("weight_decay", .number(0.01)) == .live && e.optimizer.weightDecay == 0.01)
        #expect(try e.apply("momentum", .number(0.5)) == .live && (e.optimizer as? SGD)?.momentum == 0.5)
        #expect(try e.apply("dropout", .number(0.3)) == .live)
        #expect((e.model as? SequenceModel)?.recurrent.dropoutBetweenLayers == 0.3)
        #expect(try e.apply("recurrent_dropout", .number(0.2)) == .live)
        #expect((e.model as? SequenceModel)?.recurrent.recurrentDropout == 0.2)
        #expect(try e.apply("batch", .number(16)) == .live && e.configuration.batch == 16)
        #expect(try e.apply("optimizer", .choice("rmsprop")) == .live && e.optimizer is RMSprop)
        #expect(e.optimizer.learningRate == 0.2)
        #expect(e.step == 1)
        #expect(try e.apply("layers", .number(2)) == .rebuild && e.step == 0 && e.configuration.layers == 2)
        // A refused value changes nothing.
        #expect(throws: Reason.self) { try e.apply("batch", .number(0)) }
        #expect(e.configuration.batch == 16)
    }

    /// The model table: the first kind that fits the task is built.
    @Test func theModelTablePicksByTask() throws {
        var rng = SplitMix64(seed: 1)
        let echo = try TaskCatalog.make("echo")
        let reverse = try TaskCatalog.make("reverse")
        let c = try ExperimentConfiguration(task: "echo", settings: [:])
        #expect(try ModelCatalog.model(for: echo, configuration: c, rng: &rng) is SequenceModel)
        #expect(try ModelCatalog.model(for: reverse, configuration: c, rng: &rng) is TranslationModel)
        // The kinds chosen by task split these two; the tree model fits only a task that
        // gives parse trees, the RCNN is chosen only by `architecture`.
        for kind in ModelCatalog.kinds where !(kind is TreeLabModel.Type) && ObjectIdentifier(kind) != ObjectIdentifier(RCNNModel.self) {
            #expect(kind.fits(echo) != kind.fits(reverse), "\(kind)")
        }
        #expect(!TreeLabModel.fits(echo) && !TreeLabModel.fits(reverse))
        #expect(!RCNNModel.fits(echo, configuration: c))
    }

    /// A model records only probes it says it offers.
    @Test func modelsOfferTheProbesTheyRecord() throws {
        for (task, cell) in [("echo", "lstm"), ("reverse", "gru")] {
            let e = try Experiment(task: task, settings: ["cell": .choice(cell), "hidden": .number(4), "batch": .number(4)],
                                   dataDirectory: ExperimentTests.data)
            let recorded = Set(e.trainStep().probes!.values.keys)
            let offered = type(of: e.model).offeredProbes
            #expect(recorded.isSubset(of: offered) && recorded.contains(.hidden), "\(task): \(recorded) not in \(offered)")
            #expect(recorded.contains(.cell) == (cell == "lstm"))
        }
        #expect(TranslationModel.offeredProbes.contains(.attention) && !SequenceModel.offeredProbes.contains(.attention))
    }
}
