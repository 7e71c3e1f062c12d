"""Writing a figure as a small PNG, atomically.

Charts and maps are flat colours plus anti-aliased edges, so a 256-colour palette looks the
same as full colour at a third of the bytes (students download these on phones). Pillow
(already a dependency of matplotlib) does the palette; the file appears in one rename, so a
build reading it in parallel never sees half a PNG.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

PALETTE_COLOURS = 256


def save_png(fig, out_path: Path, *, dpi: int) -> None:
    from PIL import Image
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    raw = io.BytesIO()
    fig.savefig(raw, dpi=dpi, format="png", facecolor="white", metadata={"Software": None})
    image = Image.open(raw).convert("RGB")
    small = image.quantize(PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    fd, tmp = tempfile.mkstemp(prefix=out_path.stem + ".", suffix=".png.tmp", dir=out_path.parent)
    os.close(fd)
    try:
        small.save(tmp, format="PNG", optimize=True)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the built site must be able to read it
        os.replace(tmp, out_path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
