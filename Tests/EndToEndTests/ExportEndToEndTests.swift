import Foundation
import Testing
import TestTiers

/// `rnnlab export` writes a PyTorch project that reproduces the lab: its
/// `train.py --check` loads the lab's weights and must give the lab's
/// validation metrics within 1e-4 (relative), for a recurrent classifier and a
/// regression model, fresh and trained. The PyTorch half runs when a Python
/// with torch and safetensors is at hand: `$RNNLAB_TORCH_PYTHON` (`.ci/run`
/// makes a venv from the local wheels when it can), else `python3`.
@Suite(.enabled(if: TestTier.slow)) struct ExportEndToEndTests {
    let run = RunCommandEndToEndTests()

    /// A Python that imports torch and safetensors, or nil.
    static let torchPython: String? = {
        let candidates = [ProcessInfo.processInfo.environment["RNNLAB_TORCH_PYTHON"], "/usr/bin/python3"].compactMap { $0 }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-torch-probe-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for python in candidates where FileManager.default.isExecutableFile(atPath: python) {
            let status = try? Spawn.run(python, ["-c", "import torch, safetensors"], stdout: scratch, stderr: scratch)
            if status == 0 { return python }
        }
        return nil
    }()

    /// Runs `python script arguments` in `folder`; (status, stdout + stderr).
    func runPython(_ python: String, _ arguments: [String], in folder: URL) throws -> (Int32, String) {
        let log = folder.appendingPathComponent("python.log").path
        let status = try Spawn.run("/usr/bin/env", ["OMP_NUM_THREADS=1", python] + arguments, stdout: log, stderr: log)
        return (status, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    @Test func theProjectHoldsItsFilesAndRefusesToOverwrite() throws {
        let dir = try run.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("project")
        let first = try run.rnnlab(["export", "lstm-gates", "--training-batches", "3", "--out", out.path], in: dir)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("wrote 5 files to \(out.path)"), "\(first.out)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(names == ["train.py", "weights.safetensors", "data.safetensors", "lab.json", "README.md"])
        let script = try String(contentsOf: out.appendingPathComponent("train.py"), encoding: .utf8)
        #expect(script.contains("CELL = nn.LSTM") && script.contains("TASK_KIND = \"regression\""), "\(script.prefix(2000))")
        let before = try Data(contentsOf: out.appendingPathComponent("train.py"))
        let again = try run.rnnlab(["export", "lstm-gates", "--out", out.path], in: dir)
        #expect(again.status == 2 && again.err.contains("already holds files"), "\(again.err)")
        #expect(try Data(contentsOf: out.appendingPathComponent("train.py")) == before, "the second export replaced a file")
    }

    @Test func aModelTheExportDoesNotCoverIsRefusedWithTheReason() throws {
        let dir = try run.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("project")
        let dropout = try run.rnnlab(["export", "rcnn", "--set", "recurrent_dropout=0.2", "--out", out.path], in: dir)
        #expect(dropout.status == 2 && dropout.err.contains("recurrent_dropout = 0.2 has no faithful PyTorch equivalent"), "\(dropout.err)")
        #expect(!dropout.err.contains("RCNNModel"), "a Swift type in a user message: \(dropout.err)")
        let clamp = try run.rnnlab(["export", "lstm-gates", "--set", "forget_gate_clamp=0.5", "--out", out.path], in: dir)
        #expect(clamp.status == 2 && clamp.err.contains("forget_gate_clamp = 0.5 has no faithful PyTorch equivalent"), "\(clamp.err)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "a refused export left a folder behind")
    }

    @Test func aCheckpointOfAnotherModelIsRefusedWithWhatWasExpected() throws {
        let dir = try run.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let gru = dir.appendingPathComponent("gru.safetensors").path
        let trained = try run.rnnlab(["run", "gru", "--steps", "1", "--set", "hidden=12", "--checkpoint", gru], in: dir)
        #expect(trained.status == 0, "\(trained.err)")
        // The checkpoint says what built it.
        let header = String(decoding: try Data(contentsOf: URL(fileURLWithPath: gru)).prefix(4096), as: UTF8.self)
        #expect(header.contains("\"rnnlab.setting.cell\":\"gru\"") && header.contains("\"rnnlab.setting.hidden\":\"12\""), "\(header.prefix(600))")
        let out = dir.appendingPathComponent("project")
        let wrong = try run.rnnlab(["export", "lstm-gates", "--from", gru, "--out", out.path], in: dir)
        #expect(wrong.status == 2 && wrong.err.contains("does not fit this lesson's model"), "\(wrong.err)")
        #expect(wrong.err.contains("shape"), "the reason should name the mismatch: \(wrong.err)")
        // Both lessons train the adding task: the settings the file was saved with make it fit.
        #expect(wrong.err.contains("to load it, add --set cell=gru ") && wrong.err.hasSuffix(" --set hidden=12\n"), "\(wrong.err)")
    }

    /// `python train.py --steps 1000` trains from scratch in PyTorch and exits 0 only
    /// when the goal it prints (the lesson's first check: LSTM accuracy over 5 points
    /// above the bag of characters, which the lab reaches by its 2,000 steps) is met on
    /// the validation batches, also as two processes under torchrun. Not the lesson's
    /// own 2,000: the export carries 200 fixed training batches, and PyTorch, cycling
    /// them, overfits after about 1,000 steps (measured: 0.864 at 1,000, 0.835 at 2,000). (The seq2seq and
    /// tree exports reach theirs too, measured by hand: their Python loops take
    /// minutes, too long for every CI run.)
    @Test(.enabled(if: ExportEndToEndTests.torchPython != nil))
    func pytorchTrainsTheTextClassifierFromScratchToTheLessonsGoal() throws {
        let python = try #require(ExportEndToEndTests.torchPython)
        let dir = try run.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("project")
        let exported = try run.rnnlab(["export", "text-rnn", "--training-batches", "200", "--out", out.path], in: dir)
        try #require(exported.status == 0, "\(exported.err)")
        let (status, log) = try runPython(python, [out.appendingPathComponent("train.py").path, "--steps", "1000"], in: dir)
        #expect(status == 0, "train.py did not reach the goal:\n\(log)")
        #expect(log.contains("step   1000 ") && log.contains("goal accuracy > ") && log.contains(" met (the lab's check: lstm-beats-bag)"),
                "\(log)")
        // Unchanged under torchrun: two processes (gloo, DistributedDataParallel), each on half the rows.
        let (ddp, ddpLog) = try runPython(python, ["-m", "torch.distributed.run", "--nproc_per_node=2",
                                                   out.appendingPathComponent("train.py").path, "--steps", "1000"], in: dir)
        #expect(ddp == 0 && ddpLog.contains(" met (the lab's check: lstm-beats-bag)"), "torchrun:\n\(ddpLog)")
        // Ten steps are not enough: the same script says so and exits 1.
        let (short, shortLog) = try runPython(python, [out.appendingPathComponent("train.py").path, "--steps", "10"], in: dir)
        #expect(short == 1 && shortLog.contains("not met"), "\(shortLog)")
    }

    /// The lab's metrics, reproduced by PyTorch from the lab's weights: a fresh LSTM
    /// regression (lesson 4), a trained one, a trained LSTM text classifier with an
    /// embedding and masking (lesson 10), and a trained encoder–decoder with additive
    /// attention decoding greedily (lesson 16), and briefly trained models of the
    /// three lessons with their own exporters: the tree net (8), the RCNN with its
    /// learned edge contexts (11) and the Conv1D front end before a GRU (13).
    @Test(.enabled(if: ExportEndToEndTests.torchPython != nil), arguments: [
        ("lstm-gates", 0), ("lstm-gates", 150), ("text-rnn", 150), ("seq2seq-attention", 200),
        ("recursive-trees", 60), ("rcnn", 60), ("conv-gru", 30),
    ])
    func pytorchReproducesTheLabsMetrics(lesson: String, steps: Int) throws {
        let python = try #require(ExportEndToEndTests.torchPython)
        let dir = try run.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var from: [String] = []
        if steps > 0 {
            let checkpoint = dir.appendingPathComponent("trained.safetensors").path
            let trained = try run.rnnlab(["run", lesson, "--steps", "\(steps)", "--checkpoint", checkpoint], in: dir)
            #expect(trained.status == 0, "\(trained.err)")
            from = ["--from", checkpoint]
        }
        let out = dir.appendingPathComponent("project")
        let exported = try run.rnnlab(["export", lesson, "--training-batches", "2", "--out", out.path] + from, in: dir)
        try #require(exported.status == 0, "\(exported.err)")
        let (status, log) = try runPython(python, [out.appendingPathComponent("train.py").path, "--check"], in: dir)
        #expect(status == 0, "train.py --check failed:\n\(log)")
        #expect(log.contains("validation_loss") && !log.contains("DIFFERS"), "\(log)")
        // A wrong weight must be caught: the check is not vacuous. (The output layer's
        // weight scaled by 0.9 as train.py loads it, without writing a file: safetensors'
        // writer needs numpy, which a bare torch install lacks.)
        let (broken, brokenLog) = try runPython(python, ["-c", """
            import sys, runpy
            import safetensors.torch as st
            lab_load = st.load_file
            def scaled(path, *args, **kwargs):
                w = lab_load(path, *args, **kwargs)
                if path.endswith("weights.safetensors"):
                    name = next(n for n in ("head.weight", "decoder.out.weight", "readout.weight") if n in w)
                    w[name] = w[name] * 0.9
                return w
            st.load_file = scaled
            sys.argv = [sys.argv[1] + "/train.py", "--check"]
            runpy.run_path(sys.argv[0], run_name="__main__")
            """, out.path], in: dir)
        #expect(broken == 1 && brokenLog.contains("DIFFERS"), "a scaled output weight passed --check:\n\(brokenLog)")
    }
}
