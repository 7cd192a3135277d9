extension English {
    static let guide: [GuideKey: String] = [
        .change: "{name} {old}→{value}",
        .setUp: "set up for {check}: {changes}; the model is built again, Space runs it",
        .setUpNothing: "{check} needs no change; the model is built again, Space runs it",
        .setUpMultiRun: "{check} is judged over several runs: v verifies it, with its own runs",
        .setUpOtherTask: "{check} trains on the {task} task, not this lesson's: v verifies it, with its own runs",
        .defaultsRestored: "the lesson's defaults restored: {changes}",
        .defaultsAlready: "the knobs are at the lesson's defaults",
        .progress: "now: {clauses} · step {step} of {steps}",
        .progressClause: "{metric} {value}, want {op} {threshold}",
        .progressNotYet: "{metric} not measured yet",
        .otherSettings: "this run's settings differ from the check's: s sets them up",
        .allMet: "every check of this lesson is met. q, then Enter, opens the next lesson: {next}",
        .allMetLast: "every check of this lesson is met, and it is the last lesson",
    ]
}
