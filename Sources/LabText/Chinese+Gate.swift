/// 简体中文 texts of the gate bands and the radius label. A band label keeps
/// the gate's letter (i, f, g, o; r, z, n) as in the formulas.
extension Chinese {
    static let gate: [GateKey: String] = [
        .bandsTitle: "各门（各自标度）：单元 × t",
        .input: "i 输入门",
        .forget: "f 遗忘门",
        .candidate: "g 候选",
        .output: "o 输出门",
        .reset: "r 重置门",
        .update: "z 更新门",
        .new: "n 候选",
        .scale: "{low}…{high}",
        .radiusOfMatrix: "ρ({matrix}) {radius}  {title}",
        .markedSteps: "标记",
    ]
}
