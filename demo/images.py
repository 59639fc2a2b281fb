"""Pictures for the demo, drawn locally with Pillow (no downloads).

Each picture is a warm gradient in its sector's colour with a motif for its discipline:
aperture blades for photography, a film strip for audiovisual work, waveforms for sound,
beams for light, a projected pattern for mapping. A string seed makes every picture
reproducible: the same seed always gives the same bytes.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SAND = (244, 228, 200)
DUSK = (40, 26, 22)
GOLD = (226, 168, 74)
ROSE = (214, 118, 88)
WHITE = (255, 250, 240)

PRODUCT_SIZE = (1200, 800)
PAGE_SIZE = (1600, 900)
AVATAR_SIZE = (400, 400)


def hex_to_rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _alpha(colour, alpha):
    return (*colour, max(0, min(255, int(alpha))))


# --------------------------------------------------------------------------------------
# Background: a rotated two-colour gradient, a soft glow and a vignette, drawn small and
# scaled up (smooth, and fast).
# --------------------------------------------------------------------------------------
_GRADIENT = Image.linear_gradient("L").resize((512, 512), Image.BILINEAR)
_RADIAL = Image.radial_gradient("L")


def _background(rng, size, colour):
    w, h = size
    small = (max(w // 5, 8), max(h // 5, 8))
    base = hex_to_rgb(colour)
    first = _mix(base, rng.choice([SAND, GOLD, ROSE]), rng.uniform(0.0, 0.25))
    second = rng.choice(
        [
            _mix(base, DUSK, rng.uniform(0.45, 0.7)),
            _mix(base, SAND, rng.uniform(0.45, 0.7)),
            _mix(base, GOLD, rng.uniform(0.35, 0.6)),
            _mix(base, ROSE, rng.uniform(0.3, 0.5)),
        ]
    )
    angle = rng.uniform(0, 360)
    mask = _GRADIENT.rotate(angle, resample=Image.BILINEAR).crop((75, 75, 437, 437))
    img = Image.composite(
        Image.new("RGB", small, second),
        Image.new("RGB", small, first),
        mask.resize(small, Image.BILINEAR),
    )
    # A warm glow somewhere in the frame.
    glow_size = int(max(small) * rng.uniform(0.6, 1.1))
    glow_mask = Image.eval(
        _RADIAL.resize((glow_size, glow_size), Image.BILINEAR), lambda v: max(0, 255 - v * 2) * 0.55
    )
    gx = int(rng.uniform(-0.2, 0.8) * small[0])
    gy = int(rng.uniform(-0.3, 0.6) * small[1])
    glow_colour = _mix(rng.choice([SAND, GOLD, WHITE]), base, 0.15)
    img.paste(Image.new("RGB", (glow_size, glow_size), glow_colour), (gx, gy), glow_mask)
    # Vignette: darker corners.
    vignette = Image.eval(_RADIAL.resize(small, Image.BILINEAR), lambda v: max(0, v - 120))
    img.paste(Image.new("RGB", small, DUSK), (0, 0), vignette)
    return img.resize(size, Image.BILINEAR).convert("RGBA")


# --------------------------------------------------------------------------------------
# Motifs, drawn on a transparent layer.
# --------------------------------------------------------------------------------------
def _aperture(rng, draw, w, h, colour):
    cx, cy = rng.uniform(0.35, 0.65) * w, rng.uniform(0.35, 0.65) * h
    radius = rng.uniform(0.28, 0.4) * h
    for i in range(4):
        r = radius * (1 + 0.18 * i)
        draw.ellipse(
            (cx - r, cy - r, cx + r, cy + r),
            outline=_alpha(WHITE, 150 - 30 * i),
            width=max(2, int(h * 0.006)),
        )
    blades = rng.choice([6, 7, 8])
    turn = rng.uniform(0, math.pi)
    opening = radius * rng.uniform(0.35, 0.55)
    for i in range(blades):
        a = turn + i * 2 * math.pi / blades
        b = a + 2 * math.pi / blades
        pts = [
            (cx + opening * math.cos(a), cy + opening * math.sin(a)),
            (cx + radius * math.cos(a - 0.25), cy + radius * math.sin(a - 0.25)),
            (cx + radius * math.cos(b - 0.25), cy + radius * math.sin(b - 0.25)),
            (cx + opening * math.cos(b), cy + opening * math.sin(b)),
        ]
        shade = _mix(colour, DUSK, 0.25 + 0.35 * (i % 2))
        draw.polygon(pts, fill=_alpha(shade, 200), outline=_alpha(WHITE, 90))
    for _ in range(rng.randint(8, 16)):  # bokeh
        r = rng.uniform(0.02, 0.08) * h
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        draw.ellipse(
            (x - r, y - r, x + r, y + r),
            fill=_alpha(rng.choice([WHITE, GOLD, SAND]), rng.uniform(25, 70)),
        )


def _film(rng, draw, w, h, colour):
    top = rng.uniform(0.22, 0.42) * h
    band = h * 0.36
    draw.rectangle((0, top, w, top + band), fill=_alpha(DUSK, 215))
    hole_w, hole_h = w * 0.022, band * 0.09
    step = w / 28
    for i in range(29):
        x = i * step + step * 0.3
        for y in (top + band * 0.05, top + band * 0.86):
            draw.rounded_rectangle((x, y, x + hole_w, y + hole_h), radius=3, fill=_alpha(SAND, 200))
    frame_w = w / rng.choice([3, 4])
    x = -rng.uniform(0, frame_w * 0.5)
    while x < w:
        shade = _mix(colour, rng.choice([SAND, GOLD, ROSE, WHITE]), rng.uniform(0.2, 0.7))
        draw.rectangle(
            (x + 10, top + band * 0.2, x + frame_w - 10, top + band * 0.8), fill=_alpha(shade, 230)
        )
        x += frame_w
    # A play button.
    cx, cy, r = rng.uniform(0.3, 0.7) * w, top + band / 2, band * 0.22
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_alpha(WHITE, 220))
    draw.polygon(
        [(cx - r * 0.35, cy - r * 0.5), (cx - r * 0.35, cy + r * 0.5), (cx + r * 0.55, cy)],
        fill=_alpha(colour, 255),
    )


def _shapes(rng, draw, w, h, colour):
    for _ in range(rng.randint(5, 8)):
        kind = rng.choice(["circle", "triangle", "square"])
        size = rng.uniform(0.08, 0.2) * h
        x, y = rng.uniform(0.1, 0.9) * w, rng.uniform(0.15, 0.85) * h
        dx, dy = rng.uniform(-1, 1) * size * 0.45, rng.uniform(-0.4, 0.4) * size * 0.45
        tint = rng.choice([WHITE, GOLD, SAND, _mix(colour, DUSK, 0.4)])
        for step in range(5, -1, -1):  # motion trail
            px, py = x - dx * step, y - dy * step
            alpha = 230 if step == 0 else 30 + 12 * (5 - step)
            if kind == "circle":
                draw.ellipse(
                    (px - size / 2, py - size / 2, px + size / 2, py + size / 2),
                    fill=_alpha(tint, alpha),
                )
            elif kind == "square":
                draw.rounded_rectangle(
                    (px - size / 2, py - size / 2, px + size / 2, py + size / 2),
                    radius=size * 0.18,
                    fill=_alpha(tint, alpha),
                )
            else:
                draw.polygon(
                    [
                        (px, py - size / 2),
                        (px + size / 2, py + size / 2),
                        (px - size / 2, py + size / 2),
                    ],
                    fill=_alpha(tint, alpha),
                )


def _chart(rng, draw, w, h, colour):
    for gx in range(0, w, int(w / 24)):  # dotted grid
        for gy in range(0, h, int(h / 16)):
            draw.ellipse((gx - 2, gy - 2, gx + 2, gy + 2), fill=_alpha(WHITE, 60))
    bars = rng.randint(5, 8)
    left, base_y = w * 0.08, h * 0.85
    bar_w = w * 0.42 / (bars * 1.25)
    for i in range(bars):
        bh = rng.uniform(0.15, 0.6) * h
        x = left + i * bar_w * 1.25
        draw.rectangle(
            (x, base_y - bh, x + bar_w, base_y), fill=_alpha(rng.choice([WHITE, GOLD, SAND]), 210)
        )
    cx, cy, r = w * 0.74, h * 0.48, h * 0.28
    start = rng.uniform(0, 360)
    for share, tint in zip(
        _shares(rng, 4), [WHITE, GOLD, SAND, _mix(colour, DUSK, 0.5)], strict=True
    ):
        end = start + share * 360
        draw.pieslice((cx - r, cy - r, cx + r, cy + r), start, end, fill=_alpha(tint, 220))
        start = end
    hole = r * 0.55
    draw.ellipse((cx - hole, cy - hole, cx + hole, cy + hole), fill=_alpha(colour, 255))


def _shares(rng, n):
    values = [rng.uniform(1, 4) for _ in range(n)]
    total = sum(values)
    return [v / total for v in values]


def _waveform(rng, draw, w, h, colour):
    mid = rng.uniform(0.42, 0.58) * h
    freqs = [(rng.uniform(1, 4), rng.uniform(0, 6), rng.uniform(0.3, 1)) for _ in range(3)]
    bar_w = rng.choice([6, 8, 10, 12])
    gap = bar_w // 2 + 2
    tint = rng.choice([WHITE, SAND, GOLD])
    x = w * 0.05
    while x < w * 0.95:
        t = x / w
        envelope = math.sin(math.pi * t) ** 0.6
        value = sum(a * math.sin(f * 2 * math.pi * t * 3 + p) for f, p, a in freqs)
        amp = (0.25 + 0.75 * abs(value) / 2.3) * envelope * h * 0.32 * rng.uniform(0.7, 1.0)
        draw.rounded_rectangle(
            (x, mid - amp, x + bar_w, mid + amp), radius=bar_w // 2, fill=_alpha(tint, 225)
        )
        x += bar_w + gap
    draw.line((0, mid, w, mid), fill=_alpha(WHITE, 80), width=2)


def _faders(rng, draw, w, h, colour):
    tracks = rng.randint(6, 10)
    left, width = w * 0.1, w * 0.8
    step = width / tracks
    for i in range(tracks):
        x = left + i * step + step / 2
        draw.line((x, h * 0.18, x, h * 0.82), fill=_alpha(DUSK, 170), width=int(step * 0.12))
        knob_y = rng.uniform(0.3, 0.75) * h
        kw, kh = step * 0.32, h * 0.05
        draw.rounded_rectangle(
            (x - kw, knob_y - kh, x + kw, knob_y + kh), radius=6, fill=_alpha(WHITE, 235)
        )
        draw.line((x - kw * 0.8, knob_y, x + kw * 0.8, knob_y), fill=_alpha(colour, 255), width=3)
        level = rng.uniform(0.2, 0.9)  # meter beside the fader
        mx = x + step * 0.28
        segments = 14
        for s in range(int(segments * level)):
            sy = h * 0.82 - s * (h * 0.64 / segments)
            tint = GOLD if s > segments * 0.7 else SAND
            draw.rectangle((mx, sy - h * 0.03, mx + step * 0.08, sy), fill=_alpha(tint, 200))


def _spectrum(rng, draw, w, h, colour):
    cx, cy = rng.uniform(0.35, 0.65) * w, h / 2
    inner = h * rng.uniform(0.15, 0.2)
    lines = 72
    phase = rng.uniform(0, 6)
    for i in range(lines):
        a = i * 2 * math.pi / lines
        length = h * (0.06 + 0.2 * abs(math.sin(3 * a + phase) * math.cos(5 * a)))
        length *= rng.uniform(0.7, 1.0)
        x1, y1 = cx + inner * math.cos(a), cy + inner * math.sin(a)
        x2, y2 = cx + (inner + length) * math.cos(a), cy + (inner + length) * math.sin(a)
        draw.line(
            (x1, y1, x2, y2),
            fill=_alpha(rng.choice([WHITE, SAND, GOLD]), 220),
            width=max(3, int(h * 0.008)),
        )
    draw.ellipse(
        (cx - inner * 0.8, cy - inner * 0.8, cx + inner * 0.8, cy + inner * 0.8),
        fill=_alpha(DUSK, 190),
    )
    for k in range(1, 4):  # ripples
        r = inner * (2.2 + 0.6 * k)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=_alpha(WHITE, 60 - 12 * k), width=2)


def _beams(rng, draw, w, h, colour):
    sources = rng.randint(2, 4)
    for i in range(sources):
        sx = w * (i + 0.5) / sources + rng.uniform(-0.08, 0.08) * w
        sy = -h * 0.02
        target = sx + rng.uniform(-0.35, 0.35) * w
        spread = rng.uniform(0.12, 0.22) * w
        tint = rng.choice([WHITE, GOLD, SAND])
        draw.polygon(
            [(sx - 8, sy), (sx + 8, sy), (target + spread, h), (target - spread, h)],
            fill=_alpha(tint, 70),
        )
        draw.polygon(
            [(sx - 4, sy), (sx + 4, sy), (target + spread * 0.4, h), (target - spread * 0.4, h)],
            fill=_alpha(tint, 70),
        )
        draw.ellipse((target - spread, h * 0.9, target + spread, h * 1.06), fill=_alpha(tint, 110))
        draw.ellipse((sx - 22, sy - 10, sx + 22, sy + 24), fill=_alpha(DUSK, 230))


def _mapping(rng, draw, w, h, colour):
    # A city gate (bab) with crenellations and an arch, covered in a projected pattern of
    # eight-point stars, and the projector's beam reaching it.
    gw, gh = w * rng.uniform(0.42, 0.52), h * rng.uniform(0.52, 0.62)
    x0 = rng.uniform(0.22, 0.36) * w
    y1 = h * 0.9
    y0 = y1 - gh
    wall = _mix(colour, DUSK, rng.uniform(0.35, 0.55))
    px, py = rng.choice([0.04, 0.96]) * w, h * 0.98
    mw = gw / 13
    draw.polygon(
        [(px, py), (x0 - mw, y0 - mw * 2), (x0 + gw + mw, y0 - mw * 2)], fill=_alpha(WHITE, 34)
    )
    draw.ellipse((px - 26, py - 18, px + 26, py + 18), fill=_alpha(DUSK, 230))
    draw.rectangle((x0, y0, x0 + gw, y1), fill=_alpha(wall, 240))
    merlons = 7
    mw = gw / (merlons * 2 - 1)
    for i in range(merlons):
        mx = x0 + i * 2 * mw
        draw.rectangle((mx, y0 - mw * 0.9, mx + mw, y0), fill=_alpha(wall, 240))
    tint = rng.choice([GOLD, SAND, WHITE])
    stripe = _mix(colour, rng.choice([GOLD, ROSE]), 0.5)
    for row in range(3):  # projected colour bands
        if row % 2:
            by = y0 + gh * (0.1 + row * 0.3)
            draw.rectangle((x0, by, x0 + gw, by + gh * 0.12), fill=_alpha(stripe, 150))
    cols, rows = 7, 4
    for row in range(rows):
        for col in range(cols):
            sx = x0 + gw * (col + 0.5) / cols
            sy = y0 + gh * (row + 0.5) / rows * 0.8
            _star(draw, sx, sy, gw / cols * 0.32, _alpha(tint, 210))
    aw, ah = gw * 0.24, gh * 0.5  # the arch
    ax = x0 + gw / 2
    draw.rectangle((ax - aw / 2, y1 - ah + aw / 2, ax + aw / 2, y1), fill=_alpha(DUSK, 250))
    draw.ellipse((ax - aw / 2, y1 - ah, ax + aw / 2, y1 - ah + aw), fill=_alpha(DUSK, 250))


def _star(draw, x, y, r, fill):
    points = []
    for i in range(16):
        a = i * math.pi / 8
        radius = r if i % 2 == 0 else r * 0.55
        points.append((x + radius * math.cos(a), y + radius * math.sin(a)))
    draw.polygon(points, fill=fill)


MOTIFS = {
    "photographie": _aperture,
    "audiovisuel": _film,
    "motion-design": _shapes,
    "infographie": _chart,
    "sonorisation-live": _waveform,
    "enregistrement": _waveform,
    "mixage": _faders,
    "sound-design": _spectrum,
    "eclairage": _beams,
    "projection-mapping": _mapping,
}
SECTOR_MOTIFS = {"image": _aperture, "son": _waveform, "lumiere": _beams}

# Light beams look best soft: they are drawn on a small layer, blurred and scaled up.
_SOFT = {_beams}


def _encode(img, quality=80):
    buffer = io.BytesIO()
    img.convert("RGB").save(buffer, "JPEG", quality=quality, optimize=False)
    return buffer.getvalue()


def composition(seed, colour, motif="photographie", size=PRODUCT_SIZE):
    """A JPEG (bytes): gradient in ``colour`` with the motif of a discipline or sector."""
    rng = random.Random(seed)
    img = _background(rng, size, colour)
    draw_motif = MOTIFS.get(motif) or SECTOR_MOTIFS.get(motif) or _aperture
    if draw_motif in _SOFT:
        small = (size[0] // 2, size[1] // 2)
        layer = Image.new("RGBA", small, (0, 0, 0, 0))
        draw_motif(rng, ImageDraw.Draw(layer), *small, hex_to_rgb(colour))
        layer = layer.filter(ImageFilter.GaussianBlur(4)).resize(size, Image.BICUBIC)
    else:
        layer = Image.new("RGBA", size, (0, 0, 0, 0))
        draw_motif(rng, ImageDraw.Draw(layer), *size, hex_to_rgb(colour))
    img.alpha_composite(layer)
    return _encode(img)


_FONT_CACHE = {}


def _font(size):
    if size not in _FONT_CACHE:
        _FONT_CACHE[size] = ImageFont.load_default(size=size)
    return _FONT_CACHE[size]


def avatar(seed, colour, initials, size=AVATAR_SIZE):
    """A square JPEG (bytes): gradient, a ring and the person's or organisation's initials."""
    rng = random.Random(seed)
    img = _background(rng, size, colour)
    w, h = size
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    r = w * 0.36
    draw.ellipse(
        (w / 2 - r, h / 2 - r, w / 2 + r, h / 2 + r),
        fill=_alpha(DUSK, 70),
        outline=_alpha(WHITE, 170),
        width=max(3, w // 80),
    )
    for _ in range(5):
        br = rng.uniform(0.03, 0.09) * w
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        draw.ellipse((x - br, y - br, x + br, y + br), fill=_alpha(WHITE, rng.uniform(25, 60)))
    draw.text(
        (w / 2, h / 2),
        initials.upper()[:2],
        font=_font(int(h * 0.3)),
        fill=_alpha(WHITE, 245),
        anchor="mm",
    )
    img.alpha_composite(layer)
    return _encode(img, quality=82)
