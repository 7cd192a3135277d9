#!/usr/bin/env python3
"""Writes PyTorch reference numbers for the engine's recurrent layers.

    python3 Tests/scripts/make_recurrent_fixtures.py --seed 0 --out Tests/RNNEngineTests/Fixtures/recurrent
    python3 Tests/scripts/make_recurrent_fixtures.py --check DIR

The first form writes, for every configuration
    kind ∈ rnn_tanh, rnn_relu, lstm, gru  ×  layers ∈ 1, 2
    × bidirectional ∈ no, yes  ×  initial state ∈ no, yes
one float64 safetensors file `<case>.safetensors` holding

    weights   under PyTorch's state_dict names (weight_ih_l0, bias_hh_l1_reverse, …)
    inputs    input (B,T,I); h0 (L·D,B,H) and, for the LSTM, c0 — with an initial state only
    loss      loss_w_output (B,T,D·H), loss_w_h_n (L·D,B,H), loss_w_c_n (LSTM) — the fixed
              weights of loss = Σ output·Wo + Σ h_n·Wh (+ Σ c_n·Wc)
    expected  output, h_n, c_n (LSTM), loss (a scalar), and the gradient of the loss
              with respect to every parameter (grad.<name>), the input (grad.input)
              and the initial states (grad.h0, grad.c0)

plus `cases.json`, the index of the cases and their configuration, and a
state-dict fixture: `lstm_state_dict.safetensors`, written by
`safetensors.torch.save_file(lstm.state_dict())` for a float32 two-layer
bidirectional nn.LSTM and nothing else, with `lstm_state_dict_io.safetensors`
(its float32 input and PyTorch's output, h_n and c_n).

Everything is drawn from one torch.Generator seeded with --seed, so any seed
gives a valid fixture; the Swift tests read all inputs from the files.

The second form checks the other direction by hand: DIR holds
`ours_state_dict.safetensors` and `ours_io.safetensors`, written by
RecurrentParityTests when RNNLAB_RECURRENT_EXPORT_DIR=DIR is set (the state
dict of an LSTM initialised by RNNEngine, an input and RNNEngine's output).
The state dict is loaded into nn.LSTM with load_state_dict(strict=True) and
PyTorch's output compared with ours.
"""
import argparse
import json
import os
import sys

import torch
from safetensors.torch import load_file, save_file

B, T, I, H = 2, 7, 3, 5
MODULES = {"rnn_tanh": torch.nn.RNN, "rnn_relu": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}


def make_module(kind, layers, bidirectional, dtype):
    kw = dict(input_size=I, hidden_size=H, num_layers=layers, bidirectional=bidirectional, batch_first=True)
    if kind.startswith("rnn_"):
        kw["nonlinearity"] = kind[4:]
    return MODULES[kind](**kw).to(dtype)


def fill(module, g, dtype):
    """PyTorch's own initialisation, U(−1/√H, 1/√H), but drawn from `g`."""
    bound = 1.0 / H ** 0.5
    with torch.no_grad():
        for _, p in module.named_parameters():
            p.copy_((torch.rand(p.shape, generator=g, dtype=torch.float64) * 2 - 1) * bound)
    return module


def case_name(kind, layers, bidirectional, initial):
    return f"{kind}_l{layers}" + ("_bi" if bidirectional else "") + ("_h0" if initial else "")


def make_case(g, kind, layers, bidirectional, initial):
    dt = torch.float64
    m = fill(make_module(kind, layers, bidirectional, dt), g, dt)
    D = 2 if bidirectional else 1
    lstm = kind == "lstm"
    x = torch.randn(B, T, I, generator=g, dtype=dt).requires_grad_(True)
    h0 = (0.5 * torch.randn(layers * D, B, H, generator=g, dtype=dt)).requires_grad_(True) if initial else None
    c0 = (0.5 * torch.randn(layers * D, B, H, generator=g, dtype=dt)).requires_grad_(True) if initial and lstm else None
    w_out = torch.randn(B, T, D * H, generator=g, dtype=dt)
    w_h = torch.randn(layers * D, B, H, generator=g, dtype=dt)
    w_c = torch.randn(layers * D, B, H, generator=g, dtype=dt) if lstm else None

    if lstm:
        out, (h_n, c_n) = m(x, (h0, c0)) if initial else m(x)
    else:
        out, h_n = m(x, h0) if initial else m(x)
        c_n = None
    loss = (out * w_out).sum() + (h_n * w_h).sum()
    if lstm:
        loss = loss + (c_n * w_c).sum()
    loss.backward()

    t = {name: p.detach().clone() for name, p in m.state_dict().items()}
    t["input"] = x.detach().clone()
    t["loss_w_output"], t["loss_w_h_n"] = w_out, w_h
    t["output"], t["h_n"] = out.detach().clone(), h_n.detach().clone()
    t["loss"] = loss.detach().clone()
    t["grad.input"] = x.grad.clone()
    for name, p in m.named_parameters():
        t["grad." + name] = p.grad.clone()
    if initial:
        t["h0"], t["grad.h0"] = h0.detach().clone(), h0.grad.clone()
    if lstm:
        t["loss_w_c_n"], t["c_n"] = w_c, c_n.detach().clone()
        if initial:
            t["c0"], t["grad.c0"] = c0.detach().clone(), c0.grad.clone()
    return {k: v.contiguous() for k, v in t.items()}


def write(out_dir, seed):
    g = torch.Generator().manual_seed(seed)
    os.makedirs(out_dir, exist_ok=True)
    cases = []
    for kind in ("rnn_tanh", "rnn_relu", "lstm", "gru"):
        for layers in (1, 2):
            for bidirectional in (False, True):
                for initial in (False, True):
                    name = case_name(kind, layers, bidirectional, initial)
                    tensors = make_case(g, kind, layers, bidirectional, initial)
                    save_file(tensors, os.path.join(out_dir, name + ".safetensors"), metadata={"seed": str(seed)})
                    cases.append(dict(name=name, file=name + ".safetensors", kind=kind, layers=layers,
                                      bidirectional=bidirectional, initial_state=initial,
                                      batch=B, steps=T, input_size=I, hidden_size=H))

    # The state-dict fixture: exactly what `save_file(module.state_dict())` writes.
    lstm = fill(make_module("lstm", 2, True, torch.float32), g, torch.float32)
    save_file(lstm.state_dict(), os.path.join(out_dir, "lstm_state_dict.safetensors"))
    x = torch.randn(B, T, I, generator=g, dtype=torch.float32)
    with torch.no_grad():
        out, (h_n, c_n) = lstm(x)
    save_file({k: v.contiguous() for k, v in (("input", x), ("output", out), ("h_n", h_n), ("c_n", c_n))},
              os.path.join(out_dir, "lstm_state_dict_io.safetensors"))
    state_dict = dict(file="lstm_state_dict.safetensors", io="lstm_state_dict_io.safetensors", kind="lstm",
                      layers=2, bidirectional=True, input_size=I, hidden_size=H, dtype="float32")

    index = dict(seed=seed, torch=torch.__version__, cases=cases, state_dict=state_dict)
    path = os.path.join(out_dir, "cases.json")
    with open(path + ".tmp", "w") as f:
        json.dump(index, f, indent=1)
        f.write("\n")
    os.replace(path + ".tmp", path)
    total = sum(os.path.getsize(os.path.join(out_dir, n)) for n in os.listdir(out_dir))
    print(f"wrote {len(cases)} cases + state dict to {out_dir} ({total} bytes)")


def check(directory):
    """Loads RNNEngine's state dict into nn.LSTM and compares the outputs."""
    sd = load_file(os.path.join(directory, "ours_state_dict.safetensors"))
    io = load_file(os.path.join(directory, "ours_io.safetensors"))
    layers = 1 + max(int(k.split("_l")[1].split("_")[0]) for k in sd)
    bidirectional = any(k.endswith("_reverse") for k in sd)
    hidden = sd["weight_hh_l0"].shape[1]
    lstm = torch.nn.LSTM(io["input"].shape[2], hidden, num_layers=layers, bidirectional=bidirectional,
                         batch_first=True).to(sd["weight_hh_l0"].dtype)
    lstm.load_state_dict(sd, strict=True)
    with torch.no_grad():
        out, (h_n, c_n) = lstm(io["input"])
    worst = 0.0
    for name, value in (("output", out), ("h_n", h_n), ("c_n", c_n)):
        ours = io[name]
        err = ((value - ours).abs().max() / ours.abs().max().clamp_min(1e-12)).item()
        worst = max(worst, err)
        print(f"{name:7s} {tuple(value.shape)} rel err {err:.3e}")
    print(f"loaded {len(sd)} tensors ({', '.join(sorted(sd))}) into nn.LSTM(layers={layers}, "
          f"bidirectional={bidirectional}, dtype={sd['weight_hh_l0'].dtype}), strict=True")
    # Both sides compute in float32 with the same weights: they agree to ~1e-7,
    # so 1e-5 (tighter than the suite's 1e-4) still leaves a wide margin.
    ok = worst <= 1e-5
    print("OK" if ok else "MISMATCH", f"max rel err {worst:.3e}")
    return 0 if ok else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="Tests/RNNEngineTests/Fixtures/recurrent")
    ap.add_argument("--check", metavar="DIR", help="check RNNEngine's exported state dict with PyTorch")
    a = ap.parse_args()
    if a.check:
        sys.exit(check(a.check))
    write(a.out, a.seed)


if __name__ == "__main__":
    main()
