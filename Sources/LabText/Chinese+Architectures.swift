/// 简体中文: the texts of the architecture chapter's tasks (stacked,
/// bidirectional and recursive networks). A tree network is a 递归神经网络;
/// 循环神经网络 is kept for recurrent ones.
extension Chinese {
    static let architectureKnobSummary: [KnobSummaryKey: String] = [
        .treeTrainingDepth: "训练表达式的最大嵌套深度",
        .treeTestDepth: "验证与测试表达式的嵌套深度",
        .treeModulus: "数字 0…M−1；结果取模 M",
        .treeOperators: "1：只有减法；2：减法和加法",
        .treeModel: "1：递归神经网络读语法树；0：序列模型读前缀表达式",
    ]

    static let architecturePanels: [PanelKey: String] = [
        .treeStatesTitle: "树：节点状态，节点 × 单元",
        .treeStatesTitleShort: "节点状态",
        .treeStatesTitleShortest: "节点",
        .treeStatesNone: "无树：此面板显示递归神经网络的节点状态（把 tree 设为 1）",
        .treeStatesMore: "…还有 {count} 个",
    ]

    static let architectureTask: [TaskKey: String] = [
        .arithTrees: "算术树：数字嵌套表达式取模 M 的值，以语法树或前缀表达式给出",
    ]
}
