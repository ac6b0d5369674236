"""The one palette of every report, plot and view: Okabe and Ito's colour-blind-safe colours.

Each loaded-language category has one colour everywhere (highlighted text, bars, legends). The colours stay apart for
readers with protan, deutan or tritan colour vision (a simulation in ``tests/test_palette.py`` checks it), and no
view relies on colour alone: highlighted terms carry their category as a written label too.
Source: M. Okabe and K. Ito, "Color Universal Design: how to make figures and presentations that are friendly to
colorblind people" (2002), https://jfly.uni-koeln.de/color/.
"""

from __future__ import annotations

from ._model import CUE_CLASSES, LOADED_CATEGORIES

OKABE_ITO = {
    "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7", "black": "#000000",
}
#: One colour per loaded-language category, in every figure and view.
CATEGORY_COLORS: dict[str, str] = dict(zip(LOADED_CATEGORIES, (
    OKABE_ITO["vermillion"], OKABE_ITO["orange"], OKABE_ITO["reddish purple"], OKABE_ITO["blue"],
    OKABE_ITO["sky blue"], OKABE_ITO["bluish green"], OKABE_ITO["yellow"], OKABE_ITO["black"],
), strict=True))
#: The short label written after each highlighted term, so that the category never rests on colour alone.
CATEGORY_TAGS: dict[str, str] = dict(zip(LOADED_CATEGORIES, (
    "label", "emot", "sens", "deri", "insin", "cert", "hedge", "scare"), strict=True))
#: Cue classes in the "who speaks how" chart.
CUE_COLORS: dict[str, str] = dict(zip(CUE_CLASSES, (
    "#999999", OKABE_ITO["bluish green"], OKABE_ITO["vermillion"], OKABE_ITO["orange"], OKABE_ITO["reddish purple"],
    OKABE_ITO["yellow"], OKABE_ITO["sky blue"], OKABE_ITO["blue"]), strict=True))
#: Tone below and above zero (blue and vermillion stay apart for every colour vision).
NEGATIVE = OKABE_ITO["vermillion"]
POSITIVE = OKABE_ITO["blue"]
NEUTRAL = "#777777"
#: How much of a category's colour a highlighted term's background takes (the rest is white).
TINT = 0.45


def tint(color: str, amount: float = TINT) -> str:
    """``color`` mixed with white: ``amount`` of the colour (1.0 is the colour itself)."""
    channels = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * amount):02X}" for c in channels)
