import Foundation
import LabText
import RNNEngine

/// A checkpoint that `rnnlab run --resume` (and the lab's `O`) continues exactly
/// where it stopped: besides the parameters under their PyTorch names, it holds
/// the optimiser's buffers and step count, the step, the data generator's and the
/// model's generators' positions, the point a divergence rolls back to, and every
/// setting with its exact value (a learning rate lowered by a tenth included).
///
/// Tensors: `rnn.weight_ih_l0`, … (the parameters, as a state_dict);
/// `resume.optimizer.<parameter>.<k>` (the optimiser's k-th buffer, the
/// parameter's shape); `resume.last_good.<parameter>` (only when the roll-back
/// point is not the current step). Metadata: `rnnlab.*` as every checkpoint, and
/// `rnnlab.resume.*` below. A file without `rnnlab.resume` (a PyTorch
/// state_dict, an older checkpoint) still starts a run with `--init-from`.
public enum ResumableCheckpoint {
    static let marker = "rnnlab.resume"
    static let version = "1"
    static let optimizerPrefix = "resume.optimizer."
    static let lastGoodPrefix = "resume.last_good."
    static let exactSettingPrefix = "rnnlab.resume.setting."
    static let generatorPrefix = "rnnlab.resume.generator."

    /// The checkpoint of `experiment`, with `metadata` added (lesson, note, …).
    public static func file(of e: Experiment, metadata extra: [String: String] = [:]) -> SafetensorsFile {
        var tensors = e.stateDict()
        let names = e.model.namedParameters.map(\.name)
        let state = e.optimizer.state
        for (name, buffers) in zip(names, state.buffers) {
            for (k, b) in buffers.enumerated() { tensors["\(optimizerPrefix)\(name).\(k)"] = b }
        }
        let lastGood = e.lastGoodPoint
        if lastGood.step != e.step {
            for (name, t) in lastGood.state { tensors[lastGoodPrefix + name] = t }
        }
        var metadata = extra
        metadata["rnnlab.task"] = e.taskName
        metadata["rnnlab.step"] = String(e.step)
        for (name, value) in e.settings { metadata["rnnlab.setting." + name] = value.description }
        metadata[marker] = version
        metadata["rnnlab.resume.optimizer_steps"] = String(state.stepCount)
        metadata["rnnlab.resume.rng"] = hex(e.rng.state)
        metadata["rnnlab.resume.last_loss"] = hex(e.lastLoss.bitPattern)
        metadata["rnnlab.resume.last_good_step"] = String(lastGood.step)
        for (name, s) in e.model.generatorStates { metadata[generatorPrefix + name] = hex(s) }
        // Exact values: `rnnlab.setting.*` is rounded for reading, these round-trip.
        for (name, value) in e.settings {
            switch value {
            case .number(let v): metadata[exactSettingPrefix + name] = "\(v)"
            case .choice(let c): metadata[exactSettingPrefix + name] = c
            }
        }
        return SafetensorsFile(stateDict: tensors, metadata: metadata)
    }

    /// Whether the file can be resumed (it carries the optimiser and the run's position).
    public static func isResumable(_ file: SafetensorsFile) -> Bool { file.metadata[marker] != nil }

    /// The model's parameters in the file: every tensor but the resume state.
    public static func parameters(in file: SafetensorsFile) throws -> [String: Tensor] {
        try file.stateDict().filter { !$0.key.hasPrefix("resume.") }
    }

    /// The parameters of the checkpoint or state_dict at `url` (see ``parameters(in:)``).
    public static func readParameters(from url: URL) throws -> [String: Tensor] {
        try parameters(in: try SafetensorsFile.read(from: url))
    }

    /// The model-shaping settings (those that rebuild the model) the file's
    /// metadata records with another value than `settings`, as `name=value` in
    /// name order: what to `--set` so that the file's tensors fit. Empty when the
    /// file records none, or all agree.
    public static func differingModelSettings(in file: SafetensorsFile, task: String,
                                              from settings: [String: SettingValue]) -> [String] {
        let recorded = Self.settings(in: file)
        return Experiment.definitions(forTask: task)
            .filter { $0.effect == .rebuild }
            .map(\.name).sorted()
            .compactMap { name in
                guard let saved = recorded[name], let current = settings[name], saved != current else { return nil }
                return "\(name)=\(saved)"
            }
    }

    /// The task the file's metadata names, if any.
    public static func task(in file: SafetensorsFile) -> String? { file.metadata["rnnlab.task"] }

    /// The settings in the file's metadata: exact ones for a resumable file, the
    /// rounded `rnnlab.setting.*` otherwise; empty when it names none.
    public static func settings(in file: SafetensorsFile) -> [String: SettingValue] {
        let prefix = isResumable(file) ? exactSettingPrefix : "rnnlab.setting."
        var out: [String: SettingValue] = [:]
        for (key, text) in file.metadata where key.hasPrefix(prefix) {
            out[String(key.dropFirst(prefix.count))] = Double(text).map(SettingValue.number) ?? .choice(text)
        }
        return out
    }

    /// Builds the experiment the file continues: its settings, its parameters, and
    /// everything the next step needs. `path` names the file in messages.
    /// Throws a ``Reason``: not resumable (pointing to `--init-from`), another
    /// task, a field that does not read, or names and shapes that do not fit.
    public static func resume(_ file: SafetensorsFile, path: String, task: String,
                              dataDirectory: DataDirectory = .resolve()) throws -> Experiment {
        guard isResumable(file) else { throw Reason(.export(.notResumable), ["file": .text(path)]) }
        guard file.metadata[marker] == version else { throw bad(path, marker, "\"\(version)\"") }
        let found = self.task(in: file) ?? "?"
        guard found == task else {
            throw Reason(.export(.resumeOtherTask), ["file": .text(path), "found": .text(found), "expected": .text(task)])
        }
        let e: Experiment
        do { e = try Experiment(task: task, settings: settings(in: file), dataDirectory: dataDirectory) } catch {
            throw Reason(.export(.checkpointMismatch), ["file": .text(path), "reason": .phrase(Phrase.describing(error))])
        }
        try restore(e, from: file, path: path)
        return e
    }

    /// The experiment of a checkpoint for the lab's `O`: resumed when the file
    /// allows, else built with the settings in its metadata over `current` (the
    /// run's, for the settings it does not name) and started from its parameters.
    /// Throws a ``Reason`` naming the task or the parameter's shape that was expected.
    public static func load(_ file: SafetensorsFile, path: String, task: String, current: [String: SettingValue] = [:],
                            dataDirectory: DataDirectory = .resolve()) throws -> Experiment {
        if isResumable(file) { return try resume(file, path: path, task: task, dataDirectory: dataDirectory) }
        if let found = self.task(in: file), found != task {
            throw Reason(.export(.resumeOtherTask), ["file": .text(path), "found": .text(found), "expected": .text(task)])
        }
        do {
            let e = try Experiment(task: task, settings: current.merging(settings(in: file)) { _, named in named },
                                   dataDirectory: dataDirectory)
            try e.loadParameters(try parameters(in: file))
            return e
        } catch {
            throw Reason(.export(.checkpointMismatch), ["file": .text(path), "reason": .phrase(Phrase.describing(error))])
        }
    }

    /// Puts the file's parameters, optimiser and position into `e`, built with
    /// the file's settings; nothing changes when something does not fit.
    static func restore(_ e: Experiment, from file: SafetensorsFile, path: String) throws {
        func whole(_ key: String) throws -> Int {
            guard let t = file.metadata[key], let n = Int(t), n >= 0 else { throw bad(path, key, "a whole number ≥ 0") }
            return n
        }
        func bits(_ key: String) throws -> UInt64 {
            guard let t = file.metadata[key], let n = UInt64(t, radix: 16) else { throw bad(path, key, "a hex number") }
            return n
        }
        let step = try whole("rnnlab.step"), optimizerSteps = try whole("rnnlab.resume.optimizer_steps")
        let lastGoodStep = try whole("rnnlab.resume.last_good_step")
        let rng = try bits("rnnlab.resume.rng"), lastLoss = Double(bitPattern: try bits("rnnlab.resume.last_loss"))
        var generators: [String: UInt64] = [:]
        for key in file.metadata.keys where key.hasPrefix(generatorPrefix) {
            generators[String(key.dropFirst(generatorPrefix.count))] = try bits(key)
        }
        let all: [String: Tensor]
        do { all = try file.stateDict() } catch {
            throw Reason(.export(.checkpointMismatch), ["file": .text(path), "reason": .phrase(Phrase.describing(error))])
        }
        let named = e.model.namedParameters
        var buffers: [[Tensor]] = []
        for (name, _) in named {
            var list: [Tensor] = []
            while let t = all["\(optimizerPrefix)\(name).\(list.count)"] { list.append(t) }
            buffers.append(list)
        }
        var lastGood = [String: Tensor]()
        for (key, t) in all where key.hasPrefix(lastGoodPrefix) { lastGood[String(key.dropFirst(lastGoodPrefix.count))] = t }
        let before = e.stateDict()
        do {
            try e.model.loadStateDict(try parameters(in: file))
            if !lastGood.isEmpty {
                // Checked as the parameters are; the model is put back below.
                try e.model.loadStateDict(lastGood)
                try e.model.loadStateDict(try parameters(in: file))
            }
            let fresh = Experiment.makeOptimizer(e.configuration, e.model.parameters)
            try fresh.restore(OptimizerState(stepCount: optimizerSteps, buffers: buffers))
            e.optimizer = fresh
        } catch let error as OptimizerStateError {
            try? e.model.loadStateDict(before)
            throw bad(path, "resume.optimizer", describe(error, names: named.map(\.name), optimizer: e.configuration.optimizer.rawValue))
        } catch {
            try? e.model.loadStateDict(before)
            throw Reason(.export(.checkpointMismatch), ["file": .text(path), "reason": .phrase(Phrase.describing(error))])
        }
        e.model.restoreGenerators(generators)
        e.restorePosition(step: step, lastLoss: lastLoss, rng: SplitMix64(seed: rng),
                          lastGood: (lastGoodStep, lastGood.isEmpty ? e.stateDict() : lastGood))
    }

    private static func describe(_ error: OptimizerStateError, names: [String], optimizer: String) -> String {
        switch error {
        case let .parameterCount(expected, found): return "\(expected) parameters' buffers (found \(found))"
        case let .bufferCount(i, expected, found): return "\(expected) \(optimizer) buffers for \(names[i]) (found \(found))"
        case let .bufferShape(i, expected, found): return "buffers of shape \(expected) for \(names[i]) (found \(found))"
        }
    }

    private static func bad(_ path: String, _ field: String, _ expected: String) -> Reason {
        Reason(.export(.badResumeField), ["file": .text(path), "field": .text(field), "expected": .text(expected)])
    }

    private static func hex(_ v: UInt64) -> String { String(v, radix: 16) }
}
