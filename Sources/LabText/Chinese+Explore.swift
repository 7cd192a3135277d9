/// 简体中文 texts of pinning a reference run, inspecting panels and leaving a lesson.
extension Chinese {
    static let explore: [ExploreKey: String] = [
        .inspectAttention: "{panel}：输出步 {row}（{output}）对源序列步 {column}（{source}）：权重 {value}",
        .inspectAttentionPlain: "{panel}：输出步 {row} 对源序列步 {column}：权重 {value}",
        .inspectCost: "{panel}：{method} 在 {size}：{value}（{measure}）",
        .inspectPrediction: "{panel}：样本 {sample}，t {t}：预测 {predicted}，目标 {target}",
        .inspectPredictionValue: "{panel}：样本 {sample}：预测 {predicted}，目标 {target}",
        .inspectTableCell: "{panel}：{row}，{column}：{value}",
        .pinned: "已把第 {step} 步的运行固定为参照：改一个旋钮，按 r 在旁边训练变体；按 c 取消固定",
        .unpinned: "已取消固定参照运行",
        .pinNothing: "还没有可固定的运行：先训练几步",
        .pinnedSeries: "参照 {label}",
        .pinnedSetting: "{name} {value}",
        .pinnedSame: "设置相同",
        .inspectCell: "{panel}：单元 {unit}，t {t}：{value}",
        .inspectGateCell: "{panel}：门 {gate}，单元 {unit}，t {t}：{value}",
        .inspectPlot: "{panel}：{x}：{values}",
        .inspectSeriesValue: "{series} {value}",
        .inspectStep: "第 {step} 步",
        .inspectTime: "t {t}",
        .inspectNothing: "这里还没有可查看数值的面板",
        .leaveTitle: "离开本课？",
        .leaveVerification: "{check} 正在后台核验（第 {steps} 步，至多 {budget} 步）；离开会中止它。",
        .leaveLongRun: "本次运行已训练 {steps} 步；离开会丢弃模型。",
        .leaveChoices: "y 离开    n 留下",
    ]
}
