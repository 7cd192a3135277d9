#!/usr/bin/env python3
"""Writes PyTorch reference numbers for the engine's convolution, pooling,
per-position dense, embedding and RCNN context ops.

    python3 Tests/scripts/make_conv_fixtures.py --seed 0 --out Tests/RNNEngineTests/Fixtures/conv/seed0

Every case is one float64 safetensors file `<case>.safetensors` holding

    inputs    input (B,T,C) (or ids for the embedding, stored as float64), and
              for the RCNN case forward (B,T,H), embedded (B,T,E), backward
              (B,T,H), initial_left (H), initial_right (H)
    weights   under PyTorch's state_dict names: weight, bias
    mask      mask (B,T) as 0/1, for the masked cases
    loss      loss_w (shape of the output): loss = Σ output ⊙ loss_w
    expected  output, loss (scalar), and grad.<name> for every input and
              parameter that has a gradient

plus `cases.json`, the index of the cases and their configuration, and
`conv_state_dict.safetensors`: `save_file(nn.Conv1d(...).float().state_dict())`
and nothing else, with `conv_state_dict_io.safetensors` (its float32 input
(B,T,C) and PyTorch's output (B,T_out,C_out)).

The engine works on batch-first (B, T, C); PyTorch's conv and pooling modules
take (B, C, T), so the script transposes in and out. Padding `same` uses
PyTorch's own `padding='same'` (so its rule for an odd total is what is
checked); `causal` is F.pad(x, (d·(K−1), 0)) followed by a valid convolution;
`same` with stride > 1 is not a case because PyTorch refuses it.

Everything is drawn from one torch.Generator seeded with --seed, so any seed
gives a valid fixture; the Swift tests read every input from the files.
"""
import argparse
import json
import os

import torch
import torch.nn.functional as F
from safetensors.torch import save_file

DT = torch.float64
B, T, C_IN, C_OUT = 2, 7, 3, 4

# (name, kernel, stride, dilation, padding): every padding mode with every
# stride/dilation combination PyTorch allows, odd and even total padding for
# `same`, and a kernel of 1 (the per-position dense layer).
CONV_CASES = [
    ("conv_valid_k3", 3, 1, 1, "valid"),
    ("conv_valid_k3_s2", 3, 2, 1, "valid"),
    ("conv_valid_k3_d2", 3, 1, 2, "valid"),
    ("conv_valid_k2_s3_d2", 2, 3, 2, "valid"),
    ("conv_valid_k1", 1, 1, 1, "valid"),
    ("conv_same_k3", 3, 1, 1, "same"),
    ("conv_same_k4", 4, 1, 1, "same"),
    ("conv_same_k3_d2", 3, 1, 2, "same"),
    ("conv_same_k2_d3", 2, 1, 3, "same"),
    ("conv_causal_k3", 3, 1, 1, "causal"),
    ("conv_causal_k3_s2", 3, 2, 1, "causal"),
    ("conv_causal_k2_d3", 2, 1, 3, "causal"),
    ("conv_causal_k3_s2_d2", 3, 2, 2, "causal"),
]
# (name, kind, size, stride) on T = 7 steps: odd lengths leave a partial window out.
POOL_CASES = [
    ("maxpool_p2", "max", 2, 2), ("maxpool_p3_s1", "max", 3, 1), ("maxpool_p3_s2", "max", 3, 2),
    ("maxpool_p2_s3", "max", 2, 3),
    ("avgpool_p2", "avg", 2, 2), ("avgpool_p3_s1", "avg", 3, 1), ("avgpool_p3_s2", "avg", 3, 2),
    ("avgpool_p2_s3", "avg", 2, 3),
]


def randn(g, *shape):
    return torch.randn(*shape, generator=g, dtype=DT)


def finish(tensors, out, params):
    """Adds loss_w, loss and the gradients w.r.t. every leaf in params (name → tensor)."""
    g = tensors.pop("_g")
    w = randn(g, *out.shape)
    loss = (out * w).sum()
    names = list(params)
    grads = torch.autograd.grad(loss, [params[n] for n in names])
    tensors.update(output=out.detach(), loss_w=w, loss=loss.detach())
    for n, d in zip(names, grads):
        tensors["grad." + n] = d
    return {k: v.detach().contiguous() for k, v in tensors.items()}


def conv_case(g, kernel, stride, dilation, padding, bias=True):
    x = randn(g, B, T, C_IN).requires_grad_(True)
    bound = 1.0 / (C_IN * kernel) ** 0.5
    conv = torch.nn.Conv1d(C_IN, C_OUT, kernel, stride=stride, dilation=dilation,
                           padding="same" if padding == "same" else 0, bias=bias).to(DT)
    with torch.no_grad():
        for p in conv.parameters():
            p.copy_((torch.rand(p.shape, generator=g, dtype=DT) * 2 - 1) * bound)
    xt = x.transpose(1, 2)
    if padding == "causal":
        xt = F.pad(xt, (dilation * (kernel - 1), 0))
    y = conv(xt).transpose(1, 2)
    params = {"input": x, "weight": conv.weight}
    if bias:
        params["bias"] = conv.bias
    tensors = {"_g": g, "input": x, "weight": conv.weight}
    if bias:
        tensors["bias"] = conv.bias
    return finish(tensors, y, params)


def pool_case(g, kind, size, stride):
    x = randn(g, B, T, C_IN).requires_grad_(True)
    pool = torch.nn.MaxPool1d(size, stride) if kind == "max" else torch.nn.AvgPool1d(size, stride)
    y = pool(x.transpose(1, 2)).transpose(1, 2)
    return finish({"_g": g, "input": x}, y, {"input": x})


def lengths_mask(batch, steps, lengths):
    return torch.tensor([[1.0 if t < n else 0.0 for t in range(steps)] for n in lengths], dtype=DT)


def global_case(g, kind):
    # Row lengths: full, partial, one step, none (the fully padded row gives 0).
    lengths = [T, 4, 1, 0]
    x = randn(g, len(lengths), T, C_IN).requires_grad_(True)
    mask = lengths_mask(len(lengths), T, lengths)
    m = mask.bool().unsqueeze(-1)
    real = m.any(dim=1)                                   # (B, 1)
    if kind == "max":
        y = x.masked_fill(~m, float("-inf")).max(dim=1).values
        y = torch.where(real, y, torch.zeros_like(y))
    else:
        count = mask.sum(dim=1, keepdim=True).clamp(min=1)
        y = (x * mask.unsqueeze(-1)).sum(dim=1) / count
    return finish({"_g": g, "input": x, "mask": mask}, y, {"input": x})


def dense_case(g, inputs, outputs):
    x = randn(g, B, T, inputs).requires_grad_(True)
    lin = torch.nn.Linear(inputs, outputs).to(DT)
    with torch.no_grad():
        for p in lin.parameters():
            p.copy_(randn(g, *p.shape) * 0.5)
    y = lin(x)
    return finish({"_g": g, "input": x, "weight": lin.weight, "bias": lin.bias}, y,
                  {"input": x, "weight": lin.weight, "bias": lin.bias})


def embedding_case(g, vocab, dim, padding_idx):
    emb = torch.nn.Embedding(vocab, dim, padding_idx=padding_idx).to(DT)
    with torch.no_grad():
        emb.weight.copy_(randn(g, vocab, dim))
        if padding_idx is not None:
            emb.weight[padding_idx].zero_()   # what nn.Embedding does at construction
    ids = torch.randint(0, vocab, (B, T), generator=g)
    ids[0, :3] = torch.tensor([1, 1, 0])          # a repeated id and the padding id
    if padding_idx is not None:
        ids[1, -2:] = padding_idx
    y = emb(ids)
    return finish({"_g": g, "ids": ids.to(DT), "weight": emb.weight}, y, {"weight": emb.weight})


def rcnn_case(g, h, e):
    """x̃_t = [c_l(t); e(t); c_r(t)] with c_l(t) = forward[t−1] (initial_left at t = 0)
    and c_r(t) = backward[t+1] (initial_right at the row's last real step)."""
    lengths = [T, 5]
    fwd = randn(g, B, T, h).requires_grad_(True)
    emb = randn(g, B, T, e).requires_grad_(True)
    bwd = randn(g, B, T, h).requires_grad_(True)
    init_l = randn(g, h).requires_grad_(True)
    init_r = randn(g, h).requires_grad_(True)
    mask = lengths_mask(B, T, lengths)
    rows = []
    for b in range(B):
        steps = []
        for t in range(T):
            left = fwd[b, t - 1] if t > 0 else init_l
            right = bwd[b, t + 1] if t + 1 < T and mask[b, t + 1] > 0 else init_r
            steps.append(torch.cat([left, emb[b, t], right]))
        rows.append(torch.stack(steps))
    y = torch.stack(rows)
    leaves = {"forward": fwd, "embedded": emb, "backward": bwd, "initial_left": init_l, "initial_right": init_r}
    return finish({"_g": g, **leaves, "mask": mask}, y, leaves)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    g = torch.Generator().manual_seed(args.seed)
    cases = []

    def write(name, tensors, **config):
        save_file(tensors, os.path.join(args.out, name + ".safetensors"))
        cases.append(dict(name=name, file=name + ".safetensors", **config))

    for name, k, s, d, pad in CONV_CASES:
        write(name, conv_case(g, k, s, d, pad), op="conv1d", kernel=k, stride=s, dilation=d, padding=pad, bias=True)
    write("conv_same_k3_nobias", conv_case(g, 3, 1, 1, "same", bias=False),
          op="conv1d", kernel=3, stride=1, dilation=1, padding="same", bias=False)
    for name, kind, p, s in POOL_CASES:
        write(name, pool_case(g, kind, p, s), op=kind + "pool1d", size=p, stride=s)
    write("global_max_masked", global_case(g, "max"), op="global_max")
    write("global_mean_masked", global_case(g, "mean"), op="global_mean")
    write("dense_per_position", dense_case(g, 3, 5), op="dense")
    write("embedding", embedding_case(g, 6, 4, None), op="embedding", vocab=6, dim=4)
    write("embedding_padding_idx", embedding_case(g, 6, 4, 2), op="embedding", vocab=6, dim=4, padding_idx=2)
    write("rcnn_context", rcnn_case(g, 3, 2), op="rcnn_context")

    # A state dict exactly as PyTorch writes it (float32, nothing else in the file).
    conv = torch.nn.Conv1d(C_IN, C_OUT, 3, padding="same").float()
    with torch.no_grad():
        for p in conv.parameters():
            p.copy_(torch.rand(p.shape, generator=g, dtype=DT).float() - 0.5)
    save_file({k: v.contiguous() for k, v in conv.state_dict().items()},
              os.path.join(args.out, "conv_state_dict.safetensors"))
    x = torch.randn(B, T, C_IN, generator=g, dtype=DT).float()
    with torch.no_grad():
        y = conv(x.transpose(1, 2)).transpose(1, 2)
    save_file({"input": x.contiguous(), "output": y.contiguous()},
              os.path.join(args.out, "conv_state_dict_io.safetensors"))

    index = dict(seed=args.seed, torch=torch.__version__, cases=cases,
                 state_dict=dict(file="conv_state_dict.safetensors", io="conv_state_dict_io.safetensors",
                                 input_channels=C_IN, output_channels=C_OUT, kernel=3, padding="same"))
    with open(os.path.join(args.out, "cases.json"), "w") as f:
        json.dump(index, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
