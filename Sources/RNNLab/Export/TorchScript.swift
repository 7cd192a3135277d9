import Foundation

/// `train.py` of an exported lesson: a header, the model's part (its constants,
/// `LabModel`, the loss and the evaluation, written per model kind), and the
/// part every kind shares (reading the files, the optimiser, `--check`, the
/// training loop, torchrun). It reads `weights.safetensors`, `data.safetensors`
/// and `lab.json` from its own folder; the constants at the top are the lab's
/// settings, so a learner changes the model where they read it.
struct TorchScript {
    /// The model's part: constants, `LabModel`, `initialise_like_the_lab`,
    /// `loss_and_outputs(model, batch, training)`, `evaluate(model, batches)`
    /// and optionally `shard_batch(batch, rank, world)`.
    var model: String
    var configuration: ExperimentConfiguration
    var lessonID: String
    var lessonTitle: String
    /// Steps `--steps` runs by default: those of the goal's check, else 1000.
    var defaultSteps: Int
    /// More training constants, one per line (seq2seq: the teacher-forcing ratio).
    var extraTraining = ""

    /// `shard_batch`, unless the model's part defines its own (the tree net keeps whole trees).
    var shardDefinition: String {
        model.contains("def shard_batch(") ? "" : """
            def shard_batch(batch, rank, world):
                \"\"\"This process's rows of a batch: rows rank, rank + world, …\"\"\"
                return {key: value[rank::world] for key, value in batch.items()}


            """
    }

    var text: String {
        let c = configuration
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


        \(model)
        # Training (the lab's optimisers follow torch.optim's defaults).
        SEED = \(c.seed)
        OPTIMIZER = "\(c.optimizer.rawValue)"
        LEARNING_RATE = \(pythonLiteral(c.learningRate))
        MOMENTUM = \(pythonLiteral(c.momentum))
        WEIGHT_DECAY = \(pythonLiteral(c.weightDecay))
        CLIP_NORM = \(pythonLiteral(c.clipNorm))          # 0: off
        CLIP_VALUE = \(pythonLiteral(c.clipValue))         # 0: off
        EVAL_EVERY = \(c.evalEvery)
        DEFAULT_STEPS = \(defaultSteps)
        \(extraTraining)
        with open(os.path.join(HERE, "lab.json"), encoding="utf-8") as f:
            LAB = json.load(f)


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


        \(shardDefinition)def make_optimizer(parameters):
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
                batch = shard_batch(training[(step - 1) % len(training)], rank, world)   # this process's rows
                loss, _ = loss_and_outputs(runner, batch, training=True)
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
}

/// A float as Python reads it back exactly.
func pythonLiteral(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(format: "%.1f", v) : "\(v)" }
