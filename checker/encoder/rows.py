"""The word-embedding table left in its file: each forward pass reads the rows its tokens need.

Why: the table is 250,037 rows x 384 float32 (384 MB), and a text reads a few thousand of them. Memory-mapped,
every row read made 64 KB of the file resident (the kernel maps the pages around a fault), so checking an
article's claims put 200-380 MB of it in the process's RSS; loaded, all 384 MB. Read with `pread` the rows
come from the page cache (shared, reclaimable, not the process's memory) and are the same bytes, so the
output is identical to `nn.Embedding`'s.
"""
from __future__ import annotations

import json
import os
import struct
from pathlib import Path

import numpy as np
import torch
from torch import nn


class FileRows(nn.Module):
    """`nn.Embedding` for inference whose float32 table stays in a safetensors file."""

    def __init__(self, path: Path, tensor: str) -> None:
        super().__init__()
        with open(path, "rb") as fh:
            (header_size,) = struct.unpack("<Q", fh.read(8))
            entry = json.loads(fh.read(header_size))[tensor]
        if entry["dtype"] != "F32" or len(entry["shape"]) != 2:
            raise ValueError(f"{path.name}: {tensor} is not a float32 matrix")
        self.rows, self.dim = entry["shape"]
        self.offset = 8 + header_size + entry["data_offsets"][0]
        self.row_bytes = 4 * self.dim
        self.path = path
        self._fd = os.open(path, os.O_RDONLY)  # kept for the process: a rebuilt cache folder is a new file

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        unique, inverse = torch.unique(input_ids, return_inverse=True)
        ids = unique.tolist()
        if ids and (ids[0] < 0 or ids[-1] >= self.rows):
            raise IndexError(f"token id out of range 0..{self.rows - 1}")
        table = np.empty((len(ids), self.dim), dtype=np.float32)
        for k, row in enumerate(ids):
            data = os.pread(self._fd, self.row_bytes, self.offset + row * self.row_bytes)
            if len(data) != self.row_bytes:
                raise OSError(f"the embedding file was cut short at row {row}")
            table[k] = np.frombuffer(data, dtype="<f4")
        return torch.from_numpy(table)[inverse]

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()  # a copy (deepcopy, pickle) opens its own descriptor
        del state["_fd"]
        return state

    def __setstate__(self, state: dict) -> None:
        super().__setstate__(state)
        self._fd = os.open(self.path, os.O_RDONLY)

    def __del__(self) -> None:
        try:
            os.close(self._fd)
        except (AttributeError, OSError):
            pass
