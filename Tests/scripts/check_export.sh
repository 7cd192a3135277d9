#!/usr/bin/env bash
# Exports lessons with `rnnlab export` and runs each project's train.py with a
# Python that has torch and safetensors: --check against the lab's metrics, for
# fresh and trained weights, then a short data-parallel run under torchrun.
#   PYTHON=/path/to/venv/bin/python Tests/scripts/check_export.sh [lesson …]
# Default lessons: lstm-gates (regression), text-rnn (a classifier with an
# embedding and masking) and seq2seq-attention (an encoder–decoder). Then the
# three lessons with their own exporters, recursive-trees (a tree net), rcnn and
# conv-gru (a Conv1D front end), are checked from briefly trained weights only
# ($CHECK_ONLY; empty it to skip them). Exit status: non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-${RNNLAB_TORCH_PYTHON:-python3}}
RNNLAB=${RNNLAB:-.build/release/rnnlab}
lessons=("$@")
[ ${#lessons[@]} -gt 0 ] || lessons=(lstm-gates text-rnn seq2seq-attention)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for lesson in "${lessons[@]}"; do
    echo "== $lesson: fresh weights"
    "$RNNLAB" export "$lesson" --training-batches 20 --out "$work/$lesson-fresh" >/dev/null
    "$PYTHON" "$work/$lesson-fresh/train.py" --check
    echo "== $lesson: trained 200 steps in the lab"
    "$RNNLAB" run "$lesson" --steps 200 --checkpoint "$work/$lesson.safetensors" >/dev/null
    "$RNNLAB" export "$lesson" --from "$work/$lesson.safetensors" --training-batches 20 --out "$work/$lesson-trained" >/dev/null
    "$PYTHON" "$work/$lesson-trained/train.py" --check
    echo "== $lesson: 20 steps from scratch on two processes"
    "$PYTHON" -m torch.distributed.run --nproc_per_node=2 "$work/$lesson-fresh/train.py" --steps 20 || [ $? -eq 1 ]
done
for lesson in ${CHECK_ONLY-recursive-trees rcnn conv-gru}; do
    echo "== $lesson: trained 30 steps in the lab"
    "$RNNLAB" run "$lesson" --steps 30 --checkpoint "$work/$lesson.safetensors" >/dev/null
    "$RNNLAB" export "$lesson" --from "$work/$lesson.safetensors" --training-batches 2 --out "$work/$lesson-trained" >/dev/null
    "$PYTHON" "$work/$lesson-trained/train.py" --check
done
echo "all exported projects reproduced the lab"
