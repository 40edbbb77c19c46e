#!/usr/bin/env python3
"""Writes the seed corpus test/fuzz/corpus/: inputs laid out for
test/fuzz/operator-fuzzer.cc (its data provider reads front to back), one per
operator x ISA choice x shape class x value pattern, so that fuzzing starts
from every operator, every ISA path, short / long / tiled rows and the special
values. Deterministic; rerun after adding an operator to the table:

    python3 test/fuzz/make-seeds.py NUM_OPERATORS
"""
import os
import struct
import sys

num_ops = int(sys.argv[1]) if len(sys.argv) > 1 else 6
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
os.makedirs(out, exist_ok=True)

def u16(v):
    return bytes([(v >> 8) & 0xFF, v & 0xFF])

# Value patterns: 4 bytes per element (selector, b1, b2, b3), see FloatFromBytes.
patterns = {
    "ramp": b"".join(bytes([i * 3 % 128, (i * 37) & 0xFF, (i * 91) & 0xFF, 0]) for i in range(64)),
    "wide": b"".join(bytes([128 + (i * 5) % 64, (i * 53) & 0xFF, (i * 17) & 0xFF, 0]) for i in range(64)),
    "specials": b"".join(bytes([200 + i % 40, i, i * 7 & 0xFF, 0]) for i in range(48)),
    "masked": b"".join(bytes([200, 0, 0, 0]) if i % 3 else bytes([10, i, 0, 0]) for i in range(48)),
}
# Shape classes: (case byte, channels bytes).
shapes = {
    "short": (3, u16(63)),      # channels 1 + 63 % 300
    "tiny": (1, bytes([16])),   # 1..17
    "mid": (13, u16(1000)),     # 300 + ...
    "tiled": (15, b"\x00\x01\x00\x00"),  # 32760 + ...
}
count = 0
for op in range(num_ops):
    for isa in range(4):
        for shape_name, (case, ch) in shapes.items():
            for pattern_name, pattern in patterns.items():
                if shape_name == "tiled" and pattern_name != "ramp":
                    continue
                threads = (op + isa) % 4
                body = bytes([op, isa, 0x00, case]) + ch
                body += bytes([2 if shape_name != "tiled" else 1])  # batch
                body += bytes([1 + isa, 0, 2, threads])            # in_pad, not in place, out_pad, threads
                name = f"op{op}-isa{isa}-{shape_name}-{pattern_name}"
                with open(os.path.join(out, name), "wb") as f:
                    f.write(body + pattern)
                count += 1
    # Hostile parameters and flags, in place.
    with open(os.path.join(out, f"op{op}-params"), "wb") as f:
        f.write(bytes([op, 0, 0x07, 200, 2, 0, 200, 3, 0, 200, 0, 0, 3]) + u16(40) + bytes([3, 0, 1, 0]) + patterns["ramp"])
    with open(os.path.join(out, f"op{op}-flags"), "wb") as f:
        f.write(bytes([op, 2, 0xE0, 0x80, 0, 0, 0, 3]) + u16(20) + bytes([1, 0, 0, 2, 1]) + patterns["specials"])
    count += 2
print(f"{count} seeds in {out}")
