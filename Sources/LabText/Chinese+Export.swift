/// 简体中文 texts of the PyTorch export, run files and replay.
extension Chinese {
    static let export: [ExportKey: String] = [
        .unsupportedModel: "课程 {lesson} 训练的是 {model}；PyTorch 导出目前只支持带线性输出层的循环模型（RNN、LSTM、GRU；一层或多层，单向或双向，可带嵌入）",
        .unsupportedSetting: "课程 {lesson}：{setting} = {value} 在导出中没有忠实的 PyTorch 对应；把它设为 0（--set {setting}=0）后再导出",
        .folderNotEmpty: "{folder} 中已有文件；请指定一个新的或空的文件夹（导出不会覆盖任何文件）",
        .cannotWrite: "无法写入 {file}：{reason}",
        .wrote: "已把 {count} 个文件写入 {folder}",
        .nextCheck: "下一步：cd {folder} && python train.py --check",
        .nextTrain: "然后：python train.py --steps {steps}   （或 torchrun --nproc_per_node=2 train.py --steps {steps}）",
        .checkpointMismatch: "{file} 与本课的模型不符：{reason}",
        .trainingBatchesRange: "--training-batches {value} 超出范围 {low}…{high}",
        .badRunFile: "{file}：运行文件的 {field} 应为 {expected}",
        .recorded: "运行文件已写入 {file}（{steps} 步；`rnnlab replay {file}` 可再次运行）",
        .replayHeader: "重放 {lesson}：{steps} 步，途中 {changes} 次改动",
        .reproduced: "逐位复现：第 {step} 步，损失 {loss}，参数完全相同",
        .notReproduced: "未能复现：第 {step} 步，损失 {loss}，而记录的是第 {recordedStep} 步，损失 {recordedLoss}（或参数不同）",
        .recordWithInitFrom: "--record 不能与 --init-from 同用：运行文件从本课的种子开始，重放会变成另一次运行",
        .savedInLab: "相同的起点：{command} · 已把 {checkpoint} 和 {runFile} 保存到 runs/",
        .otherThreads: "注意：记录时用 {recorded} 个内核线程，重放时用 {now} 个；求和的舍入可能不同（RNNLAB_THREADS={recorded}）",
    ]
}
