"""Shared checks for the offsets contract: every span in the JSON output indexes ``article.text``."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema


@lru_cache(maxsize=1)
def schema_validator() -> jsonschema.Draft202012Validator:
    text = resources.files("analysis").joinpath("data", "analysis-v1.schema.json").read_text(encoding="utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def spans_of(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every span of one JSON record, by list name."""
    attributions = record["attributions"]
    return {
        "paragraphs": record["paragraphs"],
        "sentences": record["sentences"],
        "quotes": record["quotes"],
        "loaded_terms": record["loaded_terms"],
        "actor_mentions": record.get("actor_mentions", []),
        "cues": [a["cue"] for a in attributions],
        "sources": [a["source"] for a in attributions if a["source"]],
        "resolved": [a["source"]["resolved"] for a in attributions if a["source"] and a["source"]["resolved"]],
        "contents": [a["content"] for a in attributions if a["content"]],
        "evidence": [e for s in record["sentences"] for e in s.get("evidence", [])],
        "relays": [r for p in record["paragraphs"] if p.get("relayed_from")
                   for r in (p["relayed_from"]["cue"], p["relayed_from"]["source"]) if r],
    }


def check_record(record: dict[str, Any]) -> None:
    """The record validates against the schema, and every span's offsets give its text."""
    schema_validator().validate(record)
    text = record["article"]["text"]
    for name, spans in spans_of(record).items():
        for span in spans:
            assert 0 <= span["start"] < span["end"] <= len(text), (name, span)
            if "text" in span:
                assert text[span["start"]:span["end"]] == span["text"], (name, span)
    for name in ("paragraphs", "sentences", "quotes", "loaded_terms", "actor_mentions"):
        spans = sorted(record.get(name, []), key=lambda s: s["start"])
        for first, second in zip(spans, spans[1:]):
            assert first["end"] <= second["start"], f"overlapping {name}: {first} {second}"
