"""A JSON Schema of content format 1, for completion and inline errors in editors."""

from __future__ import annotations

from typing import Any

from kiosk.content import fields as F
from kiosk.core import i18n

_TEXT_DOC = "A plain string for every language, or a mapping from language code to string."


def _kind_schema(kind: F.Kind) -> dict[str, Any]:
    text: dict[str, Any] = {
        "anyOf": [
            {"type": "string"},
            {"type": "object", "patternProperties": {F.LANGUAGE_PATTERN: {"type": "string"}},
             "additionalProperties": False, "minProperties": 1},
        ]
    }
    kinds: dict[str, dict[str, Any]] = {
        "format": {"const": 1},
        "text": text,
        "markdown": text,
        "string": {"type": "string"},
        "slug": {"type": "string", "pattern": F.SLUG_PATTERN},
        "date": {"anyOf": [{"type": "integer", "not": {"const": 0}},
                           {"type": "string", "pattern": F.DATE_PATTERN}]},
        "color": {"type": "string", "pattern": F.COLOR_PATTERN},
        "bool": {"type": "boolean"},
        "seconds": {"type": "number"},
        "languages": {"type": "array", "minItems": 1, "uniqueItems": True,
                      "items": {"type": "string", "pattern": F.LANGUAGE_PATTERN}},
        "era-ref": {"type": "string", "pattern": F.SLUG_PATTERN},
        "path": {"type": "string", "pattern": r"^[^/\\][^\\]*\.(jpe?g|png|webp|JPE?G|PNG|WEBP)$"},
        "video-path": {"type": "string",
                       "pattern": r"^[^/\\][^\\]*\.(mp4|m4v|webm|MP4|M4V|WEBM)$"},
        "audio-path": {"type": "string", "pattern":
                       r"^[^/\\][^\\]*\.(mp3|m4a|aac|opus|ogg|oga|flac|MP3|M4A|AAC|OPUS|OGG|OGA|FLAC)$"},
        "captions": {"anyOf": [
            {"type": "string", "pattern": r"^[^/\\][^\\]*\.(vtt|VTT)$"},
            {"type": "object", "patternProperties": {F.LANGUAGE_PATTERN: {
                "type": "string", "pattern": r"^[^/\\][^\\]*\.(vtt|VTT)$"}},
             "additionalProperties": False, "minProperties": 1},
        ]},
        "eras": {"type": "array", "items": {"$ref": "#/$defs/era"}},
        "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
        "media": {"type": "array", "items": {"$ref": "#/$defs/media"}},
        "interface": {"type": "object", "additionalProperties": False, "patternProperties": {
            F.LANGUAGE_PATTERN: {
                "type": "object", "additionalProperties": False,
                "properties": {key: _word_schema(key, text)
                               for key, text in i18n.interface_keys().items()}}}},
    }
    return dict(kinds[kind])


def _word_schema(key: str, english: str) -> dict[str, Any]:
    """An interface word: a text; one with {n} may be its plural forms by CLDR category."""
    text = {"type": "string", "description": f"English: {english!r}"}
    if not i18n.counts(key):
        return text
    forms = {"type": "object", "required": ["other"], "additionalProperties": False,
             "minProperties": 1, "description": "Plural forms by CLDR category, chosen by {n}",
             "properties": {category: {"type": "string"} for category in i18n.PLURAL_CATEGORIES}}
    return {"anyOf": [text, forms], "description": text["description"]}


def _limit_strings(schema: dict[str, Any], max_length: int) -> None:
    """Give every string in a value's schema (each language of a text too) its limit."""
    if schema.get("type") == "string":
        schema["maxLength"] = max_length
    for branch in schema.get("anyOf", []):
        _limit_strings(branch, max_length)
    for value in schema.get("patternProperties", {}).values():
        _limit_strings(value, max_length)
    for value in schema.get("properties", {}).values():
        _limit_strings(value, max_length)


def _object(spec: tuple[F.Field, ...], title: str) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for field in spec:
        prop = _kind_schema(field.kind)
        prop["description"] = field.doc + (f" {_TEXT_DOC}" if field.kind in ("text",
                                                                              "markdown") else "")
        if field.minimum is not None:
            prop["minimum"] = field.minimum
        if field.maximum is not None:
            prop["maximum"] = field.maximum
        if field.max_length is not None:
            _limit_strings(prop, field.max_length)
        properties[field.name] = prop
    return {
        "title": title,
        "type": "object",
        "properties": properties,
        "required": [f.name for f in spec if f.required],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The schema of exhibit.yaml; `$defs/event` is the schema of one file in events/."""
    schema = _object(F.EXHIBIT, "Exhibit (content format 1)")
    schema.update({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "kiosk-content-format-1",
        "$defs": {
            "era": _object(F.ERA, "Era"),
            "event": _object(F.EVENT, "Event"),
            "media": _object(F.MEDIA, "Media item") | {"oneOf": [
                {"required": ["image"]}, {"required": ["video"]}, {"required": ["audio"]}]},
        },
    })
    return schema
