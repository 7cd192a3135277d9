/// 简体中文 texts of the training pace and of running a number of steps.
extension Chinese {
    static let pace: [PaceKey: String] = [
        .limit: "≤ {rate}/秒",
        .changed: "速度：限制为每秒 {rate} 步（[ 减速，] 加速）",
        .changedFull: "速度：全速（[ 减速）",
        .prompt: "运行多少步后暂停？",
        .counting: "运行 {steps} 步后暂停（按 Space 可提前暂停）",
        .outOfRange: "{value} 步超出范围 {low}…{high}",
        .notANumber: "{value} 不是整数步数",
    ]
}
