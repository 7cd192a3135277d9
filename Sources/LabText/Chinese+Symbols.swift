/// 帮助窗口里的符号说明：课程界面上每个标记的含义。
extension Chinese {
    static let symbols: [KeyMapKey: String] = [
        .symbolsTitle: "符号",
        .symbolMet: "验证项已达成（本次运行或以前）",
        .symbolOpen: "验证项待达成：设置相符，本次运行可以达成",
        .symbolOtherSettings: "验证项需要其他设置：按 s 设置好",
        .symbolFailed: "本次运行未达成该验证项",
        .symbolChanged: "旋钮已偏离本课的取值",
        .symbolSelected: "当前选中的旋钮或验证项",
        .symbolRunState: "运行中、已暂停、已发散",
        .symbolRadius: "W_hh 的谱半径：大于 1 梯度往往增长，小于 1 往往衰减",
        .symbolGradient: "损失的梯度传到序列第 t 步的大小",
        .symbolNonFinite: "非有限值（inf、NaN），画在图的顶端",
        .symbolMark: "损失图上的标记：该步改动了旋钮",
        .symbolLiveLabel: "即时生效/重建模型",
        .symbolLive: "旋钮改动在下一步生效 / 重新构建模型",
    ]
}
