extension English {
    static let explore: [ExploreKey: String] = [
        .pinned: "pinned the run at step {step} as a reference: change a knob, r trains the variant beside it; c unpins",
        .unpinned: "the reference run is unpinned",
        .pinNothing: "nothing to pin yet: train a few steps first",
        .pinnedSeries: "pinned {label}",
        .pinnedSetting: "{name} {value}",
        .pinnedSame: "same settings",
        .inspectCell: "{panel}: unit {unit}, t {t}: {value}",
        .inspectGateCell: "{panel}: gate {gate}, unit {unit}, t {t}: {value}",
        .inspectPlot: "{panel}: {x}: {values}",
        .inspectSeriesValue: "{series} {value}",
        .inspectStep: "step {step}",
        .inspectTime: "t {t}",
        .inspectNothing: "no panel here has values to inspect yet",
        .leaveTitle: "Leave the lesson?",
        .leaveVerification: "{check} is verifying in the background ({steps} of at most {budget} steps); leaving stops it.",
        .leaveLongRun: "The run has trained {steps} steps; leaving throws the model away.",
        .leaveChoices: "y leave    n stay",
    ]
}
