import Foundation
import RNNEngine

/// `train.py` of an exported lesson: the lab's model as PyTorch modules, its loss,
/// optimiser, clipping and metrics, reading `weights.safetensors`,
/// `data.safetensors` and `lab.json` from its own folder. The constants at the
/// top are the lab's settings, so a learner changes the model where they read it.
struct TorchTrainScript {
    var plan: TorchModelPlan
    var configuration: ExperimentConfiguration
    var lessonID: String
    var lessonTitle: String
    /// Steps `--steps` runs by default: those of the goal's check, else 1000.
    var defaultSteps: Int

    var text: String {
        let p = plan, c = configuration
        let cellModule = switch p.cell {
        case .lstm: "nn.LSTM"
        case .gru: "nn.GRU"
        case .rnnTanh, .rnnReLU: "nn.RNN"
        }
        let nonlinearity = switch p.cell {
        case .rnnTanh: "\"tanh\""
        case .rnnReLU: "\"relu\""
        default: "None"
        }
        let kind = switch p.kind {
        case .regression: "regression"
        case .classification: "classification"
        case .perStepClassification: "per_step"
        case .seq2seq: "seq2seq"
        }
        let embedding = p.embedding.map { "(\($0.vocabulary), \($0.width), \($0.padding.map(String.init) ?? "None"))" } ?? "None"
        return """
        #!/usr/bin/env python3
        \"\"\"\(lessonTitle): RNN Lab's lesson "\(lessonID)" as a standalone PyTorch program.

        Written by `rnnlab export`. The constants below are the lab's settings;
        weights.safetensors holds the lab's weights (a PyTorch state_dict),
        data.safetensors the lab's validation batches and the first training batches
        its generator drew for this seed, and lab.json the lab's own validation
        metrics for those weights.

          python train.py --check          load the lab's weights, reproduce its metrics
          python train.py --steps N        train from scratch here, then evaluate
          torchrun --nproc_per_node=2 train.py --steps N   the same on two processes (gloo)
        \"\"\"
        import argparse
        import json
        import os
        import sys

        import torch
        import torch.distributed as dist
        from torch import nn
        from torch.nn import functional as F
        from safetensors.torch import load_file

        HERE = os.path.dirname(os.path.abspath(__file__))

        # The model (lab settings: cell \(p.cell.rawValue), hidden \(p.hidden), layers \(p.layers)).
        CELL = \(cellModule)
        NONLINEARITY = \(nonlinearity)      # nn.RNN only
        INPUT_SIZE = \(p.inputSize)           # I (E with an embedding)
        HIDDEN = \(p.hidden)                # H
        LAYERS = \(p.layers)
        BIDIRECTIONAL = \(p.bidirectional ? "True" : "False")
        DIRECTIONS = \(p.directions)
        DROPOUT = \(python(p.dropout))           # between stacked layers
        OUTPUT_SIZE = \(p.outputSize)           # O outputs or C classes
        TASK_KIND = "\(kind)"  # regression | classification | per_step
        READOUT = "\(p.readout.rawValue)"           # classification: last real state or max over time
        MASKING = \(p.masking ? "True" : "False")            # padded steps skipped (packed sequences)
        EMBEDDING = \(embedding)      # (V, E, padding row) or None for the inputs as given
        FORGET_BIAS = \(p.forgetBias.map(python) ?? "None")        # LSTM: b_f at the start (the lab sets b_ih's slice, zeroes b_hh's)
        RECURRENT_INIT = "\(p.recurrentInit.rawValue)"  # default | orthogonal | identity, per H×H gate block
        SPECTRAL_RADIUS = \(python(p.spectralRadius))   # 0: keep W_hh's scale

        # Training (the lab's optimisers follow torch.optim's defaults).
        SEED = \(c.seed)
        OPTIMIZER = "\(c.optimizer.rawValue)"
        LEARNING_RATE = \(python(c.learningRate))
        MOMENTUM = \(python(c.momentum))
        WEIGHT_DECAY = \(python(c.weightDecay))
        CLIP_NORM = \(python(c.clipNorm))          # 0: off
        CLIP_VALUE = \(python(c.clipValue))         # 0: off
        EVAL_EVERY = \(c.evalEvery)
        DEFAULT_STEPS = \(defaultSteps)

        with open(os.path.join(HERE, "lab.json"), encoding="utf-8") as f:
            LAB = json.load(f)


        class LabModel(nn.Module):
            \"\"\"Embedding (optional) → recurrent layer → linear head, named as the lab names them.\"\"\"

            def __init__(self):
                super().__init__()
                if EMBEDDING:
                    vocabulary, width, padding = EMBEDDING
                    self.embedding = nn.Embedding(vocabulary, width, padding_idx=padding)
                extra = {"nonlinearity": NONLINEARITY} if CELL is nn.RNN else {}
                self.rnn = CELL(INPUT_SIZE, HIDDEN, num_layers=LAYERS, batch_first=True,
                                bidirectional=BIDIRECTIONAL, dropout=DROPOUT, **extra)
                self.head = nn.Linear(DIRECTIONS * HIDDEN, OUTPUT_SIZE)

            def forward(self, batch):
                \"\"\"Outputs (B, O) or (B, C), or (B, T, C) for a per-step task.\"\"\"
                x = self.embedding(batch["tokens"]) if EMBEDDING else batch["inputs"]   # (B, T, I)
                lengths = batch["lengths"]                                              # (B,)
                if MASKING:
                    packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
                    out, h = self.rnn(packed)
                    out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])
                else:
                    out, h = self.rnn(x)
                if isinstance(h, tuple):   # the LSTM's (h, c)
                    h = h[0]
                if TASK_KIND == "per_step":
                    return self.head(out)
                if READOUT == "max":
                    real = torch.arange(x.shape[1])[None, :] < lengths[:, None]
                    if not MASKING:
                        real = torch.ones_like(real)
                    return self.head(out.masked_fill(~real[..., None], float("-inf")).amax(dim=1))
                # The last layer's final states (at each row's last real step), forward then backward.
                return self.head(torch.cat([h[h.shape[0] - DIRECTIONS + d] for d in range(DIRECTIONS)], dim=1))


        def initialise_like_the_lab(model):
            \"\"\"PyTorch's default initialisation, then the lab's changes to it.\"\"\"
            with torch.no_grad():
                for name, p in model.rnn.named_parameters():
                    if name.startswith("weight_hh"):
                        for block in p.split(HIDDEN, dim=0):
                            if RECURRENT_INIT == "orthogonal":
                                nn.init.orthogonal_(block)
                            elif RECURRENT_INIT == "identity":
                                block.copy_(torch.eye(HIDDEN))
                            if SPECTRAL_RADIUS > 0:
                                block.mul_(SPECTRAL_RADIUS / torch.linalg.eigvals(block).abs().max())
                    if FORGET_BIAS is not None and name.startswith("bias_"):
                        p[HIDDEN:2 * HIDDEN] = FORGET_BIAS if name.startswith("bias_ih") else 0.0


        def load_batches(split):
            \"\"\"The batches of a split: dicts of inputs or tokens, lengths, targets, target_mask.\"\"\"
            data = load_file(os.path.join(HERE, "data.safetensors"))
            batches, k = [], 0
            while f"{split}.{k}.lengths" in data:
                batch = {key.split(".", 2)[2]: value for key, value in data.items() if key.startswith(f"{split}.{k}.")}
                batch["target_mask"] = batch["target_mask"].bool()
                batches.append(batch)
                k += 1
            return batches


        def loss_and_outputs(model, batch):
            \"\"\"The lab's loss: MSE on the (standardised) targets, or cross-entropy over counted targets.\"\"\"
            y = model(batch)
            if TASK_KIND == "regression":
                return F.mse_loss(y, batch["targets"]), y
            logits = y.reshape(-1, OUTPUT_SIZE)
            mask = batch["target_mask"].reshape(-1)
            return F.cross_entropy(logits[mask], batch["targets"].reshape(-1)[mask]), y


        @torch.no_grad()
        def evaluate(model, batches):
            \"\"\"Validation loss and metrics, accumulated over batches as the lab does.\"\"\"
            model.eval()
            total = rows = 0.0
            squared = counted = correct = 0.0
            scale = LAB["target_scale"]
            for batch in batches:
                loss, y = loss_and_outputs(model, batch)
                size = batch["lengths"].shape[0]
                total += loss.item() * size
                rows += size
                if TASK_KIND == "regression":
                    keep = batch["target_mask"]
                    error = (y[keep].double() - batch["targets"][keep].double()) * scale
                    squared += (error ** 2).sum().item()
                    counted += error.numel()
                else:
                    keep = batch["target_mask"].reshape(-1)
                    guess = y.reshape(-1, OUTPUT_SIZE).argmax(dim=1)
                    correct += (guess[keep] == batch["targets"].reshape(-1)[keep]).sum().item()
                    counted += keep.sum().item()
            model.train()
            metrics = {"validation_loss": total / max(rows, 1)}
            if TASK_KIND == "regression":
                metrics["mse"] = squared / max(counted, 1)
            else:
                metrics["accuracy"] = correct / max(counted, 1)
            return metrics


        def make_optimizer(parameters):
            if OPTIMIZER == "adam":
                return torch.optim.Adam(parameters, lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
            if OPTIMIZER == "rmsprop":
                return torch.optim.RMSprop(parameters, lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
            if OPTIMIZER == "adagrad":
                return torch.optim.Adagrad(parameters, lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
            momentum = MOMENTUM if OPTIMIZER in ("momentum", "nesterov") else 0.0
            return torch.optim.SGD(parameters, lr=LEARNING_RATE, momentum=momentum,
                                   nesterov=OPTIMIZER == "nesterov", weight_decay=WEIGHT_DECAY)


        def check(tolerance):
            \"\"\"Loads the lab's weights and compares each validation metric with the lab's.\"\"\"
            model = LabModel()
            model.load_state_dict(load_file(os.path.join(HERE, "weights.safetensors")), strict=True)
            ours = evaluate(model, load_batches("validation"))
            ok = True
            for name, lab in LAB["validation"].items():
                here = ours[name]
                close = abs(here - lab) <= tolerance * max(1.0, abs(lab))
                ok = ok and close
                print(f"{name:16} lab {lab:.6g}   pytorch {here:.6g}   {'ok' if close else 'DIFFERS'}")
            return 0 if ok else 1


        def train(steps):
            \"\"\"Trains from scratch on the exported batches (cycled) and evaluates; exit 0 when the goal is met.\"\"\"
            world = int(os.environ.get("WORLD_SIZE", "1"))
            rank = 0
            if world > 1:
                dist.init_process_group("gloo")
                rank = dist.get_rank()
            torch.manual_seed(SEED)
            model = LabModel()
            initialise_like_the_lab(model)
            # DistributedDataParallel broadcasts rank 0's weights and averages gradients.
            runner = nn.parallel.DistributedDataParallel(model) if world > 1 else model
            optimizer = make_optimizer(model.parameters())
            training, validation = load_batches("train"), load_batches("validation")
            for step in range(1, steps + 1):
                whole = training[(step - 1) % len(training)]
                batch = {key: value[rank::world] for key, value in whole.items()}   # this process's rows
                loss, _ = loss_and_outputs(runner, batch)
                optimizer.zero_grad()
                loss.backward()
                if CLIP_NORM > 0:
                    nn.utils.clip_grad_norm_(model.parameters(), CLIP_NORM)
                if CLIP_VALUE > 0:
                    nn.utils.clip_grad_value_(model.parameters(), CLIP_VALUE)
                optimizer.step()
                if rank == 0 and (step % EVAL_EVERY == 0 or step == steps):
                    shown = "  ".join(f"{k} {v:.4g}" for k, v in evaluate(model, validation).items())
                    print(f"step {step:6d}  loss {loss.item():.4g}  {shown}", flush=True)
            status = 0
            if rank == 0:
                final = evaluate(model, validation)
                goal = LAB.get("goal")
                if goal:
                    value = final[goal["metric"]]
                    met = value > goal["value"] if goal["op"] in (">", ">=") else value < goal["value"]
                    print(f"goal {goal['metric']} {goal['op']} {goal['value']:.4g}: {value:.4g} "
                          f"{'met' if met else 'not met'} (the lab's check: {goal['check']})")
                    status = 0 if met else 1
            if world > 1:
                dist.destroy_process_group()
            return status


        def main():
            parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
            parser.add_argument("--check", action="store_true", help="reproduce the lab's validation metrics")
            parser.add_argument("--tolerance", type=float, default=1e-4, help="relative, for --check (default 1e-4)")
            parser.add_argument("--steps", type=int, default=DEFAULT_STEPS, help="training steps from scratch")
            args = parser.parse_args()
            sys.exit(check(args.tolerance) if args.check else train(args.steps))


        if __name__ == "__main__":
            main()

        """
    }

    /// A float as Python reads it back exactly.
    private func python(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(format: "%.1f", v) : "\(v)" }
}
