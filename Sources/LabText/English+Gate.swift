/// English texts of the gate bands and the radius label.
extension English {
    static let gate: [GateKey: String] = [
        .bandsTitle: "gates, each on its own scale: units × t",
        .input: "i input",
        .forget: "f forget",
        .candidate: "g candidate",
        .output: "o output",
        .reset: "r reset",
        .update: "z update",
        .new: "n candidate",
        .scale: "{low}…{high}",
        .radiusOfMatrix: "ρ({matrix}) {radius}  {title}",
        .markedSteps: "marked",
    ]
}
