"""Writes tests/data/techniques_tiny.onnx: a stand-in for the accurate technique model with the same inputs
and outputs (input_ids, attention_mask -> si (b, n, 3), tc (b, n, 14)) and a rule the test can predict: a
wordpiece is B when its id is ``WORD`` (else O), and its technique is ``id % 14``. Needs torch and onnx
(the tagger-train extra); the test itself runs the file with onnxruntime alone.

    python tests/data/make_techniques_tiny_onnx.py WORD_ID
"""

import sys
from pathlib import Path

import torch


class Tiny(torch.nn.Module):
    def __init__(self, word: int):
        super().__init__()
        self.word = word

    def forward(self, input_ids, attention_mask):
        hit = (input_ids == self.word).float() * attention_mask.float()
        si = torch.stack([1 - hit, hit, torch.zeros_like(hit)], -1)
        tc = torch.nn.functional.one_hot(input_ids % 14, 14).float()
        return si, tc


if __name__ == "__main__":
    ids = torch.randint(1000, 2000, (2, 12))
    out = Path(__file__).with_name("techniques_tiny.onnx")
    torch.onnx.export(Tiny(int(sys.argv[1])), (ids, torch.ones_like(ids)), str(out),
                      input_names=["input_ids", "attention_mask"], output_names=["si", "tc"], opset_version=17,
                      dynamo=False, dynamic_axes={k: {0: "b", 1: "n"} for k in ("input_ids", "attention_mask", "si", "tc")})
