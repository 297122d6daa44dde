"""Weights files of the newer families as PyTorch writes them, for the page's "Load weights…":
one per family, a state_dict of the module in tools/family_modules.py (the contract's names and
shapes) sized for the adding problem (I = 2 inputs, O = 1 output), with a batch of inputs and
targets and the float64 loss PyTorch computes on it. tests/panels/familyWeights.test.ts reads a
file the way the page does, switches to the setup it names, loads it and checks the engine's loss
against PyTorch's; `Download weights` must write the same names and shapes back.

    python3 tools/family_weights.py   # writes tests/fixtures/weights-<cell>.json
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(__file__))
from family_fixtures import loss_fn, randomize  # noqa: E402
from family_modules import make  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'fixtures')
T, B, I, H, O = 12, 3, 2, 8, 1


def main():
    for seed, cell in enumerate(['lru', 'rglru', 's6', 'attention']):
        torch.manual_seed(100 + seed)
        N = 4 if cell == 's6' else None
        mod = make(cell, I, H, O, N or 1)
        randomize(cell, mod, I, H, N, {'seed': 100 + seed})
        u = torch.rand(T, B, I)
        targets = torch.rand(B, O)
        loss = loss_fn('mse_last', mod.run(u)['y'], targets)
        state_dict = {k: v.tolist() for k, v in mod.state_dict().items()}
        spec = {
            'cell': cell,
            'hiddenSize': H,
            'stateSize': N,
            'stateDict': state_dict,
            'T': T,
            'B': B,
            'inputs': u.tolist(),
            'targets': targets.tolist(),
            'loss': loss.item(),
            'torch': torch.__version__,
        }
        with open(os.path.join(OUT, f'weights-{cell}.json'), 'w') as f:
            json.dump(spec, f)
        print(cell, list(state_dict), loss.item())


if __name__ == '__main__':
    main()
