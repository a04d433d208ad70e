"""Render resources/app/license-desk.svg into the icon files the installers need.

    python tools/make_app_icons.py

Writes license-desk.png (512 px), license-desk.ico (Windows: 16-256 px) and license-desk.icns
(macOS: 16-1024 px). Both containers hold PNG images, which every supported Windows and macOS
version reads, so no imaging library is needed beyond Qt's SVG renderer.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_DIR = Path(__file__).resolve().parent.parent / "resources" / "app"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns OSType for each PNG size (Apple's "Icon Composer" types).
ICNS_TYPES = {
    16: b"icp4",
    32: b"icp5",
    64: b"icp6",
    128: b"ic07",
    256: b"ic08",
    512: b"ic09",
    1024: b"ic10",
}


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries = b""
    offset = 6 + 16 * len(pngs)
    blobs = b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        blobs += png
    return header + entries + blobs


def build_icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", len(png) + 8) + png
        for size, png in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    app = QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(APP_DIR / "license-desk.svg"))
    if not renderer.isValid():
        print("license-desk.svg could not be read", file=sys.stderr)
        return 1
    sizes = sorted(set(ICO_SIZES) | set(ICNS_TYPES))
    pngs = {size: render_png(renderer, size) for size in sizes}
    (APP_DIR / "license-desk.png").write_bytes(pngs[512])
    (APP_DIR / "license-desk.ico").write_bytes(build_ico({s: pngs[s] for s in ICO_SIZES}))
    (APP_DIR / "license-desk.icns").write_bytes(build_icns({s: pngs[s] for s in ICNS_TYPES}))
    del app
    print(f"wrote icons for sizes {sizes} into {APP_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
