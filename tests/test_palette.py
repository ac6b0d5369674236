"""The palette stays readable for colour-blind readers: under a simulation of protan, deutan and tritan vision
(Machado et al. 2009, severity 100, via colorspacious), the category colours stay apart."""

import itertools

import numpy as np
import pytest

from analysis import palette
from analysis._model import LOADED_CATEGORIES

colorspacious = pytest.importorskip("colorspacious")

#: Smallest CAM02-UCS distance between two category colours (about 2 is a just-noticeable difference); the highlight
#: tints are paler, and the category is written after every highlighted term as well.
FIGURE_DISTANCE = 10
TINT_DISTANCE = 4.5


def rgb(color: str) -> np.ndarray:
    return np.array([int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)])


def seen(color: str, vision: str) -> np.ndarray:
    if vision == "normal":
        return rgb(color)
    simulated = colorspacious.cspace_convert(rgb(color), {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100},
                                             "sRGB1")
    return np.clip(simulated, 0, 1)


def smallest_distance(colors: dict[str, str], vision: str) -> float:
    return min(colorspacious.deltaE(seen(a, vision), seen(b, vision), input_space="sRGB1")
               for a, b in itertools.combinations(colors.values(), 2))


def test_one_colour_and_one_written_label_per_category():
    assert list(palette.CATEGORY_COLORS) == list(LOADED_CATEGORIES) == list(palette.CATEGORY_TAGS)
    assert len(set(palette.CATEGORY_COLORS.values())) == len(LOADED_CATEGORIES)
    assert len(set(palette.CATEGORY_TAGS.values())) == len(LOADED_CATEGORIES)
    assert set(palette.CATEGORY_COLORS.values()) <= set(palette.OKABE_ITO.values())


@pytest.mark.parametrize("vision", ["normal", "protanomaly", "deuteranomaly", "tritanomaly"])
def test_category_colours_stay_apart(vision):
    assert smallest_distance(palette.CATEGORY_COLORS, vision) >= FIGURE_DISTANCE
    tints = {c: palette.tint(color) for c, color in palette.CATEGORY_COLORS.items()}
    assert smallest_distance(tints, vision) >= TINT_DISTANCE


@pytest.mark.parametrize("vision", ["normal", "protanomaly", "deuteranomaly", "tritanomaly"])
def test_negative_and_positive_tone_stay_apart(vision):
    assert colorspacious.deltaE(seen(palette.NEGATIVE, vision), seen(palette.POSITIVE, vision),
                                input_space="sRGB1") >= 20


def test_tint_mixes_with_white():
    assert palette.tint("#000000", 1.0) == "#000000"
    assert palette.tint("#000000", 0.0) == "#FFFFFF"
    assert palette.tint("#0072B2", 0.5) == "#80B8D8"
