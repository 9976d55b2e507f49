"""Geoparsing gold readers and scores, on small gold files written for these tests."""

from __future__ import annotations

import gzip
from dataclasses import replace
from pathlib import Path

import pytest

from strife.errors import MalformedRecord, UnreadableInput
from strife.evaluate.geo import GeoScores, match_article, part_of
from strife.evaluate.geo_gold import GoldArticle, GoldToponym, read_gold
from strife.places.geometry import distance_km
from strife.records import Place

TEXT = "Shelling hit Shushi and Geneva hosted talks."

GAZTAG = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <dltime>2020-10-31</dltime>
    <text><![CDATA[{TEXT}]]></text>
    <toponyms>
      <toponym><phrase>Shushi</phrase><start>13</start><end>19</end>
        <gaztag geonameid="147105"><name>Shusha</name><lat>39.76</lat><lon>46.75</lon></gaztag>
      </toponym>
      <toponym><phrase>Geneva</phrase><start>23</start><end>29</end>
        <gaztag geonameid="2660646"><name>Geneva</name><lat>46.2</lat><lon>6.15</lon></gaztag>
      </toponym>
      <toponym><phrase>hit</phrase><start>9</start><end>12</end></toponym>
    </toponyms>
  </article>
</articles>
"""

# GeoVirus's offsets are one character off in the published file: the reader realigns them.
GEOVIRUS = f"""<articles><article><source>x</source><text>{TEXT}</text><locations>
  <location><name>Geneva</name><start>25</start><end>31</end>
    <lat>46.2</lat><lon>6.15</lon><page>https://en.wikipedia.org/wiki/Geneva</page></location>
</locations></article></articles>"""

GEOWEBNEWS = f"""<articles><article><text>{TEXT}</text><toponyms>
  <toponym><extractedName>Shushi</extractedName><type>Literal</type><start>13</start>
    <end>19</end><geonamesID>147105</geonamesID><latitude>39.76</latitude>
    <longitude>46.75</longitude></toponym>
  <toponym><extractedName>talks</extractedName><type>Literal_Expression</type>
    <start>37</start><end>42</end></toponym>
</toponyms></article></articles>"""


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    data = content.encode("utf-8")
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return path


def test_gaztag_gold_keeps_ids_coordinates_and_the_date(tmp_path: Path) -> None:
    (article,) = read_gold(write(tmp_path, "tr.xml.gz", GAZTAG))
    assert article.id == "7" and article.published is not None
    assert [(t.text, t.geonameid, t.has_coordinates) for t in article.toponyms] == [
        ("hit", None, False),
        ("Shushi", 147105, True),
        ("Geneva", 2660646, True),
    ]


def test_geovirus_offsets_are_realigned_onto_their_words(tmp_path: Path) -> None:
    (article,) = read_gold(write(tmp_path, "gv.xml", GEOVIRUS))
    (geneva,) = article.toponyms
    assert TEXT[geneva.start : geneva.end] == "Geneva"
    assert geneva.geonameid is None and geneva.has_coordinates


def test_geowebnews_keeps_only_expressions_with_coordinates(tmp_path: Path) -> None:
    (article,) = read_gold(write(tmp_path, "gwn.xml", GEOWEBNEWS))
    assert [(t.text, t.geonameid) for t in article.toponyms] == [("Shushi", 147105)]


def test_files_that_are_not_gold_sets_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(MalformedRecord, match="not a TR-News"):
        read_gold(write(tmp_path, "other.xml", "<rss><item/></rss>"))
    with pytest.raises(MalformedRecord, match="not XML"):
        read_gold(write(tmp_path, "broken.xml", "<articles><article>"))
    with pytest.raises(UnreadableInput):
        read_gold(tmp_path / "missing.xml")


def place(start: int, end: int, geonameid: int, lat: float, lon: float) -> Place:
    return Place("x", "x", geonameid, lat, lon, "XXX", "PPL", None, start, end)


SHUSHI = GoldToponym(13, 19, "Shushi", 147105, 39.76, 46.75)
GENEVA = GoldToponym(23, 29, "Geneva", 2660646, 46.2, 6.15)


def test_scores_count_misses_as_errors_and_report_found_only_apart() -> None:
    gold = GoldArticle("1", TEXT, (SHUSHI, GENEVA, GoldToponym(37, 42, "talks", None, 46.2, 6.15)))
    predicted = [
        place(13, 19, 147105, 39.76, 46.75),  # exact
        place(23, 26, 4893591, 41.89, -88.31),  # overlaps Geneva, Geneva in Illinois
        place(0, 8, 1, 0.0, 0.0),  # overlaps no gold toponym
    ]
    outcomes = match_article(gold, predicted)
    scores = GeoScores()
    scores.add(outcomes, predicted=3, spurious=1)
    report = scores.as_dict()
    assert (report["gold_toponyms"], report["gold_with_geonameid"], report["found"]) == (3, 2, 2)
    assert report["missed"] == pytest.approx(1 / 3, abs=1e-4)
    assert report["accuracy_161"] == pytest.approx(1 / 3, abs=1e-4)
    assert report["accuracy_161_found"] == 0.5
    assert report["exact"] == 0.5 and report["exact_found"] == 0.5
    assert report["median_error_km"] == pytest.approx(
        distance_km(46.2, 6.15, 41.89, -88.31) / 2, 0.01
    )
    assert report["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert (report["found_by_context"], report["accuracy_161_by_context"]) == (0, None)


def test_sites_placed_by_context_are_scored_apart() -> None:
    gold = GoldArticle("1", TEXT, (SHUSHI, GENEVA))
    predicted = [
        replace(place(13, 19, 148619, 39.99, 46.93), resolved_by="context"),  # 30 km off
        replace(place(23, 29, 4893591, 41.89, -88.31), resolved_by="context"),  # Illinois
    ]
    scores = GeoScores()
    scores.add(match_article(gold, predicted), predicted=2, spurious=0)
    report = scores.as_dict()
    assert (report["found_by_context"], report["accuracy_161_by_context"]) == (2, 0.5)
    assert report["accuracy_161"] == 0.5


def test_distances_and_parts() -> None:
    assert distance_km(46.2, 6.15, 46.95, 7.45) == pytest.approx(130, abs=5)  # Geneva-Bern
    assert distance_km(0, 179.5, 0, -179.5) == pytest.approx(111, abs=1)
    assert [part_of(i) for i in range(4)] == ["dev", "test", "dev", "test"]
    assert GeoScores().as_dict()["accuracy_161"] is None


def test_tud_texts_lose_their_tags_and_join_coordinates_by_offset(tmp_path: Path) -> None:
    import zipfile

    tagged = "<COUNTRY role='main'>Ireland</COUNTRY> has islands off <UNIT>Cork</CITY>."
    rows = (
        "docId;idx;offset;latitude;longitude;sourceId\ntext1.txt;1;24;51.9;-8.5;geonames:2965139\n"
    )
    archive = tmp_path / "TUD-Loc2013.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("tud/0-all/text1.txt", tagged)
        zipped.writestr("tud/3-test/text1.txt", tagged)
        zipped.writestr("tud/0-all/coordinates.csv", rows)
    (article,) = read_gold(archive)
    assert article.text == "Ireland has islands off Cork."
    assert article.part == "test"
    ireland, cork = article.toponyms
    assert (ireland.text, ireland.has_coordinates) == ("Ireland", False)
    assert (cork.start, cork.end, cork.geonameid, cork.lat) == (24, 28, 2965139, 51.9)
    broken = tmp_path / "other.zip"
    with zipfile.ZipFile(broken, "w") as zipped:
        zipped.writestr("notes.txt", "nothing")
    with pytest.raises(MalformedRecord, match=r"no 0-all/coordinates\.csv"):
        read_gold(broken)
    (tmp_path / "bad.zip").write_bytes(b"not a zip")
    with pytest.raises(MalformedRecord, match="not a TUD-Loc2013 archive"):
        read_gold(tmp_path / "bad.zip")


def test_gold_articles_are_parsed_as_strife_geoparse_parses(nlp: object) -> None:
    """The suite scores what the command does: a wire dateline parsed apart from the lede."""
    from strife.evaluate.geo import parsed_articles

    text = "NEW DELHI, June 16 - Twenty Indian soldiers were killed in Ladakh on Monday."
    articles = [GoldArticle("a", text, ()), GoldArticle("b", TEXT, ())]
    parsed = list(parsed_articles(articles, nlp))
    assert [(article.id, doc.text) for article, doc in parsed] == [("a", text), ("b", TEXT)]
    first = parsed[0][1]
    assert (first[6].text, first[6].tag_) == ("Twenty", "CD")
