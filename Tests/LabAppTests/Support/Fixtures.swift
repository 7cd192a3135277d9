import Foundation
import LabApp
import LabText
import RNNLab
import TerminalUI

/// A small lesson in the shape of lesson 01, fixed here so prose edits to the
/// real lesson files do not change these snapshots.
let fixtureLessonText = """
---
id: echo-lab
title: Sequences and the simple RNN
chapter: 1. Foundations
summary: A network with a loop in it, trained by backpropagation through time.
experiment:
  task: echo
  T: 12
  k: 3
  K: 4
  hidden: 8
  learning_rate: 0.01
  eval_every: 25
knobs:
  - name: learning_rate
    range: [0.0001, 1]
    scale: log
  - name: optimizer
    choices: [sgd, adam]
  - name: hidden
    range: [1, 128]
    scale: log
  - name: k
    summary: how many steps back to echo
    range: [0, 20]
panels: [loss, gradient_norms, hidden_heatmap, predictions]
checks:
  - id: echo-3
    title: The RNN learns to echo the symbol from 3 steps back
    steps: 800
    expect: accuracy > 0.95
    hint: Leave the defaults and press Space.
  - id: no-memory
    title: With one hidden unit it stays far below perfect
    set: {hidden: 1}
    steps: 100
    when: end
    expect: accuracy < 0.6
    hint: Set hidden to 1.
---

# Sequences and the simple RNN

A recurrent network keeps a vector, the hidden state h, and updates it once
per step from the new input and its own previous value:

```
h_t = tanh(U x_t + W h_{t-1} + b)
```

- the same weights at every step;
- trained by **backpropagation through time**.

---

## Try it

Press Space and watch the accuracy climb.
"""

/// A second lesson in another chapter, for the home screen.
let secondLessonText = fixtureLessonText
    .replacingOccurrences(of: "id: echo-lab", with: "id: vanishing")
    .replacingOccurrences(of: "title: Sequences and the simple RNN", with: "title: Vanishing and exploding gradients")
    .replacingOccurrences(of: "chapter: 1. Foundations", with: "chapter: 2. Gradients through time")

func fixtureLesson(_ text: String = fixtureLessonText) -> Lesson {
    try! LessonParser.parse(text, file: "01-echo-lab.md")
}

/// A state with the fixture lessons, `width`×`height`.
func fixtureState(width: Int = 80, height: Int = 24, firstStart: Bool = false) -> AppState {
    AppState(lessons: [fixtureLesson(), fixtureLesson(secondLessonText)], completed: ["vanishing": ["echo-3"]],
             firstStart: firstStart, width: width, height: height)
}

/// What the trainer says once the experiment is built.
func readyEvent(_ lesson: Lesson, overrides: [String: SettingValue] = [:]) -> TrainerEvent {
    var settings = lesson.settings
    for (k, v) in overrides { settings[k] = v }
    let chance = Baseline(name: .verbatim("chance"), split: .validation,
                          metrics: [Metric(.accuracy, 0.25), Metric(.crossEntropy, log(4.0))])
    return .ready(ExperimentInfo(settings: settings, parameterCount: 388, baselines: [chance], taskSummary: Phrase(.task(.echo)),
                                 evalEvery: Int(settings["eval_every"]?.number ?? 1)))
}

/// A fake, smooth training step: loss falls from about 1.4, accuracy climbs.
func fakeReport(step: Int, evaluate: Bool = false, probes: Bool = false, accuracy: Double? = nil, loss: Double? = nil) -> StepReport {
    let s = Double(step)
    let trainLoss = loss ?? (1.4 * exp(-s / 60) + 0.05 + 0.03 * sin(s))
    var evaluation: Evaluation?
    var samples: [SampleRow] = []
    if evaluate {
        let acc = accuracy ?? min(0.99, 0.25 + s / 200)
        evaluation = Evaluation(step: step, loss: trainLoss * 1.1,
                                metrics: [Metric(.accuracy, acc), Metric(.crossEntropy, trainLoss * 1.1)])
        samples = [sampleRow("A B D A C C B D A", "A B D A D C B D A"), sampleRow("C C A B D D A B C", "C C A B D D A B C")]
    }
    return StepReport(step: step, loss: trainLoss, gradientNorm: 0.5 + 0.1 * sin(s), clipped: false, divergence: nil,
                      evaluation: evaluation, probes: probes ? fakeProbes(step: step) : nil, samples: samples)
}

/// A sample of symbols, each prediction right where it equals the target at its place.
func sampleRow(_ predicted: String, _ target: String) -> SampleRow {
    let p = predicted.split(separator: " ").map(String.init), t = target.split(separator: " ").map(String.init)
    return SampleRow(predicted: p.map { .symbol($0) }, target: t.map { .symbol($0) },
                     correct: p.indices.map { $0 < t.count && p[$0] == t[$0] })
}

/// Probes of a 12-step, 8-unit RNN: gradient norms growing towards the end, wavy hidden states.
func fakeProbes(step: Int) -> ProbeSet {
    let T = 12, H = 8
    let norms = (0..<T).map { 1e-3 * pow(1.6, Double($0)) }
    var hidden: [Double] = []
    for t in 0..<T { for h in 0..<H { hidden.append(Double(Float(sin(Double(t) * 0.7 + Double(h)) * 0.9))) } }
    return ProbeSet(step: step, values: [
        .gradientNorms: .series(norms),
        .hidden: .grid(Grid.unitsByTime(timeSteps: T, units: H, hidden)),
        .gates: .grid(Grid.unitsByTime(timeSteps: T, units: H, hidden.map { Double((Float($0) + 1) / 2) })),
        .parameterGradientNorms: .table([TableRow(name: "rnn.weight_hh_l0", value: 0.1), TableRow(name: "head.weight", value: 0.4)]),
        .spectralRadii: .series([0.9]),
    ])
}

/// Runs `update` for each message and collects the effects.
@discardableResult
func send(_ state: inout AppState, _ messages: [AppMessage]) -> [AppEffect] {
    messages.flatMap { update(&state, $0) }
}

/// Keys as messages.
func keys(_ list: AppKey...) -> [AppMessage] { list.map { .key($0) } }

/// A state with the first lesson open and `steps` fake steps trained.
/// A live learning-rate change at step `changeAt` (nil: none) marks the plot and,
/// being off the lesson's settings, takes the checks out of this run.
func trainedState(width: Int = 80, height: Int = 24, steps: Int = 120, running: Bool = true, changeAt: Int? = 60) -> AppState {
    var state = fixtureState()
    send(&state, keys(.enter))
    send(&state, [.resize(width: width, height: height)])
    send(&state, [.trainer(readyEvent(state.lesson!.lesson)), .trainer(.running(true)), .tick(seconds: 0)])
    for step in 1...steps {
        send(&state, [.trainer(.report(fakeReport(step: step, evaluate: step % 25 == 0, probes: step % 5 == 0)))])
        if step == changeAt {
            send(&state, [.trainer(.changed(name: "learning_rate", value: .number(0.03), effect: .live, step: step))])
        }
        send(&state, [.tick(seconds: Double(step) / 40)])
    }
    if !running { send(&state, [.trainer(.running(false))]) }
    return state
}

/// The frame `view` draws for `state` at its size.
func frame(_ state: AppState, capabilities: Capabilities = .full) -> Buffer {
    var buffer = Buffer(width: state.width, height: state.height, capabilities: capabilities)
    view(state, into: &buffer)
    return buffer
}

/// The frame of `state` as text, one line per row.
func screenText(_ state: AppState) -> String {
    let buffer = frame(state)
    return (0..<state.height).map { y in String((0..<state.width).map { buffer[$0, y].symbol }) }.joined(separator: "\n")
}

extension AppEffect {
    /// A short name for matching in tests.
    var summary: String {
        switch self {
        case .startTrainer(let plan): return "start \(plan.task)"
        case .startCompanion(let plan): return "start companion \(plan.task)"
        case .stopTrainer: return "stop"
        case .send(let c): return "send " + describe(c)
        case .sendCompanion(let c): return "companion " + describe(c)
        case .verifyCheck(let id): return "verify \(id)"
        case .cancelVerification: return "cancel verification"
        case let .markDone(l, c): return "done \(l) \(c)"
        case .markStarted: return "started"
        case .saveRun: return "save run"
        case .listSavedRuns(let l): return "list saved runs \(l)"
        case let .saveAnswer(l, q, c): return "answer \(l) \(q) \(c)"
        case let .saveKnobs(l, v): return "save \(l) \(v.keys.sorted().map { "\($0)=\(v[$0]!)" }.joined(separator: ","))"
        case .quit: return "quit"
        }
    }
}

/// "play", "set learning_rate=0.02", … for matching in tests.
func describe(_ command: TrainerCommand) -> String {
    switch command {
    case .play: return "play"
    case .pause: return "pause"
    case .step: return "step"
    case .run(let steps): return "run \(steps)"
    case .pace(let p): return "pace " + (p.stepsPerSecond.map { "\(Int($0))" } ?? "full")
    case .reset: return "reset"
    case let .set(name, value): return "set \(name)=\(value)"
    case .rollBack: return "rollBack"
    case .lowerLearningRate: return "lowerLearningRate"
    case .save(let folder): return "save into \(folder)"
    case .load(let path): return "load \(path)"
    case .shutdown: return "shutdown"
    }
}

extension RunEvent {
    /// The marker's label written in English, for comparing with a literal.
    var english: String { Language.english.render(label) }
}
