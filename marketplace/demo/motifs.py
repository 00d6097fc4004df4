"""Drawn motifs for the demo's product pictures: one small illustration per kind of product.

Each motif draws, with Pillow shapes only (no text), in a box centred on (cx, cy) with half-size r,
using a palette (background, light, main, dark) and a seeded random generator for small variations.
"""

import math

Palette = tuple[tuple[int, int, int], ...]


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=False))


def _leaf(draw, cx, cy, length, width, angle, fill, vein=None):
    """A pointed leaf from (cx, cy) in direction ``angle`` (radians)."""
    pts = []
    steps = 24
    for i in range(steps + 1):
        t = i / steps
        pts.append((t, math.sin(math.pi * t) * width / 2))
    for i in range(steps, -1, -1):
        t = i / steps
        pts.append((t, -math.sin(math.pi * t) * width / 2))
    ca, sa = math.cos(angle), math.sin(angle)
    poly = [(cx + ca * t * length - sa * w, cy + sa * t * length + ca * w) for t, w in pts]
    draw.polygon(poly, fill=fill)
    if vein:
        draw.line(
            [(cx, cy), (cx + ca * length * 0.9, cy + sa * length * 0.9)],
            fill=vein,
            width=max(2, int(width / 10)),
        )


# ---------------------------------------------------------------------------
# Motifs (drawn in a box centred on (cx, cy) with half-size r)
# ---------------------------------------------------------------------------
def _motif_food(d, cx, cy, r, pal, rng):
    _bg, light, main, dark = pal
    # steam
    for i, dx in enumerate((-0.35, 0, 0.35)):
        x = cx + dx * r
        pts = [(x + math.sin(t / 6 + i) * r * 0.06, cy - r * 0.35 - t * r * 0.012) for t in range(0, 40)]
        d.line(pts, fill=light, width=int(r * 0.05), joint="curve")
    # rice mound
    d.ellipse([cx - r * 0.72, cy - r * 0.38, cx + r * 0.72, cy + r * 0.22], fill=(255, 252, 244))
    for _ in range(26):
        gx = cx + rng.uniform(-0.55, 0.55) * r
        gy = cy + rng.uniform(-0.28, 0.02) * r
        d.ellipse([gx - r * 0.03, gy - r * 0.015, gx + r * 0.03, gy + r * 0.015], fill=(236, 228, 210))
    # bowl
    d.chord([cx - r * 0.9, cy - r * 0.55, cx + r * 0.9, cy + r * 0.75], 0, 180, fill=main)
    d.rectangle([cx - r * 0.92, cy + r * 0.08, cx + r * 0.92, cy + r * 0.16], fill=dark)
    d.rounded_rectangle(
        [cx - r * 0.3, cy + r * 0.72, cx + r * 0.3, cy + r * 0.84], radius=r * 0.04, fill=dark
    )
    for k in range(3):
        x = cx + (k - 1) * r * 0.38
        d.ellipse([x - r * 0.07, cy + r * 0.35, x + r * 0.07, cy + r * 0.49], fill=light)
    # chopsticks
    d.line([(cx + r * 0.35, cy - r * 0.2), (cx + r * 1.05, cy - r * 0.95)], fill=dark, width=int(r * 0.05))
    d.line([(cx + r * 0.48, cy - r * 0.15), (cx + r * 1.15, cy - r * 0.85)], fill=dark, width=int(r * 0.05))
    # leaf
    _leaf(
        d, cx - r * 0.85, cy + r * 0.1, r * 0.55, r * 0.24, math.radians(-150), (92, 150, 72), (60, 110, 50)
    )


def _motif_drinks(d, cx, cy, r, pal, rng):
    _bg, light, main, dark = pal
    # bottle
    bx = cx - r * 0.25
    d.rounded_rectangle(
        [bx - r * 0.34, cy - r * 0.35, bx + r * 0.34, cy + r * 0.9], radius=r * 0.14, fill=main
    )
    d.polygon(
        [
            (bx - r * 0.34, cy - r * 0.2),
            (bx - r * 0.12, cy - r * 0.62),
            (bx + r * 0.12, cy - r * 0.62),
            (bx + r * 0.34, cy - r * 0.2),
        ],
        fill=main,
    )
    d.rectangle([bx - r * 0.12, cy - r * 0.95, bx + r * 0.12, cy - r * 0.6], fill=main)
    d.rounded_rectangle(
        [bx - r * 0.15, cy - r * 1.08, bx + r * 0.15, cy - r * 0.92], radius=r * 0.04, fill=dark
    )
    d.rounded_rectangle(
        [bx - r * 0.26, cy + r * 0.1, bx + r * 0.26, cy + r * 0.55], radius=r * 0.05, fill=light
    )
    d.line([(bx - r * 0.15, cy + r * 0.25), (bx + r * 0.15, cy + r * 0.25)], fill=main, width=int(r * 0.04))
    d.line([(bx - r * 0.1, cy + r * 0.38), (bx + r * 0.1, cy + r * 0.38)], fill=main, width=int(r * 0.03))
    d.line([(bx - r * 0.22, cy - r * 0.25), (bx - r * 0.22, cy + r * 0.0)], fill=light, width=int(r * 0.04))
    # cup
    ux = cx + r * 0.55
    d.polygon(
        [
            (ux - r * 0.3, cy + r * 0.35),
            (ux + r * 0.3, cy + r * 0.35),
            (ux + r * 0.22, cy + r * 0.9),
            (ux - r * 0.22, cy + r * 0.9),
        ],
        fill=dark,
    )
    d.ellipse([ux - r * 0.3, cy + r * 0.29, ux + r * 0.3, cy + r * 0.41], fill=light)
    # bubbles
    for _ in range(5):
        x = ux + rng.uniform(-0.2, 0.2) * r
        y = cy + rng.uniform(-0.4, 0.15) * r
        s = rng.uniform(0.03, 0.07) * r
        d.ellipse([x - s, y - s, x + s, y + s], outline=main, width=max(2, int(r * 0.02)))


def _motif_herbal(d, cx, cy, r, pal, rng):
    _bg, light, main, dark = pal
    # mortar
    d.chord([cx - r * 0.6, cy + r * 0.15, cx + r * 0.6, cy + r * 1.05], 0, 180, fill=dark)
    d.rectangle([cx - r * 0.66, cy + r * 0.52, cx + r * 0.66, cy + r * 0.62], fill=dark)
    # sprig: curved stem with paired leaves
    ts = [i / 30 for i in range(31)]
    stem = [(cx + math.sin(t * 1.4) * r * 0.12, cy + r * 0.55 - t * r * 1.4) for t in ts]
    d.line(stem, fill=main, width=int(r * 0.05), joint="curve")
    for i, (x, y) in enumerate(stem[6::5]):
        size = 1 - i * 0.12
        _leaf(d, x, y, r * 0.55 * size, r * 0.24 * size, math.radians(-25), main, light)
        _leaf(d, x, y, r * 0.55 * size, r * 0.24 * size, math.radians(-155), main, light)
    tx, ty = stem[-1]
    _leaf(d, tx, ty + r * 0.05, r * 0.3, r * 0.14, math.radians(-90), main, light)
    # small flowers on the side
    for k in range(3):
        fx = cx + r * (0.72 + 0.12 * k)
        fy = cy - r * (0.5 - 0.35 * k)
        for a in range(5):
            ang = a * 2 * math.pi / 5
            px, py = fx + math.cos(ang) * r * 0.07, fy + math.sin(ang) * r * 0.07
            d.ellipse([px - r * 0.06, py - r * 0.06, px + r * 0.06, py + r * 0.06], fill=(250, 250, 240))
        d.ellipse([fx - r * 0.04, fy - r * 0.04, fx + r * 0.04, fy + r * 0.04], fill=(238, 190, 60))


def _motif_crafts(d, cx, cy, r, pal, rng):
    _bg, light, main, dark = pal
    # woven mat: over-under strips inside a rounded square
    size = r * 1.7
    x0, y0 = cx - size / 2, cy - size / 2
    d.rounded_rectangle(
        [x0 - r * 0.06, y0 - r * 0.06, x0 + size + r * 0.06, y0 + size + r * 0.06], radius=r * 0.12, fill=dark
    )
    n = 7
    cell = size / n
    gap = cell * 0.1
    for i in range(n):
        for j in range(n):
            over = (i + j) % 2 == 0
            colour = main if over else light
            x, y = x0 + i * cell, y0 + j * cell
            if over:  # horizontal strand
                d.rectangle([x, y + gap, x + cell, y + cell - gap], fill=colour)
                d.line([(x, y + cell / 2), (x + cell, y + cell / 2)], fill=_mix(main, dark, 0.3), width=1)
            else:  # vertical strand
                d.rectangle([x + gap, y, x + cell - gap, y + cell], fill=colour)
                d.line([(x + cell / 2, y), (x + cell / 2, y + cell)], fill=_mix(light, main, 0.3), width=1)


def _motif_ornamental(d, cx, cy, r, pal, rng):
    _bg, light, main, dark = pal
    # pot
    d.polygon(
        [
            (cx - r * 0.45, cy + r * 0.45),
            (cx + r * 0.45, cy + r * 0.45),
            (cx + r * 0.33, cy + r * 1.0),
            (cx - r * 0.33, cy + r * 1.0),
        ],
        fill=(176, 98, 64),
    )
    d.rounded_rectangle(
        [cx - r * 0.52, cy + r * 0.38, cx + r * 0.52, cy + r * 0.52], radius=r * 0.04, fill=(150, 80, 52)
    )
    # stem and leaves
    d.line([(cx, cy + r * 0.4), (cx, cy - r * 0.35)], fill=(74, 128, 64), width=int(r * 0.06))
    _leaf(d, cx, cy + r * 0.2, r * 0.55, r * 0.22, math.radians(-30), (92, 150, 72), (60, 110, 50))
    _leaf(d, cx, cy + r * 0.05, r * 0.5, r * 0.2, math.radians(-150), (92, 150, 72), (60, 110, 50))
    # flower
    fy = cy - r * 0.5
    petals = 8
    for a in range(petals):
        ang = a * 2 * math.pi / petals
        px, py = cx + math.cos(ang) * r * 0.3, fy + math.sin(ang) * r * 0.3
        d.ellipse([px - r * 0.2, py - r * 0.2, px + r * 0.2, py + r * 0.2], fill=main)
    for a in range(petals):
        ang = a * 2 * math.pi / petals + math.pi / petals
        px, py = cx + math.cos(ang) * r * 0.17, fy + math.sin(ang) * r * 0.17
        d.ellipse([px - r * 0.12, py - r * 0.12, px + r * 0.12, py + r * 0.12], fill=light)
    d.ellipse([cx - r * 0.12, fy - r * 0.12, cx + r * 0.12, fy + r * 0.12], fill=(240, 186, 60))


def _motif_tourism(d, cx, cy, r, pal, rng):
    _bg, light, main, dark = pal
    # sun
    d.ellipse([cx + r * 0.45, cy - r * 0.95, cx + r * 0.85, cy - r * 0.55], fill=(246, 196, 84))
    # karst mountains: rounded tall peaks
    peaks = [(-0.75, 0.95, 0.34), (-0.25, 1.25, 0.3), (0.3, 0.85, 0.36), (0.75, 1.05, 0.28)]
    base_y = cy + r * 0.35
    for k, (px, h, w) in enumerate(peaks):
        colour = _mix(main, dark, 0.15 * (k % 2))
        x = cx + px * r
        top = base_y - h * r
        d.rounded_rectangle([x - w * r, top, x + w * r, base_y + r * 0.05], radius=w * r * 0.9, fill=colour)
    # water
    d.rounded_rectangle([cx - r * 1.2, base_y, cx + r * 1.2, cy + r * 1.0], radius=r * 0.3, fill=light)
    d.rectangle([cx - r * 1.2, base_y, cx + r * 1.2, base_y + r * 0.3], fill=light)
    for k in range(3):
        y = base_y + r * (0.18 + 0.2 * k)
        x = cx - r * 0.9 + k * r * 0.5
        d.line([(x, y), (x + r * 0.35, y)], fill=_mix(light, main, 0.4), width=max(2, int(r * 0.025)))
    # sampan with a rower
    by = base_y + r * 0.38
    d.polygon(
        [
            (cx - r * 0.55, by),
            (cx + r * 0.55, by),
            (cx + r * 0.38, by + r * 0.14),
            (cx - r * 0.38, by + r * 0.14),
        ],
        fill=dark,
    )
    d.polygon(
        [
            (cx - r * 0.08, by),
            (cx + r * 0.08, by),
            (cx + r * 0.05, by - r * 0.22),
            (cx - r * 0.05, by - r * 0.22),
        ],
        fill=dark,
    )
    d.polygon(
        [(cx - r * 0.16, by - r * 0.2), (cx + r * 0.16, by - r * 0.2), (cx, by - r * 0.34)],
        fill=(226, 178, 80),
    )
    d.line([(cx + r * 0.05, by - r * 0.12), (cx + r * 0.45, by + r * 0.3)], fill=dark, width=int(r * 0.03))


CREAM = (255, 250, 238)
GOLD = (236, 178, 52)
LEAF = (92, 150, 72)
LEAF_DARK = (60, 110, 50)
CLAY = (176, 98, 64)
BLACK = (44, 34, 30)


def _ear_of_rice(d, x, y, height, r, lean, colour):
    """A bent rice stalk with grains along its top third."""
    top = (x + lean * r, y - height)
    d.line([(x, y), (x + lean * r * 0.3, y - height * 0.6), top], fill=LEAF_DARK, width=max(2, int(r * 0.03)))
    for k in range(7):
        t = 0.55 + k * 0.065
        gx = x + lean * r * t
        gy = y - height * t
        side = -1 if k % 2 else 1
        d.ellipse(
            [gx + side * r * 0.02 - r * 0.05, gy - r * 0.03, gx + side * r * 0.02 + r * 0.05, gy + r * 0.03],
            fill=colour,
        )


def _motif_rice(d, cx, cy, r, pal, rng):
    """A sack of rice, open at the top, with ears of rice beside it."""
    _bg, light, main, dark = pal
    d.rounded_rectangle(
        [cx - r * 0.6, cy - r * 0.35, cx + r * 0.45, cy + r * 0.95], radius=r * 0.25, fill=(226, 204, 160)
    )
    d.ellipse([cx - r * 0.62, cy - r * 0.55, cx + r * 0.47, cy - r * 0.15], fill=(204, 176, 126))
    d.ellipse([cx - r * 0.52, cy - r * 0.5, cx + r * 0.37, cy - r * 0.22], fill=CREAM)
    for _ in range(30):
        gx, gy = cx + rng.uniform(-0.42, 0.28) * r, cy + rng.uniform(-0.46, -0.28) * r
        d.ellipse([gx - r * 0.03, gy - r * 0.014, gx + r * 0.03, gy + r * 0.014], fill=(232, 222, 200))
    d.rounded_rectangle([cx - r * 0.35, cy + r * 0.2, cx + r * 0.2, cy + r * 0.6], radius=r * 0.06, fill=main)
    _ear_of_rice(d, cx - r * 0.18, cy + r * 0.45, r * 0.3, r * 0.3, 0.3, CREAM)
    for k, lean in enumerate((0.15, 0.35, 0.55)):
        _ear_of_rice(d, cx + r * (0.65 + 0.12 * k), cy + r * 0.95, r * (1.3 - 0.15 * k), r, lean - 0.5, GOLD)


def _motif_com_chay(d, cx, cy, r, pal, rng):
    """Golden squares of crispy rice stacked on a plate, with pork floss on top."""
    _bg, light, main, dark = pal
    d.ellipse([cx - r * 1.0, cy + r * 0.45, cx + r * 1.0, cy + r * 0.95], fill=CREAM)
    d.ellipse([cx - r * 0.8, cy + r * 0.52, cx + r * 0.8, cy + r * 0.86], fill=light)
    for k, (dx, dy, ang) in enumerate(
        ((-0.35, 0.35, -8), (0.3, 0.32, 10), (-0.05, 0.0, 3), (0.05, -0.35, -6))
    ):
        x, y, a = cx + dx * r, cy + dy * r, math.radians(ang)
        half = r * 0.42
        corners = [(-half, -half * 0.7), (half, -half * 0.7), (half, half * 0.7), (-half, half * 0.7)]
        poly = [
            (x + px * math.cos(a) - py * math.sin(a), y + px * math.sin(a) + py * math.cos(a))
            for px, py in corners
        ]
        d.polygon(poly, fill=_mix((232, 170, 70), (196, 120, 40), k * 0.15), outline=(160, 96, 32))
        for _ in range(22):
            gx, gy = x + rng.uniform(-0.36, 0.36) * r, y + rng.uniform(-0.25, 0.25) * r
            d.ellipse([gx - r * 0.025, gy - r * 0.018, gx + r * 0.025, gy + r * 0.018], fill=(248, 212, 130))
    for _ in range(40):  # pork floss
        gx, gy = cx + rng.uniform(-0.3, 0.3) * r, cy + rng.uniform(-0.52, -0.2) * r
        d.line(
            [(gx, gy), (gx + rng.uniform(-0.08, 0.08) * r, gy + rng.uniform(-0.05, 0.05) * r)],
            fill=(150, 84, 40),
            width=max(2, int(r * 0.02)),
        )


def _motif_honey(d, cx, cy, r, pal, rng):
    """A honey jar with a dipper, honeycomb cells and a bee."""
    _bg, light, main, dark = pal
    for row in range(3):
        for col in range(4):
            hx = cx - r * 1.0 + col * r * 0.3 + (row % 2) * r * 0.15
            hy = cy + r * 0.55 + row * r * 0.17
            pts = [
                (hx + math.cos(math.pi / 3 * i) * r * 0.1, hy + math.sin(math.pi / 3 * i) * r * 0.1)
                for i in range(6)
            ]
            d.polygon(pts, fill=(240, 180, 40), outline=(190, 130, 20))
    d.rounded_rectangle(
        [cx - r * 0.45, cy - r * 0.45, cx + r * 0.45, cy + r * 0.95], radius=r * 0.25, fill=(232, 150, 20)
    )
    d.rounded_rectangle(
        [cx - r * 0.3, cy - r * 0.3, cx - r * 0.18, cy + r * 0.6], radius=r * 0.05, fill=(250, 200, 90)
    )
    d.rounded_rectangle([cx - r * 0.5, cy - r * 0.7, cx + r * 0.5, cy - r * 0.42], radius=r * 0.06, fill=dark)
    d.polygon(
        [
            (cx - r * 0.45, cy - r * 0.45),
            (cx + r * 0.45, cy - r * 0.45),
            (cx + r * 0.3, cy - r * 0.25),
            (cx - r * 0.3, cy - r * 0.25),
        ],
        fill=(240, 170, 40),
    )
    d.line(
        [(cx + r * 0.2, cy - r * 0.55), (cx + r * 0.85, cy - r * 1.05)],
        fill=(150, 92, 52),
        width=int(r * 0.06),
    )
    for k in range(3):
        y = cy - r * (0.5 - k * 0.07)
        d.ellipse([cx + r * 0.08, y - r * 0.04, cx + r * 0.32, y + r * 0.04], fill=(150, 92, 52))
    bx, by = cx + r * 0.85, cy - r * 0.25  # bee
    d.ellipse([bx - r * 0.08, by - r * 0.2, bx + r * 0.08, by - r * 0.04], fill=(240, 248, 255))
    d.ellipse([bx + r * 0.02, by - r * 0.2, bx + r * 0.18, by - r * 0.04], fill=(240, 248, 255))
    d.ellipse([bx - r * 0.16, by - r * 0.08, bx + r * 0.16, by + r * 0.1], fill=(246, 196, 40))
    for k in (-0.05, 0.05):
        d.line(
            [(bx + k * r, by - r * 0.08), (bx + k * r, by + r * 0.1)], fill=BLACK, width=max(2, int(r * 0.04))
        )


def _motif_tea(d, cx, cy, r, pal, rng):
    """A round clay teapot, a small cup and fresh tea leaves."""
    _bg, light, main, dark = pal
    pot = (120, 70, 46)
    d.ellipse([cx - r * 0.75, cy - r * 0.3, cx + r * 0.35, cy + r * 0.7], fill=pot)
    d.polygon(
        [
            (cx + r * 0.25, cy + r * 0.1),
            (cx + r * 0.7, cy - r * 0.25),
            (cx + r * 0.75, cy - r * 0.18),
            (cx + r * 0.3, cy + r * 0.35),
        ],
        fill=pot,
    )
    d.arc(
        [cx - r * 1.05, cy - r * 0.15, cx - r * 0.55, cy + r * 0.45], 90, 270, fill=pot, width=int(r * 0.08)
    )
    d.ellipse([cx - r * 0.45, cy - r * 0.42, cx + r * 0.05, cy - r * 0.22], fill=_mix(pot, BLACK, 0.3))
    d.ellipse([cx - r * 0.27, cy - r * 0.52, cx - r * 0.13, cy - r * 0.38], fill=_mix(pot, BLACK, 0.3))
    d.chord([cx + r * 0.35, cy + r * 0.35, cx + r * 0.95, cy + r * 0.95], 0, 180, fill=CREAM)
    d.ellipse([cx + r * 0.35, cy + r * 0.56, cx + r * 0.95, cy + r * 0.74], fill=(190, 170, 60))
    for k in range(3):
        _leaf(
            d,
            cx + r * 0.5,
            cy - r * 0.55,
            r * (0.5 - 0.08 * k),
            r * 0.22,
            math.radians(-80 + 45 * k),
            LEAF,
            LEAF_DARK,
        )
    for k in range(3):  # steam
        x = cx + r * (0.5 + 0.15 * k)
        d.line(
            [(x + math.sin(t / 5) * r * 0.04, cy + r * 0.3 - t * r * 0.012) for t in range(20)],
            fill=light,
            width=int(r * 0.03),
        )


def _motif_lotus(d, cx, cy, r, pal, rng):
    """A pink lotus flower above its pad, with a seed pod."""
    _bg, light, main, dark = pal
    pink, pink_dark = (236, 140, 170), (206, 90, 130)
    d.ellipse([cx - r * 1.0, cy + r * 0.45, cx + r * 0.6, cy + r * 0.95], fill=LEAF)
    d.polygon(
        [(cx - r * 0.2, cy + r * 0.7), (cx - r * 0.05, cy + r * 0.45), (cx + r * 0.1, cy + r * 0.47)],
        fill=_mix(LEAF, LEAF_DARK, 0.5),
    )
    d.line([(cx - r * 0.2, cy + r * 0.6), (cx - r * 0.2, cy - r * 0.05)], fill=LEAF_DARK, width=int(r * 0.05))
    fx, fy = cx - r * 0.2, cy - r * 0.2
    for ang, length in ((-150, 0.55), (-30, 0.55), (-120, 0.65), (-60, 0.65), (-90, 0.75)):
        _leaf(
            d,
            fx,
            fy + r * 0.15,
            r * length,
            r * 0.32,
            math.radians(ang),
            pink if ang in (-90, -150, -30) else pink_dark,
        )
    d.line([(cx + r * 0.6, cy + r * 0.8), (cx + r * 0.65, cy - r * 0.1)], fill=LEAF_DARK, width=int(r * 0.04))
    d.polygon(
        [
            (cx + r * 0.4, cy - r * 0.25),
            (cx + r * 0.9, cy - r * 0.25),
            (cx + r * 0.72, cy - r * 0.02),
            (cx + r * 0.58, cy - r * 0.02),
        ],
        fill=(150, 170, 80),
    )
    for k in range(4):
        px = cx + r * (0.5 + 0.11 * k)
        d.ellipse([px - r * 0.035, cy - r * 0.22, px + r * 0.035, cy - r * 0.15], fill=(96, 110, 46))


def _motif_spirit(d, cx, cy, r, pal, rng):
    """A glazed rice-spirit jar with a cloth-tied stopper and two small cups."""
    _bg, light, main, dark = pal
    jar = (120, 140, 150)
    d.ellipse([cx - r * 0.7, cy - r * 0.45, cx + r * 0.5, cy + r * 0.95], fill=jar)
    d.rectangle([cx - r * 0.3, cy - r * 0.7, cx + r * 0.1, cy - r * 0.35], fill=jar)
    d.ellipse([cx - r * 0.4, cy - r * 0.95, cx + r * 0.2, cy - r * 0.62], fill=(200, 60, 48))
    d.line(
        [(cx - r * 0.36, cy - r * 0.68), (cx + r * 0.16, cy - r * 0.68)],
        fill=BLACK,
        width=max(2, int(r * 0.03)),
    )
    d.arc([cx - r * 0.6, cy - r * 0.1, cx + r * 0.4, cy + r * 0.6], 200, 340, fill=CREAM, width=int(r * 0.05))
    d.ellipse(
        [cx - r * 0.25, cy + r * 0.15, cx + r * 0.05, cy + r * 0.45], outline=CREAM, width=int(r * 0.04)
    )
    for k in range(2):
        ux = cx + r * (0.65 + 0.32 * k)
        d.polygon(
            [
                (ux - r * 0.14, cy + r * 0.6),
                (ux + r * 0.14, cy + r * 0.6),
                (ux + r * 0.09, cy + r * 0.88),
                (ux - r * 0.09, cy + r * 0.88),
            ],
            fill=CREAM,
        )
        d.ellipse([ux - r * 0.14, cy + r * 0.56, ux + r * 0.14, cy + r * 0.64], fill=(236, 226, 200))


def _motif_fish_sauce(d, cx, cy, r, pal, rng):
    """A tall bottle of amber fish sauce beside a fish and a small clay jar."""
    _bg, light, main, dark = pal
    amber = (176, 96, 30)
    bx = cx - r * 0.25
    d.rounded_rectangle(
        [bx - r * 0.28, cy - r * 0.3, bx + r * 0.28, cy + r * 0.95], radius=r * 0.1, fill=amber
    )
    d.polygon(
        [
            (bx - r * 0.28, cy - r * 0.25),
            (bx - r * 0.1, cy - r * 0.6),
            (bx + r * 0.1, cy - r * 0.6),
            (bx + r * 0.28, cy - r * 0.25),
        ],
        fill=amber,
    )
    d.rectangle([bx - r * 0.1, cy - r * 0.95, bx + r * 0.1, cy - r * 0.58], fill=amber)
    d.rounded_rectangle(
        [bx - r * 0.13, cy - r * 1.05, bx + r * 0.13, cy - r * 0.9], radius=r * 0.03, fill=(200, 40, 36)
    )
    d.rounded_rectangle(
        [bx - r * 0.22, cy + r * 0.1, bx + r * 0.22, cy + r * 0.55], radius=r * 0.04, fill=CREAM
    )
    _fish(d, bx, cy + r * 0.32, r * 0.16, (60, 110, 150))
    _fish(d, cx + r * 0.55, cy - r * 0.35, r * 0.38, (90, 130, 160))
    d.ellipse([cx + r * 0.25, cy + r * 0.3, cx + r * 0.95, cy + r * 0.95], fill=CLAY)
    d.rectangle([cx + r * 0.42, cy + r * 0.22, cx + r * 0.78, cy + r * 0.36], fill=_mix(CLAY, BLACK, 0.25))


def _fish(d, x, y, size, colour, flip=False):
    sign = -1 if flip else 1
    d.ellipse([x - size, y - size * 0.45, x + size, y + size * 0.45], fill=colour)
    d.polygon(
        [
            (x - sign * size * 0.85, y),
            (x - sign * size * 1.45, y - size * 0.45),
            (x - sign * size * 1.45, y + size * 0.45),
        ],
        fill=colour,
    )
    d.ellipse(
        [
            x + sign * size * 0.5 - size * 0.1,
            y - size * 0.18,
            x + sign * size * 0.5 + size * 0.1,
            y + size * 0.02,
        ],
        fill=CREAM,
    )


def _motif_goat(d, cx, cy, r, pal, rng):
    """A mountain goat standing on a limestone rock."""
    _bg, light, main, dark = pal
    goat, horn = (236, 230, 220), (120, 96, 70)
    d.polygon(
        [
            (cx - r * 1.1, cy + r * 1.0),
            (cx - r * 0.7, cy + r * 0.55),
            (cx + r * 0.5, cy + r * 0.5),
            (cx + r * 1.1, cy + r * 1.0),
        ],
        fill=(150, 150, 140),
    )
    d.ellipse([cx - r * 0.6, cy - r * 0.15, cx + r * 0.45, cy + r * 0.35], fill=goat)
    for lx in (-0.45, -0.25, 0.2, 0.35):
        d.rectangle([cx + lx * r, cy + r * 0.2, cx + lx * r + r * 0.08, cy + r * 0.58], fill=goat)
    d.polygon(
        [
            (cx + r * 0.3, cy),
            (cx + r * 0.5, cy - r * 0.45),
            (cx + r * 0.7, cy - r * 0.4),
            (cx + r * 0.55, cy + r * 0.1),
        ],
        fill=goat,
    )
    d.ellipse([cx + r * 0.45, cy - r * 0.62, cx + r * 0.85, cy - r * 0.3], fill=goat)
    d.polygon(
        [(cx + r * 0.78, cy - r * 0.4), (cx + r * 0.95, cy - r * 0.32), (cx + r * 0.8, cy - r * 0.28)],
        fill=goat,
    )
    d.arc(
        [cx + r * 0.3, cy - r * 0.95, cx + r * 0.7, cy - r * 0.45], 180, 330, fill=horn, width=int(r * 0.06)
    )
    d.polygon(
        [(cx + r * 0.72, cy - r * 0.3), (cx + r * 0.8, cy - r * 0.1), (cx + r * 0.66, cy - r * 0.28)],
        fill=goat,
    )  # beard
    d.ellipse([cx + r * 0.62, cy - r * 0.52, cx + r * 0.68, cy - r * 0.46], fill=BLACK)
    d.line([(cx - r * 0.6, cy), (cx - r * 0.75, cy - r * 0.15)], fill=goat, width=int(r * 0.06))


def _motif_nem(d, cx, cy, r, pal, rng):
    """Nem chua: little parcels wrapped in green leaves, tied with red string, in a pile."""
    _bg, light, main, dark = pal
    spots = [(-0.5, 0.55), (0.0, 0.6), (0.5, 0.55), (-0.25, 0.15), (0.25, 0.15), (0.0, -0.25)]
    for k, (dx, dy) in enumerate(spots):
        x, y = cx + dx * r, cy + dy * r
        d.rounded_rectangle(
            [x - r * 0.26, y - r * 0.2, x + r * 0.26, y + r * 0.2],
            radius=r * 0.06,
            fill=_mix(LEAF, LEAF_DARK, (k % 3) * 0.25),
        )
        d.polygon(
            [(x - r * 0.26, y - r * 0.2), (x, y - r * 0.02), (x + r * 0.26, y - r * 0.2)],
            fill=_mix(LEAF, (170, 200, 120), 0.4),
        )
        d.line(
            [(x - r * 0.26, y + r * 0.02), (x + r * 0.26, y + r * 0.02)],
            fill=(210, 40, 40),
            width=max(2, int(r * 0.03)),
        )
        d.line([(x, y - r * 0.2), (x, y + r * 0.2)], fill=(210, 40, 40), width=max(2, int(r * 0.03)))
    d.ellipse(
        [cx + r * 0.55, cy - r * 0.7, cx + r * 0.85, cy - r * 0.4], fill=(220, 50, 40)
    )  # chilli and garlic
    d.ellipse([cx - r * 0.9, cy - r * 0.6, cx - r * 0.6, cy - r * 0.3], fill=CREAM)


def _motif_rice_paper(d, cx, cy, r, pal, rng):
    """Round rice-paper sheets drying on a bamboo rack."""
    _bg, light, main, dark = pal
    d.polygon(
        [
            (cx - r * 1.0, cy + r * 0.8),
            (cx - r * 0.7, cy - r * 0.8),
            (cx + r * 1.0, cy - r * 0.8),
            (cx + r * 0.7, cy + r * 0.8),
        ],
        fill=(196, 160, 96),
    )
    for k in range(12):
        t = k / 11
        x0 = cx - r * 1.0 + t * r * 1.7
        d.line(
            [(x0, cy + r * 0.8), (x0 + r * 0.3, cy - r * 0.8)],
            fill=(168, 130, 70),
            width=max(2, int(r * 0.02)),
        )
    for dx, dy in ((-0.35, -0.3), (0.35, -0.3), (0.0, 0.35)):
        x, y = cx + dx * r, cy + dy * r
        d.ellipse(
            [x - r * 0.38, y - r * 0.38, x + r * 0.38, y + r * 0.38],
            fill=(248, 244, 230),
            outline=(220, 212, 190),
            width=2,
        )
        for k in range(-3, 4):
            d.line(
                [(x + k * r * 0.09, y - r * 0.3), (x + k * r * 0.09, y + r * 0.3)],
                fill=(232, 226, 206),
                width=1,
            )


def _motif_wafer(d, cx, cy, r, pal, rng):
    """Rolled wafers (bánh quế) in a jar and on a plate."""
    _bg, light, main, dark = pal
    d.rounded_rectangle(
        [cx - r * 0.85, cy - r * 0.3, cx - r * 0.05, cy + r * 0.95],
        radius=r * 0.12,
        fill=(226, 240, 244),
        outline=(180, 200, 206),
        width=3,
    )
    for k in range(5):
        x = cx - r * 0.75 + k * r * 0.15
        d.rounded_rectangle(
            [x, cy - r * 0.65, x + r * 0.11, cy + r * 0.85],
            radius=r * 0.05,
            fill=(226, 160, 72),
            outline=(180, 110, 40),
        )
    d.ellipse([cx - r * 0.05, cy + r * 0.55, cx + r * 1.05, cy + r * 0.95], fill=CREAM)
    for k in range(3):
        y = cy + r * (0.45 - 0.15 * k)
        d.rounded_rectangle(
            [cx + r * 0.1, y - r * 0.06, cx + r * 0.9, y + r * 0.06],
            radius=r * 0.05,
            fill=(232, 170, 80),
            outline=(180, 110, 40),
        )


def _motif_sweets(d, cx, cy, r, pal, rng):
    """A gift box of cakes: dark leaf cakes and pale round ones."""
    _bg, light, main, dark = pal
    d.rounded_rectangle(
        [cx - r * 0.95, cy - r * 0.35, cx + r * 0.95, cy + r * 0.9], radius=r * 0.08, fill=(200, 40, 40)
    )
    d.rectangle([cx - r * 0.85, cy - r * 0.25, cx + r * 0.85, cy + r * 0.8], fill=CREAM)
    for k in range(3):
        x = cx - r * 0.55 + k * r * 0.55
        d.rounded_rectangle(
            [x - r * 0.22, cy - r * 0.15, x + r * 0.22, cy + r * 0.25],
            radius=r * 0.05,
            fill=BLACK if k != 1 else (236, 210, 150),
        )
        d.ellipse(
            [x - r * 0.2, cy + r * 0.32, x + r * 0.2, cy + r * 0.7], fill=(236, 210, 150) if k != 1 else BLACK
        )
    d.polygon(
        [
            (cx - r * 0.95, cy - r * 0.35),
            (cx - r * 0.5, cy - r * 0.9),
            (cx + r * 0.6, cy - r * 0.9),
            (cx + r * 0.95, cy - r * 0.35),
        ],
        fill=_mix((200, 40, 40), BLACK, 0.2),
    )
    d.ellipse([cx - r * 0.15, cy - r * 0.75, cx + r * 0.15, cy - r * 0.5], fill=GOLD)


def _motif_clay_pot(d, cx, cy, r, pal, rng):
    """A clay pot of braised fish on a charcoal stove."""
    _bg, light, main, dark = pal
    d.rounded_rectangle(
        [cx - r * 0.7, cy + r * 0.5, cx + r * 0.7, cy + r * 1.0], radius=r * 0.1, fill=(110, 100, 96)
    )
    for k in range(3):
        x = cx - r * 0.35 + k * r * 0.35
        d.ellipse([x - r * 0.1, cy + r * 0.6, x + r * 0.1, cy + r * 0.75], fill=(240, 110, 40))
    d.ellipse([cx - r * 0.85, cy - r * 0.4, cx + r * 0.85, cy + r * 0.6], fill=CLAY)
    d.ellipse([cx - r * 0.7, cy - r * 0.5, cx + r * 0.7, cy - r * 0.15], fill=_mix(CLAY, BLACK, 0.45))
    _fish(d, cx - r * 0.05, cy - r * 0.33, r * 0.3, (160, 84, 40))
    d.line([(cx - r * 0.2, cy - r * 0.5), (cx + r * 0.3, cy - r * 0.5)], fill=LEAF, width=int(r * 0.04))
    for k in range(3):
        x = cx + r * (-0.3 + 0.3 * k)
        d.line(
            [(x + math.sin(t / 5) * r * 0.05, cy - r * 0.6 - t * r * 0.015) for t in range(25)],
            fill=light,
            width=int(r * 0.03),
        )


def _motif_banana(d, cx, cy, r, pal, rng):
    """A hand of small yellow bananas."""
    _bg, light, main, dark = pal
    d.rounded_rectangle(
        [cx - r * 0.1, cy - r * 0.9, cx + r * 0.12, cy - r * 0.45], radius=r * 0.04, fill=(120, 140, 60)
    )
    for k in range(6):
        ang = math.radians(200 + k * 16)
        x0, y0 = cx, cy - r * 0.5
        x1, y1 = x0 + math.cos(ang) * r * 1.0, y0 - math.sin(ang) * r * 1.2
        d.line(
            [(x0, y0), ((x0 + x1) / 2 - r * 0.1, (y0 + y1) / 2 + r * 0.1), (x1, y1)],
            fill=_mix((246, 206, 60), (220, 170, 30), k % 2 * 0.6),
            width=int(r * 0.22),
            joint="curve",
        )
        d.ellipse([x1 - r * 0.05, y1 - r * 0.05, x1 + r * 0.05, y1 + r * 0.05], fill=(90, 70, 40))


def _motif_clams(d, cx, cy, r, pal, rng):
    """Clams in a woven basket."""
    _bg, light, main, dark = pal
    d.chord([cx - r * 1.0, cy - r * 0.2, cx + r * 1.0, cy + r * 1.0], 0, 180, fill=(176, 140, 84))
    for k in range(5):
        d.arc(
            [
                cx - r * (0.95 - k * 0.05),
                cy - r * 0.2 + k * r * 0.05,
                cx + r * (0.95 - k * 0.05),
                cy + r * 1.0 - k * r * 0.1,
            ],
            10,
            170,
            fill=(140, 104, 56),
            width=2,
        )
    for _ in range(9):
        x = cx + rng.uniform(-0.75, 0.75) * r
        y = cy + rng.uniform(-0.55, 0.25) * r
        shell = _mix((236, 228, 210), (196, 170, 130), rng.uniform(0, 0.6))
        d.chord(
            [x - r * 0.22, y - r * 0.2, x + r * 0.22, y + r * 0.24],
            180,
            360,
            fill=shell,
            outline=(150, 120, 90),
        )
        d.rectangle([x - r * 0.2, y + r * 0.02, x + r * 0.2, y + r * 0.07], fill=_mix(shell, BLACK, 0.2))


def _motif_sedge(d, cx, cy, r, pal, rng):
    """A woven sedge basket with a round handle."""
    _bg, light, main, dark = pal
    straw, straw_dark = (214, 176, 108), (168, 128, 66)
    d.arc(
        [cx - r * 0.6, cy - r * 1.05, cx + r * 0.6, cy + r * 0.2],
        180,
        360,
        fill=straw_dark,
        width=int(r * 0.1),
    )
    body = [
        (cx - r * 0.9, cy - r * 0.25),
        (cx + r * 0.9, cy - r * 0.25),
        (cx + r * 0.7, cy + r * 0.95),
        (cx - r * 0.7, cy + r * 0.95),
    ]
    d.polygon(body, fill=straw)
    for row in range(8):
        y = cy - r * 0.2 + row * r * 0.145
        inset = row * r * 0.025
        for col in range(9):
            x = cx - r * 0.88 + inset + col * (r * 1.76 - 2 * inset) / 9
            w = (r * 1.76 - 2 * inset) / 9
            if (row + col) % 2:
                d.rectangle([x + 2, y, x + w - 2, y + r * 0.12], fill=straw_dark)
    d.rounded_rectangle(
        [cx - r * 0.95, cy - r * 0.32, cx + r * 0.95, cy - r * 0.18], radius=r * 0.06, fill=(186, 60, 50)
    )


def _motif_lacquer(d, cx, cy, r, pal, rng):
    """A red-and-black lacquer tray with a gold landscape and a round lacquer box."""
    _bg, light, main, dark = pal
    red = (164, 36, 30)
    d.rounded_rectangle(
        [cx - r * 1.0, cy - r * 0.75, cx + r * 1.0, cy + r * 0.55], radius=r * 0.1, fill=BLACK
    )
    d.rounded_rectangle(
        [cx - r * 0.88, cy - r * 0.63, cx + r * 0.88, cy + r * 0.43], radius=r * 0.06, fill=red
    )
    d.ellipse([cx + r * 0.35, cy - r * 0.5, cx + r * 0.6, cy - r * 0.25], fill=GOLD)
    d.polygon(
        [
            (cx - r * 0.88, cy + r * 0.43),
            (cx - r * 0.5, cy - r * 0.2),
            (cx - r * 0.2, cy + r * 0.1),
            (cx + r * 0.15, cy - r * 0.3),
            (cx + r * 0.88, cy + r * 0.43),
        ],
        fill=_mix(GOLD, red, 0.35),
    )
    for k in range(5):  # eggshell inlay
        x = cx - r * 0.6 + k * r * 0.3
        d.polygon(
            [(x, cy + r * 0.3), (x + r * 0.08, cy + r * 0.22), (x + r * 0.12, cy + r * 0.33)], fill=CREAM
        )
    d.ellipse([cx + r * 0.2, cy + r * 0.45, cx + r * 0.95, cy + r * 0.75], fill=red)
    d.rectangle([cx + r * 0.2, cy + r * 0.6, cx + r * 0.95, cy + r * 0.9], fill=red)
    d.ellipse([cx + r * 0.2, cy + r * 0.75, cx + r * 0.95, cy + r * 1.05], fill=red)
    d.ellipse([cx + r * 0.2, cy + r * 0.4, cx + r * 0.95, cy + r * 0.7], fill=BLACK)
    d.ellipse([cx + r * 0.45, cy + r * 0.48, cx + r * 0.7, cy + r * 0.62], fill=GOLD)


def _motif_embroidery(d, cx, cy, r, pal, rng):
    """An embroidery hoop with a stitched flower, a needle and thread."""
    _bg, light, main, dark = pal
    d.ellipse([cx - r * 0.95, cy - r * 0.95, cx + r * 0.95, cy + r * 0.95], fill=(196, 150, 96))
    d.ellipse([cx - r * 0.85, cy - r * 0.85, cx + r * 0.85, cy + r * 0.85], fill=CREAM)
    d.rounded_rectangle(
        [cx - r * 0.1, cy - r * 1.1, cx + r * 0.1, cy - r * 0.88], radius=r * 0.03, fill=(160, 110, 60)
    )
    for a in range(6):
        ang = a * math.pi / 3
        for s in range(5):  # satin stitches of one petal
            t = 0.12 + s * 0.07
            px, py = cx + math.cos(ang) * r * t * 1.6, cy + math.sin(ang) * r * t * 1.6
            d.line(
                [
                    (px - math.sin(ang) * r * 0.1, py + math.cos(ang) * r * 0.1),
                    (px + math.sin(ang) * r * 0.1, py - math.cos(ang) * r * 0.1),
                ],
                fill=main,
                width=max(2, int(r * 0.035)),
            )
    d.ellipse([cx - r * 0.12, cy - r * 0.12, cx + r * 0.12, cy + r * 0.12], fill=GOLD)
    _leaf(d, cx, cy + r * 0.35, r * 0.4, r * 0.16, math.radians(30), LEAF)
    _leaf(d, cx, cy + r * 0.35, r * 0.4, r * 0.16, math.radians(150), LEAF)
    d.line(
        [(cx + r * 0.5, cy - r * 0.6), (cx + r * 1.05, cy - r * 1.05)],
        fill=(150, 150, 160),
        width=max(2, int(r * 0.025)),
    )
    d.line(
        [(cx + r * 0.5, cy - r * 0.6), (cx + r * 0.3, cy - r * 0.2), (cx + r * 0.45, cy + r * 0.1)],
        fill=main,
        width=max(2, int(r * 0.015)),
    )


def _motif_silk(d, cx, cy, r, pal, rng):
    """Folded silk scarves in soft colours, one draped in a wave."""
    _bg, light, main, dark = pal
    colours = [(214, 80, 100), (80, 130, 190), (236, 190, 80)]
    for k, colour in enumerate(colours):
        y = cy + r * (0.35 + k * 0.2)
        d.rounded_rectangle([cx - r * 0.9, y, cx + r * 0.5, y + r * 0.2], radius=r * 0.05, fill=colour)
        d.line(
            [(cx - r * 0.85, y + r * 0.06), (cx + r * 0.45, y + r * 0.06)],
            fill=_mix(colour, (255, 255, 255), 0.4),
            width=2,
        )
    wave = [(cx - r * 1.0 + i * r * 0.05, cy - r * 0.2 + math.sin(i / 5) * r * 0.25) for i in range(41)]
    lower = [(x, y + r * 0.35) for x, y in reversed(wave)]
    d.polygon(wave + lower, fill=(170, 60, 140))
    d.line(wave, fill=_mix((170, 60, 140), (255, 255, 255), 0.45), width=max(2, int(r * 0.03)))
    d.ellipse([cx + r * 0.6, cy + r * 0.4, cx + r * 1.0, cy + r * 0.9], fill=CREAM)  # cocoon
    d.ellipse([cx + r * 0.68, cy + r * 0.48, cx + r * 0.92, cy + r * 0.82], outline=(230, 220, 190), width=2)


def _motif_stone(d, cx, cy, r, pal, rng):
    """A carved blue-stone garden lantern."""
    _bg, light, main, dark = pal
    stone, stone_dark = (150, 160, 166), (104, 114, 120)
    d.rounded_rectangle(
        [cx - r * 0.55, cy + r * 0.75, cx + r * 0.55, cy + r * 1.0], radius=r * 0.04, fill=stone_dark
    )
    d.rectangle([cx - r * 0.15, cy + r * 0.25, cx + r * 0.15, cy + r * 0.75], fill=stone)
    d.rounded_rectangle(
        [cx - r * 0.45, cy + r * 0.1, cx + r * 0.45, cy + r * 0.28], radius=r * 0.03, fill=stone_dark
    )
    d.rectangle([cx - r * 0.35, cy - r * 0.35, cx + r * 0.35, cy + r * 0.1], fill=stone)
    d.rectangle([cx - r * 0.16, cy - r * 0.25, cx + r * 0.16, cy + r * 0.02], fill=(250, 210, 110))
    d.polygon(
        [(cx - r * 0.7, cy - r * 0.33), (cx, cy - r * 0.75), (cx + r * 0.7, cy - r * 0.33)], fill=stone_dark
    )
    d.ellipse([cx - r * 0.1, cy - r * 0.92, cx + r * 0.1, cy - r * 0.7], fill=stone)
    for _ in range(14):  # chisel marks
        x, y = cx + rng.uniform(-0.3, 0.3) * r, cy + rng.uniform(0.3, 0.7) * r
        d.point((x, y), fill=stone_dark)
    d.polygon(
        [(cx + r * 0.7, cy + r * 1.0), (cx + r * 0.85, cy + r * 0.5), (cx + r * 1.0, cy + r * 1.0)], fill=LEAF
    )


def _motif_bronze(d, cx, cy, r, pal, rng):
    """A bronze incense burner on three legs with a wisp of smoke."""
    _bg, light, main, dark = pal
    bronze, bronze_dark = (190, 140, 60), (140, 96, 36)
    for lx in (-0.5, 0.0, 0.5):
        d.polygon(
            [
                (cx + lx * r - r * 0.08, cy + r * 0.55),
                (cx + lx * r + r * 0.08, cy + r * 0.55),
                (cx + lx * r, cy + r * 0.95),
            ],
            fill=bronze_dark,
        )
    d.chord([cx - r * 0.8, cy - r * 0.35, cx + r * 0.8, cy + r * 0.75], 0, 180, fill=bronze)
    d.rounded_rectangle(
        [cx - r * 0.85, cy + r * 0.1, cx + r * 0.85, cy + r * 0.22], radius=r * 0.04, fill=bronze_dark
    )
    d.arc(
        [cx - r * 1.0, cy - r * 0.05, cx - r * 0.6, cy + r * 0.35],
        90,
        270,
        fill=bronze_dark,
        width=int(r * 0.06),
    )
    d.arc(
        [cx + r * 0.6, cy - r * 0.05, cx + r * 1.0, cy + r * 0.35],
        270,
        90,
        fill=bronze_dark,
        width=int(r * 0.06),
    )
    d.chord([cx - r * 0.55, cy - r * 0.35, cx + r * 0.55, cy + r * 0.3], 180, 360, fill=bronze)
    d.ellipse([cx - r * 0.1, cy - r * 0.4, cx + r * 0.1, cy - r * 0.2], fill=bronze_dark)
    d.ellipse(
        [cx - r * 0.15, cy + r * 0.32, cx + r * 0.15, cy + r * 0.52],
        outline=_mix(bronze, CREAM, 0.5),
        width=2,
    )
    d.line(
        [(cx + math.sin(t / 4) * r * 0.08, cy - r * 0.45 - t * r * 0.02) for t in range(25)],
        fill=light,
        width=int(r * 0.03),
    )


def _motif_bonsai(d, cx, cy, r, pal, rng):
    """A bonsai tree in a shallow pot."""
    _bg, light, main, dark = pal
    d.rounded_rectangle(
        [cx - r * 0.8, cy + r * 0.55, cx + r * 0.8, cy + r * 0.8], radius=r * 0.05, fill=(70, 90, 120)
    )
    d.polygon(
        [
            (cx - r * 0.7, cy + r * 0.8),
            (cx + r * 0.7, cy + r * 0.8),
            (cx + r * 0.6, cy + r * 0.95),
            (cx - r * 0.6, cy + r * 0.95),
        ],
        fill=(56, 72, 100),
    )
    trunk = (110, 80, 56)
    d.line(
        [
            (cx, cy + r * 0.6),
            (cx - r * 0.2, cy + r * 0.2),
            (cx + r * 0.15, cy - r * 0.1),
            (cx - r * 0.05, cy - r * 0.45),
        ],
        fill=trunk,
        width=int(r * 0.12),
        joint="curve",
    )
    d.line([(cx + r * 0.15, cy - r * 0.1), (cx + r * 0.6, cy - r * 0.2)], fill=trunk, width=int(r * 0.06))
    d.line([(cx - r * 0.2, cy + r * 0.2), (cx - r * 0.6, cy + r * 0.05)], fill=trunk, width=int(r * 0.06))
    for x, y, s in ((-0.05, -0.6, 0.35), (0.65, -0.3, 0.3), (-0.65, -0.05, 0.3), (0.3, -0.45, 0.25)):
        d.ellipse(
            [cx + (x - s) * r, cy + (y - s * 0.6) * r, cx + (x + s) * r, cy + (y + s * 0.6) * r],
            fill=_mix(LEAF, LEAF_DARK, rng.uniform(0, 0.6)),
        )


def _motif_koi(d, cx, cy, r, pal, rng):
    """Two koi circling in a round pond."""
    _bg, light, main, dark = pal
    d.ellipse([cx - r * 1.0, cy - r * 0.9, cx + r * 1.0, cy + r * 0.9], fill=(120, 180, 200))
    d.ellipse([cx - r * 0.9, cy - r * 0.8, cx + r * 0.9, cy + r * 0.8], fill=(150, 200, 214))
    _fish(d, cx - r * 0.2, cy - r * 0.3, r * 0.35, (236, 110, 50))
    d.ellipse([cx - r * 0.3, cy - r * 0.42, cx - r * 0.1, cy - r * 0.25], fill=CREAM)
    _fish(d, cx + r * 0.25, cy + r * 0.35, r * 0.3, CREAM, flip=True)
    d.ellipse([cx + r * 0.2, cy + r * 0.25, cx + r * 0.38, cy + r * 0.4], fill=(220, 60, 40))
    d.ellipse([cx + r * 0.45, cy - r * 0.6, cx + r * 0.8, cy - r * 0.35], fill=LEAF)


def _motif_homestay(d, cx, cy, r, pal, rng):
    """A village house with a tiled roof, a bamboo fence and a tree."""
    _bg, light, main, dark = pal
    d.rectangle([cx - r * 1.1, cy + r * 0.7, cx + r * 1.1, cy + r * 1.0], fill=LEAF)
    d.rectangle([cx - r * 0.65, cy - r * 0.05, cx + r * 0.45, cy + r * 0.75], fill=(236, 220, 190))
    d.polygon(
        [
            (cx - r * 0.85, cy),
            (cx - r * 0.5, cy - r * 0.5),
            (cx + r * 0.3, cy - r * 0.5),
            (cx + r * 0.65, cy),
        ],
        fill=(170, 70, 48),
    )
    d.rectangle([cx - r * 0.15, cy + r * 0.3, cx + r * 0.1, cy + r * 0.75], fill=(110, 70, 40))
    for wx in (-0.5, 0.22):
        d.rectangle([cx + wx * r, cy + r * 0.15, cx + wx * r + r * 0.18, cy + r * 0.35], fill=(90, 140, 180))
    for k in range(9):
        x = cx - r * 1.05 + k * r * 0.08
        d.rectangle([x, cy + r * 0.45, x + r * 0.04, cy + r * 0.8], fill=(196, 160, 96))
    d.rectangle([cx + r * 0.78, cy + r * 0.1, cx + r * 0.86, cy + r * 0.75], fill=(110, 80, 56))
    d.ellipse([cx + r * 0.55, cy - r * 0.5, cx + r * 1.1, cy + r * 0.25], fill=LEAF_DARK)


def _motif_cosmetics(d, cx, cy, r, pal, rng):
    """A jar of balm and a dropper bottle of herbal oil among leaves."""
    _bg, light, main, dark = pal
    for ang in (-160, -120, -60, -20):
        _leaf(d, cx, cy + r * 0.9, r * 0.9, r * 0.3, math.radians(ang), LEAF, LEAF_DARK)
    d.rounded_rectangle(
        [cx - r * 0.75, cy + r * 0.2, cx - r * 0.05, cy + r * 0.9], radius=r * 0.1, fill=CREAM
    )
    d.rounded_rectangle([cx - r * 0.8, cy + r * 0.05, cx, cy + r * 0.25], radius=r * 0.06, fill=main)
    d.rounded_rectangle(
        [cx + r * 0.15, cy - r * 0.15, cx + r * 0.7, cy + r * 0.9], radius=r * 0.12, fill=(196, 130, 40)
    )
    d.rectangle([cx + r * 0.3, cy - r * 0.35, cx + r * 0.55, cy - r * 0.12], fill=BLACK)
    d.ellipse([cx + r * 0.28, cy - r * 0.65, cx + r * 0.57, cy - r * 0.3], fill=BLACK)
    d.rounded_rectangle(
        [cx + r * 0.23, cy + r * 0.2, cx + r * 0.62, cy + r * 0.55], radius=r * 0.04, fill=CREAM
    )


KIND_MOTIFS = {
    "food": _motif_food,
    "drink": _motif_drinks,
    "herbal": _motif_herbal,
    "woven": _motif_crafts,
    "flower": _motif_ornamental,
    "tour": _motif_tourism,
    "rice": _motif_rice,
    "com_chay": _motif_com_chay,
    "honey": _motif_honey,
    "tea": _motif_tea,
    "lotus": _motif_lotus,
    "spirit": _motif_spirit,
    "fish_sauce": _motif_fish_sauce,
    "goat": _motif_goat,
    "nem": _motif_nem,
    "rice_paper": _motif_rice_paper,
    "wafer": _motif_wafer,
    "sweets": _motif_sweets,
    "clay_pot": _motif_clay_pot,
    "banana": _motif_banana,
    "clams": _motif_clams,
    "sedge": _motif_sedge,
    "lacquer": _motif_lacquer,
    "embroidery": _motif_embroidery,
    "silk": _motif_silk,
    "stone": _motif_stone,
    "bronze": _motif_bronze,
    "bonsai": _motif_bonsai,
    "koi": _motif_koi,
    "homestay": _motif_homestay,
    "cosmetics": _motif_cosmetics,
}
