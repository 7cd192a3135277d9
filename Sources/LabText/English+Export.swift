extension English {
    static let export: [ExportKey: String] = [
        .unsupportedModel: "lesson {lesson} trains a {model}; the PyTorch export covers recurrent models with a linear read-out (RNN, LSTM, GRU; one or more layers, one or two directions, optional embedding) so far",
        .unsupportedSetting: "lesson {lesson}: {setting} = {value} has no faithful PyTorch equivalent in the export; set it to 0 (--set {setting}=0) to export",
        .folderNotEmpty: "{folder} already holds files; name a new or empty folder (the export overwrites nothing)",
        .cannotWrite: "cannot write {file}: {reason}",
        .wrote: "wrote {count} {count:file|files} to {folder}",
        .nextCheck: "next: cd {folder} && python train.py --check",
        .nextTrain: "then: python train.py --steps {steps}   (or torchrun --nproc_per_node=2 train.py --steps {steps})",
        .checkpointMismatch: "{file} does not fit this lesson's model: {reason}",
        .trainingBatchesRange: "--training-batches {value} is out of range {low}…{high}",
        .badRunFile: "{file}: the run file's {field} should be {expected}",
        .recorded: "run file written to {file} ({steps} steps; `rnnlab replay {file}` runs it again)",
        .replayHeader: "replaying {lesson}: {steps} steps, {changes} {changes:change|changes} along the way",
        .reproduced: "reproduced bit for bit: step {step}, loss {loss}, the same parameters",
        .notReproduced: "not reproduced: step {step}, loss {loss}, against step {recordedStep}, loss {recordedLoss} recorded (or other parameters)",
        .recordWithInitFrom: "--record cannot be used with --init-from: a run file starts from the lesson's seed, so its replay would be another run",
        .savedInLab: "the same start: {command} · saved {checkpoint} and {runFile} in runs/",
        .otherThreads: "note: recorded with {recorded} kernel threads, replayed with {now}; sums may round differently (RNNLAB_THREADS={recorded})",
    ]
}
