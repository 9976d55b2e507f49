"""Readers of geoparsing gold sets: articles with every toponym marked by character offsets.

Three XML layouts are read, told apart by their elements, and one archive:

* ``gaztag`` (TR-News, LGL): ``<toponym>`` with ``<start>``, ``<end>``, ``<phrase>`` and a
  ``<gaztag geonameid=...>`` holding ``<lat>``/``<lon>``; toponyms without a gaztag (street
  names) have no coordinates.
* ``geovirus`` (GeoVirus): ``<locations>`` of ``<location>`` with ``<name>``, ``<start>``,
  ``<end>``, ``<lat>``, ``<lon>`` and a Wikipedia ``<page>``; no GeoNames id.
* ``geowebnews`` (GeoWebNews): ``<toponym>`` with ``<extractedName>``, ``<start>``,
  ``<end>``, ``<geonamesID>``, ``<latitude>``, ``<longitude>``; expressions without
  coordinates ("the lot", "residents") are not locations and are skipped.

* TUD-Loc2013 (a ``.zip`` or its unpacked folder): texts with locations marked by inline tags
  (``<CITY>Cork</CITY>``) and a ``coordinates.csv`` joined to them by character offset into the
  text without tags; the texts are pre-split into training, validation and test folders, read
  as the development part (training and validation) and the held-out part (test).

Files may be gzipped (``.gz``). A file that is not one of these raises ``InputError``.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Literal

from strife.errors import MalformedRecord, UnreadableInput

GoldFormat = Literal["gaztag", "geovirus", "geowebnews"]
#: The part of a corpus an article belongs to when the corpus is pre-split.
GoldPart = Literal["dev", "test"]

# How far (characters) a toponym's words may lie from its given offsets to be realigned.
REALIGN_WINDOW = 25


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One marked toponym: character span, words, and where it is (when the gold says)."""

    start: int
    end: int
    text: str
    geonameid: int | None
    lat: float | None
    lon: float | None

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article of a gold set, its toponyms in text order and its date when given."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    published: date | None = None
    #: Set when the corpus comes pre-split (TUD-Loc2013); None: the scorer assigns the part.
    part: GoldPart | None = None


def read_gold(path: Path) -> list[GoldArticle]:
    """The articles of a gold file, in file order."""
    if path.is_dir() or path.suffix.lower() == ".zip":
        return read_tud(path)
    root = _parse(path)
    layout = detect_format(root)
    if layout is None:
        raise MalformedRecord(str(path), "not a TR-News/LGL, GeoVirus or GeoWebNews XML file")
    reader = {"gaztag": _gaztag_article, "geovirus": _geovirus_article}.get(
        layout, _geowebnews_article
    )
    articles = []
    for index, element in enumerate(root.iter("article")):
        article = reader(element, str(index))
        if article.text:
            articles.append(article)
    return articles


def detect_format(root: ET.Element) -> GoldFormat | None:
    if root.find("./article/locations") is not None:
        return "geovirus"
    if root.find(".//toponym/extractedName") is not None:
        return "geowebnews"
    if root.find("./article/toponyms") is not None:
        return "gaztag"
    return None


def _parse(path: Path) -> ET.Element:
    try:
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        return ET.fromstring(raw)
    except OSError as exc:
        raise UnreadableInput(str(path), exc.strerror or str(exc)) from exc
    except ET.ParseError as exc:
        raise MalformedRecord(str(path), f"not XML ({exc})") from exc


def _gaztag_article(element: ET.Element, index: str) -> GoldArticle:
    toponyms = []
    for node in element.iterfind("./toponyms/toponym"):
        tag = node.find("gaztag")
        geonameid = _int(tag.get("geonameid")) if tag is not None else None
        lat = _float(tag.findtext("lat")) if tag is not None else None
        lon = _float(tag.findtext("lon")) if tag is not None else None
        toponyms.append(_toponym(node, "phrase", geonameid, lat, lon))
    published = _date(element.findtext("dltime"))
    return _article(element.get("docid") or index, element, toponyms, published)


def _geovirus_article(element: ET.Element, index: str) -> GoldArticle:
    toponyms = [
        _toponym(node, "name", None, _float(node.findtext("lat")), _float(node.findtext("lon")))
        for node in element.iterfind("./locations/location")
    ]
    return _article(index, element, toponyms, None)


def _geowebnews_article(element: ET.Element, index: str) -> GoldArticle:
    toponyms = []
    for node in element.iterfind("./toponyms/toponym"):
        lat, lon = _float(node.findtext("latitude")), _float(node.findtext("longitude"))
        if lat is None or lon is None:
            continue
        geonameid = _int(node.findtext("geonamesID"))
        toponyms.append(_toponym(node, "extractedName", geonameid, lat, lon))
    return _article(index, element, toponyms, None)


def _article(
    article_id: str, element: ET.Element, toponyms: list[GoldToponym], published: date | None
) -> GoldArticle:
    text = element.findtext("text") or ""
    aligned = (realign(text, toponym) for toponym in toponyms)
    ordered = tuple(sorted(aligned, key=lambda t: (t.start, t.end)))
    return GoldArticle(article_id, text, ordered, published)


def realign(text: str, toponym: GoldToponym) -> GoldToponym:
    """The toponym moved onto its words when its offsets miss them by a few characters (the
    published files count some characters differently: GeoVirus is one off throughout,
    TR-News drifts within some articles). Unfound words keep the given offsets."""
    if not toponym.text or text[toponym.start : toponym.end] == toponym.text:
        return toponym
    low = max(0, toponym.start - REALIGN_WINDOW)
    window = text[low : toponym.end + REALIGN_WINDOW]
    starts = [low + m.start() for m in re.finditer(re.escape(toponym.text), window)]
    if not starts:
        return toponym
    start = min(starts, key=lambda s: abs(s - toponym.start))
    return replace(toponym, start=start, end=start + len(toponym.text))


def _toponym(
    node: ET.Element, text_tag: str, geonameid: int | None, lat: float | None, lon: float | None
) -> GoldToponym:
    start, end = _int(node.findtext("start")), _int(node.findtext("end"))
    if start is None or end is None or end <= start:
        raise MalformedRecord("gold toponym", f"bad offsets in {ET.tostring(node)[:80]!r}")
    return GoldToponym(start, end, (node.findtext(text_tag) or "").strip(), geonameid, lat, lon)


def _int(value: str | None) -> int | None:
    try:
        return int(value.strip()) if value and value.strip() else None
    except ValueError:
        return None


def _float(value: str | None) -> float | None:
    try:
        return float(value.strip()) if value and value.strip() else None
    except ValueError:
        return None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10]) if value else None
    except ValueError:
        return None


# A TUD-Loc2013 annotation: <TYPE attributes>words</TYPE>; closing tags are not always the
# opening one's type ("<UNIT>Florida</CITY>").
_TUD_TAG = re.compile(r"<([A-Z]+)(?: [^>]*)?>(.*?)</[A-Z]+>", re.S)
_TUD_PARTS: dict[str, GoldPart] = {"1-training": "dev", "2-validation": "dev", "3-test": "test"}


def read_tud(path: Path) -> list[GoldArticle]:
    """The texts of TUD-Loc2013 (its zip or unpacked folder) with their located toponyms,
    in the order of their numbers; each carries its part of the published split."""
    files = _tud_files(path)
    coordinates = [name for name in files if name.endswith("0-all/coordinates.csv")]
    if not coordinates:
        raise MalformedRecord(str(path), "not TUD-Loc2013: no 0-all/coordinates.csv")
    located: dict[str, dict[int, tuple[float, float, int | None]]] = {}
    for row in csv.DictReader(io.StringIO(files[coordinates[0]]), delimiter=";"):
        lat, lon = _float(row.get("latitude")), _float(row.get("longitude"))
        offset = _int(row.get("offset"))
        if lat is None or lon is None or offset is None:
            continue
        source = row.get("sourceId") or ""
        geonameid = (
            _int(source.removeprefix("geonames:")) if source.startswith("geonames:") else None
        )
        located.setdefault(row.get("docId") or "", {})[offset] = (lat, lon, geonameid)
    parts = {
        name.rsplit("/", 1)[-1]: part
        for name in files
        for folder, part in _TUD_PARTS.items()
        if f"{folder}/" in name and name.endswith(".txt")
    }
    texts = sorted(
        (name for name in files if "0-all/" in name and name.endswith(".txt")),
        key=lambda name: _int(re.sub(r"\D", "", name.rsplit("/", 1)[-1])) or 0,
    )
    articles = []
    for name in texts:
        doc_id = name.rsplit("/", 1)[-1]
        article = tud_article(doc_id, files[name], located.get(doc_id, {}))
        articles.append(replace(article, part=parts.get(doc_id)))
    return articles


def tud_article(
    doc_id: str, tagged: str, located: dict[int, tuple[float, float, int | None]]
) -> GoldArticle:
    """One tagged text: the tags removed, each annotation a toponym at its offset in the
    text without tags, located when ``located`` has that offset."""
    pieces: list[str] = []
    length = position = 0
    toponyms = []
    for match in _TUD_TAG.finditer(tagged):
        before = tagged[position : match.start()]
        pieces.append(before)
        length += len(before)
        words = match.group(2)
        lat, lon, geonameid = located.get(length, (None, None, None))
        toponyms.append(GoldToponym(length, length + len(words), words, geonameid, lat, lon))
        pieces.append(words)
        length += len(words)
        position = match.end()
    pieces.append(tagged[position:])
    return GoldArticle(doc_id, "".join(pieces), tuple(toponyms))


def _tud_files(path: Path) -> dict[str, str]:
    """The text files of the corpus by their path inside it."""
    try:
        if path.is_dir():
            return {
                file.relative_to(path).as_posix(): file.read_text(encoding="utf-8")
                for file in path.rglob("*")
                if file.suffix in {".txt", ".csv"}
            }
        with zipfile.ZipFile(path) as archive:
            return {
                name: archive.read(name).decode("utf-8")
                for name in archive.namelist()
                if name.endswith((".txt", ".csv"))
            }
    except OSError as exc:
        raise UnreadableInput(str(path), exc.strerror or str(exc)) from exc
    except (zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise MalformedRecord(str(path), f"not a TUD-Loc2013 archive ({exc})") from exc
