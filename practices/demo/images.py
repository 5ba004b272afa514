"""Pleasant abstract images drawn with Pillow, so demo content needs no downloads (documents with real
text are made in practices.demo.documents).

Every output is deterministic for a given seed, title and palette. Text uses a system DejaVu or
Liberation font when one is installed (they cover Turkish letters); Pillow's bundled default font lacks
ğ, ş, ı, İ, so with it the text is folded to ASCII rather than drawn as empty boxes.
"""

import io
import random
import textwrap
import zlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
)
ASCII_FOLD = str.maketrans("çğıİöşüÇĞÖŞÜâîûÂÎÛ–—’“”", 'cgiIosuCGOSUaiuAIU--\'""')


@cache
def _font_path() -> str | None:
    return next((path for path in FONT_CANDIDATES if Path(path).is_file()), None)


def _font(size: int) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, bool]:
    """Return (font, supports_turkish)."""
    path = _font_path()
    if path:
        return ImageFont.truetype(path, size), True
    return ImageFont.load_default(size=size), False


def _text(text: str, turkish: bool) -> str:
    return text if turkish else text.translate(ASCII_FOLD)


def _rgb(colour: str) -> tuple[int, int, int]:
    return ImageColor.getrgb(colour)[:3]


def _darkest(colours: Sequence[str]) -> tuple[int, int, int]:
    """The palette colour with the lowest luminance, for text on the light band."""
    if not colours:
        return (34, 34, 34)
    return min(
        (_rgb(c) for c in colours), key=lambda rgb: 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    )


def _seed(*parts: object) -> int:
    # zlib.crc32 rather than hash(): hash() of a str changes between processes.
    return zlib.crc32("|".join(map(str, parts)).encode())


def abstract_image(
    *, title: str, palette: Sequence[str], seed: int | str = 0, size: tuple[int, int] = (1200, 675)
) -> bytes:
    """A JPEG of soft overlapping shapes in the palette with the title on a readable band."""
    rng = random.Random(_seed(title, seed))  # noqa: S311 - decoration, not security
    width, height = size
    background, *colours = palette
    image = Image.new("RGB", size, background)
    # Shapes are drawn at half size and scaled up: soft edges for a fraction of a blur's cost.
    # Transparent pixels carry the background colour so the scaled edges do not turn grey.
    small = (width // 2, height // 2)
    shapes = Image.new("RGBA", small, (*_rgb(background), 0))
    draw = ImageDraw.Draw(shapes)
    for _ in range(14):
        fill = (*_rgb(rng.choice(colours)), rng.randint(90, 190))
        x, y = rng.randint(-small[0] // 6, small[0]), rng.randint(-small[1] // 6, small[1])
        radius = rng.randint(small[1] // 10, small[1] // 2)
        kind = rng.random()
        if kind < 0.55:
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill)
        elif kind < 0.8:
            draw.rounded_rectangle((x, y, x + radius * 2, y + radius), radius=radius // 4, fill=fill)
        else:
            triangle = [(x, y), (x + radius * 2, y + radius // 2), (x + radius // 2, y + radius * 2)]
            draw.polygon(triangle, fill=fill)
    shapes = shapes.resize(size, Image.Resampling.BICUBIC)
    image.paste(shapes, (0, 0), shapes)

    font, turkish = _font(max(24, width // 22))
    lines = textwrap.wrap(_text(title, turkish), width=28)[:3]
    line_height = int(font.size * 1.25) if hasattr(font, "size") else 40
    band_height = line_height * len(lines) + line_height
    band = Image.new("RGBA", (width, band_height), (255, 255, 255, 215))
    image.paste(band, (0, height - band_height), band)
    text_draw = ImageDraw.Draw(image)
    y = height - band_height + line_height // 2
    for line in lines:
        text_draw.text((width // 20, y), line, font=font, fill=_darkest(colours))
        y += line_height

    output = io.BytesIO()
    image.save(output, format="JPEG", quality=82)
    return output.getvalue()
