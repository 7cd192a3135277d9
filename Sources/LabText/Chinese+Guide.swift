/// 简体中文 texts of setting up a check, restoring defaults and progress.
extension Chinese {
    static let guide: [GuideKey: String] = [
        .change: "{name} {old}→{value}",
        .setUp: "已为 {check} 配置：{changes}；模型已重建，按 Space 运行",
        .setUpNothing: "{check} 无需改动；模型已重建，按 Space 运行",
        .setUpMultiRun: "{check} 需多次运行才能判定：按 v 核验，它会用自己的运行",
        .setUpOtherTask: "{check} 在 {task} 任务上训练，而不是本课的任务：按 v 核验，它会用自己的运行",
        .defaultsRestored: "已恢复本课默认值：{changes}",
        .defaultsAlready: "旋钮已是本课默认值",
        .progress: "当前：{clauses} · 第 {step}/{steps} 步",
        .progressClause: "{metric} {value}，要求 {op} {threshold}",
        .progressNotYet: "{metric} 尚未测得",
        .otherSettings: "本次运行的设置与验证项不同：按 s 配置",
        .allMet: "本课所有验证项均已通过。按 q 再按 Enter，打开下一课：{next}",
        .allMetLast: "本课所有验证项均已通过，这是最后一课",
    ]
}
