#!/usr/bin/env python3
"""Writes PyTorch reference numbers for truncated BPTT inside a recurrent layer.

    python3 Tests/scripts/make_truncated_fixtures.py --seed 0 --out Tests/RNNEngineTests/Fixtures/truncated/seed0

The engine's `gradientWindow` τ lets the loss of step t reach back to the steps
s with t − τ < s ≤ t. PyTorch has no such option, so the sum is built here from
its definition: for every step t, the module is rerun on x[t−τ+1 … t] from the
state before that window, detached (or from the live initial state when the
window reaches step 0), and loss_t = Σ w_t ⊙ h_t; for the LSTM the final cell
state adds Σ w_c ⊙ c_T at the last step. The gradient of Σ_t loss_t is the
truncated gradient.

For kind ∈ rnn_tanh, rnn_relu, lstm, gru and τ ∈ 1, 3 (one layer, one
direction, B 2, T 6, I 3, H 4, float64) each `<kind>_tau<τ>.safetensors` holds
the weights under PyTorch's names, input (B,T,I), h0 (1,B,H), c0 (LSTM),
loss_w_output (B,T,H), loss_w_c_n (LSTM), and grad.<name>, grad.input,
grad.h0, grad.c0. `cases.json` lists the cases. Everything comes from one
torch.Generator seeded with --seed, so any seed gives a valid fixture.
"""
import argparse
import json
import os

import torch
from safetensors.torch import save_file

B, T, I, H = 2, 6, 3, 4
MODULES = {"rnn_tanh": torch.nn.RNN, "rnn_relu": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}


def make_case(g, kind, tau):
    dt = torch.float64
    kw = dict(input_size=I, hidden_size=H, batch_first=True)
    if kind.startswith("rnn_"):
        kw["nonlinearity"] = kind[4:]
    m = MODULES[kind](**kw).to(dt)
    bound = 1.0 / H ** 0.5
    with torch.no_grad():
        for _, p in m.named_parameters():
            p.copy_((torch.rand(p.shape, generator=g, dtype=dt) * 2 - 1) * bound)
    lstm = kind == "lstm"
    x = torch.randn(B, T, I, generator=g, dtype=dt).requires_grad_(True)
    h0 = (0.5 * torch.randn(1, B, H, generator=g, dtype=dt)).requires_grad_(True)
    c0 = (0.5 * torch.randn(1, B, H, generator=g, dtype=dt)).requires_grad_(True) if lstm else None
    w_out = torch.randn(B, T, H, generator=g, dtype=dt)
    w_c = torch.randn(1, B, H, generator=g, dtype=dt) if lstm else None

    def run(xs, state):
        return m(xs, state)

    initial = (h0, c0) if lstm else h0
    loss = torch.zeros((), dtype=dt)
    for t in range(T):
        start = max(0, t - tau + 1)
        state = initial
        if start > 0:
            _, before = run(x[:, :start], initial)
            state = tuple(s.detach() for s in before) if lstm else before.detach()
        out, final = run(x[:, start:t + 1], state)
        loss = loss + (out[:, -1] * w_out[:, t]).sum()
        if lstm and t == T - 1:
            loss = loss + (final[1] * w_c).sum()
    loss.backward()

    tensors = {name: p.detach().clone() for name, p in m.named_parameters()}
    tensors.update({"input": x.detach(), "h0": h0.detach(), "loss_w_output": w_out,
                    "grad.input": x.grad, "grad.h0": h0.grad})
    if lstm:
        tensors.update({"c0": c0.detach(), "loss_w_c_n": w_c, "grad.c0": c0.grad})
    for name, p in m.named_parameters():
        tensors["grad." + name] = p.grad
    return {k: v.contiguous() for k, v in tensors.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    g = torch.Generator().manual_seed(args.seed)
    cases = []
    for kind in MODULES:
        for tau in (1, 3):
            name = f"{kind}_tau{tau}"
            save_file(make_case(g, kind, tau), os.path.join(args.out, name + ".safetensors"))
            cases.append({"name": name, "file": name + ".safetensors", "kind": kind, "window": tau,
                          "batch": B, "steps": T, "input_size": I, "hidden_size": H})
    with open(os.path.join(args.out, "cases.json"), "w") as f:
        json.dump({"seed": args.seed, "torch": torch.__version__, "cases": cases}, f, indent=2)


if __name__ == "__main__":
    main()
