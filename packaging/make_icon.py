"""Draw TaperDesk's icon (a descending step curve on a teal tile) as PNG and ICO.

Run once when the design changes: ``python packaging/make_icon.py``. The PNG and
ICO it writes are committed, so a bundle build needs no drawing step. Pillow
comes with reportlab, so no extra dependency is needed.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
ICONS = HERE.parent / "resources" / "icons"
SIZE = 512
TILE = (0, 105, 120, 255)
CURVE = (255, 255, 255, 255)
PILL = (255, 214, 102, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = SIZE) -> Image.Image:
    """The icon at ``size`` pixels: four falling steps and a half tablet."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 512
    d.rounded_rectangle([8 * s, 8 * s, 504 * s, 504 * s], radius=96 * s, fill=TILE)
    # A taper: each step lower and the same length, ending at zero.
    levels = [120, 200, 280, 360, 420]
    xs = [72, 152, 232, 312, 392, 440]
    points: list[tuple[float, float]] = []
    for i, y in enumerate(levels):
        points += [(xs[i] * s, y * s), (xs[i + 1] * s, y * s)]
    d.line(points, fill=CURVE, width=round(34 * s), joint="curve")
    # A scored half tablet at the top right: the dose made of real tablets.
    box = [300 * s, 64 * s, 452 * s, 216 * s]
    d.pieslice(box, start=90, end=270, fill=PILL)
    d.ellipse(box, outline=PILL, width=round(10 * s))
    return img


def main() -> None:
    img = draw()
    img.resize((256, 256), Image.Resampling.LANCZOS).save(ICONS / "taperdesk.png")
    img.save(ICONS / "taperdesk.ico", sizes=ICO_SIZES)
    print(f"wrote {ICONS / 'taperdesk.png'} and {ICONS / 'taperdesk.ico'}")


if __name__ == "__main__":
    main()
