/// The English table: every message of the lab, by key.
///
/// `{name}` is replaced by the argument `name`; `{name:one|other}` picks
/// `one` when the integer `name` is 1 and `other` otherwise.
enum English {
    static let texts: [TextKey: String] = merge(
        common.map { (TextKey.common($0.key), $0.value) },
        home.map { (TextKey.home($0.key), $0.value) },
        lesson.map { (TextKey.lesson($0.key), $0.value) },
        checks.map { (TextKey.checks($0.key), $0.value) },
        knobs.map { (TextKey.knobs($0.key), $0.value) },
        keys.map { (TextKey.keys($0.key), $0.value) },
        status.map { (TextKey.status($0.key), $0.value) },
        cli.map { (TextKey.cli($0.key), $0.value) },
        // English+Lab.swift
        list.map { (TextKey.list($0.key), $0.value) },
        setting.map { (TextKey.setting($0.key), $0.value) },
        lessonFile.map { (TextKey.lessonFile($0.key), $0.value) },
        check.map { (TextKey.check($0.key), $0.value) },
        data.map { (TextKey.data($0.key), $0.value) },
        run.map { (TextKey.run($0.key), $0.value) },
        command.map { (TextKey.command($0.key), $0.value) },
        store.map { (TextKey.store($0.key), $0.value) },
        label.map { (TextKey.label($0.key), $0.value) },
        panels.map { (TextKey.panel($0.key), $0.value) },
        dashboard.map { (TextKey.dashboard($0.key), $0.value) },
        // English+Tasks.swift
        settingSummary.map { (TextKey.settingSummary($0.key), $0.value) },
        knobSummary.map { (TextKey.knobSummary($0.key), $0.value) },
        // English+Architectures.swift
        architectureKnobSummary.map { (TextKey.knobSummary($0.key), $0.value) },
        architectureTask.map { (TextKey.task($0.key), $0.value) },
        architecturePanels.map { (TextKey.panel($0.key), $0.value) },
        task.map { (TextKey.task($0.key), $0.value) },
        baseline.map { (TextKey.baseline($0.key), $0.value) },
        keyName.map { (TextKey.keyName($0.key), $0.value) },
        engineError.map { (TextKey.engineError($0.key), $0.value) },
        teach.map { (TextKey.teach($0.key), $0.value) },
        gate.map { (TextKey.gate($0.key), $0.value) },
        pace.map { (TextKey.pace($0.key), $0.value) },
        guide.map { (TextKey.guide($0.key), $0.value) },
        export.map { (TextKey.export($0.key), $0.value) })

    static let common: [CommonKey: String] = [
        .listSeparator: ", ",
        .problemSeparator: "; ",
        .partSeparator: " · ",
        .tooSmallTitle: "The terminal is too small for RNN Lab.",
        .tooSmallSize: "It is {width}×{height}; the lab needs at least {minWidth}×{minHeight}.",
        .tooSmallAction: "Enlarge the window, or press q to quit.",
        .plotNoData: "no data",
        .plotSkipped: " ({count} skipped)",
    ]

    static let home: [HomeKey: String] = [
        .title: "RNN Lab",
        .summary: "{lessons} {lessons:lesson|lessons} · {done}/{total} checks met",
        .welcome: "Welcome to RNN Lab. Pick a lesson with ↑/↓ and press Enter: you read, then watch a real "
            + "recurrent network train while you turn its knobs. Press ? for help at any time.",
        .problems: "⚠ {count} lesson {count:file|files} did not load (rnnlab lint says why): {files}",
        .noLessons: "No lessons were found.",
        .lessonChecks: "{done}/{total} checks",
        .lessonChecksAll: "{done}/{total} checks ✓",
    ]

    static let lesson: [LessonKey: String] = [
        .titleBar: "RNN Lab › {chapter} › {title}",
        .checksCount: "checks {done}/{total}",
        .tabLesson: "Lesson",
        .tabKnobs: "Knobs",
        .tabChecks: "Checks",
        .prosePanel: "Lesson",
        .pageFooter: "page {page}/{pages}",
        .pageFooterMore: "more below ↓ · page {page}/{pages}",
    ]

    static let checks: [ChecksKey: String] = [
        .panel: "Checks",
        .footer: "{met}/{total}",
        .setting: "{name}={value}",
        .seeds: "seeds {seeds}",
        .versus: "versus {settings}",
        .steps: "{steps} steps",
        .until: "until {condition}",
        .conditionAtEnd: "{condition} at the end",
        .condition: "{condition}",
        .multiRun: "judged over several runs: press v, or run rnnlab verify {lesson}/{check}",
        .verifying: "verifying… {steps} of at most {budget} steps · v cancels",
        .verified: "✓ verified: {detail}",
        .notVerified: "✗ not verified: {detail}",
    ]

    static let knobs: [KnobsKey: String] = [
        .panel: "Knobs",
        .none: "This lesson has no knobs.",
        .rangeLive: "range {range} · live",
        .rangeRebuilds: "range {range} · rebuilds",
        .range: "{low}…{high}",
        .rangeLog: "{low}…{high} log",
        .prompt: "{knob} = ",
    ]

    static let keys: [KeyMapKey: String] = [
        .helpTitle: "Keys",
        .helpClose: "Press any key to close.",
        .helpMove: "move the selection, scroll the prose",
        .helpChange: "change the selected knob; turn prose pages",
        .helpPage: "previous / next prose page",
        .helpFocus: "move focus: lesson, knobs, checks",
        .helpOpen: "open a lesson; type a knob value",
        .helpPlay: "start or pause training",
        .helpStep: "take one training step",
        .helpPace: "slower / faster: 1 to 500 steps a second, or full speed",
        .helpRunSteps: "run a number of steps, then pause",
        .helpSetUp: "set up the selected check: its settings, a fresh model",
        .helpDefaults: "put every knob back to the lesson's default",
        .helpReset: "reset: build the model again from the seed",
        .helpVerify: "verify the selected check in the background",
        .helpRollBack: "after a divergence: roll back",
        .helpLowerRate: "after a divergence: roll back, learning rate ÷10",
        .helpHelp: "this help (any key closes it)",
        .helpPredict: "the lesson's predict-then-run question",
        .helpBack: "back to the lessons; quit from there",
        .helpQuit: "quit at once",
        .hintChoose: "choose",
        .hintOpen: "open",
        .hintQuit: "quit",
        .hintApply: "apply",
        .hintCancel: "cancel",
        .hintCursor: "move",
        .hintDelete: "delete",
        .hintRollBack: "roll back",
        .hintLowerRate: "lower lr",
        .hintPause: "pause",
        .hintTrain: "train",
        .hintStep: "step",
        .hintPace: "pace",
        .hintSetUp: "set up",
        .hintPage: "page",
        .hintChange: "change",
        .hintType: "type",
        .hintVerify: "verify",
        .hintCancelVerify: "cancel",
        .hintFocus: "focus",
        .hintReset: "reset",
        .hintHelp: "help",
        .hintBack: "back",
        .manualMove: "move the selection; scroll the prose",
        .manualChange: "change the selected knob; turn prose pages",
        .manualPage: "previous / next page of the lesson",
        .manualFocus: "move focus: lesson, knobs, checks",
        .manualOpen: "open a lesson; type a knob value",
        .manualPlay: "start or pause training",
        .manualStep: "take one training step",
        .manualPace: "train slower / faster: at most 1, 2, 5, … 500 steps a second, or at full speed",
        .manualRunSteps: "run a number of steps you type, then pause",
        .manualSetUp: "set up the selected check: the knobs it needs, then a fresh model, so Space runs it",
        .manualDefaults: "put every knob back to the lesson's default",
        .manualReset: "reset: build the model again from its seed",
        .manualPredict: "the lesson's predict-then-run question: answer it before the run (↑↓ or a digit, Enter), and later see your answer beside the measured one",
        .manualVerify: "verify the selected check in the background, with its own runs, as `rnnlab verify` does (`v` again cancels)",
        .manualRollBack: "after a divergence: roll back / roll back with the learning rate ÷ 10",
        .manualHelp: "help",
        .manualBack: "back to the lessons; quit from there (Ctrl-C quits at once)",
        .helpPresent: "presentation: the dashboard alone, full screen",
        .hintPresent: "present",
        .hintShowLesson: "lesson text",
        .hintRunSteps: "run N",
        .manualPresent: "presentation mode: the dashboard alone, as large as the screen allows (for a projector); `f` again brings the lesson text back",
    ]

    static let status: [StatusKey: String] = [
        .rollingBack: "rolling back to the last good step…",
        .rollingBackCompare: "rolling the compare run back to the last good step…",
        .lowering: "rolling back with the learning rate divided by 10…",
        .loweringCompare: "rolling the compare run back with the learning rate divided by 10…",
        .diverged: "the run diverged: press b to roll back or L to lower the learning rate",
        .reset: "reset: the model is built again from the seed",
        .verificationCancelled: "verification of {check} cancelled",
        .verifying: "verifying {check} in the background (at most {budget} steps); v cancels",
        .verified: "✓ {check} verified ({seconds} s): {detail}",
        .notVerified: "✗ {check} not verified ({seconds} s): {detail}",
        .typeValue: "type a value, Enter applies, Esc cancels",
        .knobAlready: "{knob} is already {value} (limit of {range})",
        .knobChanged: "{knob} {old} → {value}",
        .knobChangedRebuilds: "{knob} {old} → {value} (rebuilds the model)",
        .valueTooLong: "a value has at most {limit} characters; the rest was ignored",
        .checkMet: "✓ {title}",
        .checkNotMet: "✗ not met in this run: {title} — {detail}; r starts a new run",
    ]

    static let cli: [CLIKey: String] = [
        .abstract: "An interactive terminal lab for recurrent neural networks.",
        .launchAbstract: "Open the lab (the default).",
        .error: "rnnlab: {error}",
    ]
}

/// One table from the groups' tables (a key appears in one group only).
func merge(_ groups: [(TextKey, String)]...) -> [TextKey: String] {
    Dictionary(groups.joined().map { $0 }, uniquingKeysWith: { first, _ in first })
}
