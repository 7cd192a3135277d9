#!/usr/bin/env python3
"""Writes PyTorch reference connectivity maps for the engine's probes.

    python3 Tests/scripts/make_probe_fixtures.py --seed 0 --out Tests/RNNEngineTests/Fixtures/probes

For each case (a one-layer nn.RNN with tanh, an nn.LSTM; batch_first) it writes
one float64 safetensors file `connectivity_<seed>_<kind>.safetensors` holding

    weights       under PyTorch's state_dict names (weight_ih_l0, …)
    input         (B, T, I)
    connectivity  (T, T): entry (t, s) is ‖∂y_t/∂x_s‖, the Frobenius norm of the
                  Jacobian of the layer's output at step t (H values) with respect
                  to the input at step s (I values), averaged over the B sequences

and `cases_<seed>.json`, the index. The Jacobian comes from
torch.autograd.functional.jacobian, one sequence at a time. Everything is drawn
from one torch.Generator seeded with --seed, so any seed gives a valid fixture;
the Swift test reads weights and inputs from the files.
"""
import argparse
import json
import os

import torch
from safetensors.torch import save_file

CASES = [
    # name, module, kind, B, T, I, H
    ("rnn_tanh", torch.nn.RNN, "rnn_tanh", 2, 6, 3, 4),
    ("lstm", torch.nn.LSTM, "lstm", 2, 5, 2, 3),
]


def make_case(g, module_type, B, T, I, H):
    dt = torch.float64
    m = module_type(input_size=I, hidden_size=H, batch_first=True).to(dt)
    with torch.no_grad():
        for _, p in m.named_parameters():
            # Wider than PyTorch's ±1/√H so that the map is not all tiny numbers.
            p.copy_((torch.rand(p.shape, generator=g, dtype=dt) * 2 - 1) * 0.9)
    x = torch.randn(B, T, I, generator=g, dtype=dt)
    total = torch.zeros(T, T, dtype=dt)
    for b in range(B):
        jac = torch.autograd.functional.jacobian(lambda s: m(s.unsqueeze(0))[0][0], x[b])  # (T, H, T, I)
        total += jac.pow(2).sum(dim=(1, 3)).sqrt()
    tensors = {k: v.detach().clone().contiguous() for k, v in m.state_dict().items()}
    tensors["input"] = x.contiguous()
    tensors["connectivity"] = (total / B).contiguous()
    return tensors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    g = torch.Generator().manual_seed(args.seed)
    index = {"seed": args.seed, "torch": torch.__version__, "cases": []}
    for name, module_type, kind, B, T, I, H in CASES:
        file = f"connectivity_{args.seed}_{name}.safetensors"
        save_file(make_case(g, module_type, B, T, I, H), os.path.join(args.out, file))
        index["cases"].append(dict(name=name, file=file, kind=kind, batch=B, steps=T, input_size=I, hidden_size=H))
    with open(os.path.join(args.out, f"cases_{args.seed}.json"), "w") as f:
        json.dump(index, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
