"""Relayed copy: paragraphs an outlet reproduces from another outlet or source, so that commentary and copy can be
told apart. The copy is still the outlet's text (loaded terms in it are in the author's voice); the mark only says
where it comes from.

Three signs, in this order:
- "via X" in a heading or lead-in ("Appendix: A Primer on HTS (via The Week)"): the running text after it, up to the
  next separator, is relayed from X;
- a lead-in that ends with a cue and a colon ("As Reuters reports:", "AFP wrote:"): the running text after it, up to
  the next paragraph that is not running text, is relayed from the cue's source;
- a block of running text between two separators ("* * *"), with text outside it: relayed, source unknown unless a
  "via" names it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ._model import TEXT_KINDS, Attribution, Paragraph, Relay, Span

_VIA = re.compile(r"\bvia\s+((?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,5})", re.IGNORECASE)


def mark_relayed(text: str, paragraphs: tuple[Paragraph, ...], attributions: tuple[Attribution, ...]) -> tuple[Paragraph, ...]:
    """The paragraphs, with ``relayed_from`` set on relayed running text."""
    relays: dict[int, Relay] = {}
    for position, paragraph in enumerate(paragraphs):
        relay = _via(text, paragraph) or _lead_in(text, paragraph, attributions)
        if relay is None:
            continue
        stop_at_any_other_kind = relay.cue.text.endswith(":")
        for later in paragraphs[position + 1:]:
            if later.kind == "separator" or stop_at_any_other_kind and later.kind not in TEXT_KINDS:
                break
            if later.kind in TEXT_KINDS:
                relays.setdefault(later.index, relay)
    for block, separator in _separated_blocks(paragraphs):
        for paragraph in block:
            relays.setdefault(paragraph.index, Relay(Span(separator.start, separator.end, text[separator.start:separator.end])))
    return tuple(replace(p, relayed_from=relays.get(p.index)) for p in paragraphs)


def _via(text: str, paragraph: Paragraph) -> Relay | None:
    """"(via The Week)" in a heading or a lead-in."""
    if paragraph.kind not in ("heading", "lead_in", "title"):
        return None
    match = _VIA.search(text, paragraph.start, paragraph.end)
    if match is None:
        return None
    source = match.group(1).rstrip(").,:;")
    start = match.start(1)
    return Relay(Span(match.start(), match.start() + 3, text[match.start():match.start() + 3]),
                 Span(start, start + len(source), source))


def _lead_in(text: str, paragraph: Paragraph, attributions: tuple[Attribution, ...]) -> Relay | None:
    """A lead-in whose last words are a cue and its source before the colon ("As Reuters reports:")."""
    if paragraph.kind != "lead_in":
        return None
    colon = text.rfind(":", paragraph.start, paragraph.end)
    for attribution in attributions:
        if attribution.paragraph == paragraph.index and attribution.source is not None \
                and not text[max(attribution.cue.end, attribution.source.end):colon].strip():
            cue = Span(attribution.cue.start, colon + 1, text[attribution.cue.start:colon + 1])
            return Relay(cue, Span(attribution.source.start, attribution.source.end, attribution.source.text))
    return None


def _separated_blocks(paragraphs: tuple[Paragraph, ...]) -> list[tuple[list[Paragraph], Paragraph]]:
    """Runs of running text between two separators, when there is running text outside them too."""
    separators = [i for i, p in enumerate(paragraphs) if p.kind == "separator"]
    blocks = []
    for first, second in zip(separators, separators[1:]):
        inside = [p for p in paragraphs[first + 1:second] if p.kind in TEXT_KINDS]
        outside = [p for p in paragraphs[:first] + paragraphs[second + 1:] if p.kind in TEXT_KINDS]
        if inside and outside:
            blocks.append((inside, paragraphs[first]))
    return blocks
