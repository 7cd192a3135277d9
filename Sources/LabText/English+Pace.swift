extension English {
    static let pace: [PaceKey: String] = [
        .limit: "≤ {rate}/s",
        .changed: "pace: limited to {rate}/s ([ slower, ] faster)",
        .changedFull: "pace: full speed ([ slower)",
        .prompt: "run how many steps, then pause? ",
        .counting: "running {steps} {steps:step|steps}, then pausing (Space pauses sooner)",
        .outOfRange: "{value} steps is out of range {low}…{high}",
        .notANumber: "{value} is not a whole number of steps",
    ]
}
