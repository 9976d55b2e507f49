"""The actor stage's rules, on hand-built Docs (no parser): recognition, affiliation,
names, disputed territories and document memory."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from parsed import VOCAB, annotated_doc, parse
from strife.actors import ActorResolver
from strife.records import ActorMention


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.from_data(VOCAB)


def find(resolver: ActorResolver, annotated: str) -> list[ActorMention]:
    return resolver.find(annotated_doc(annotated))


def coded(mentions: list[ActorMention]) -> list[tuple[str, str | None, str | None]]:
    return [(m.ref.entity_text, m.ref.code, m.ref.sector) for m in mentions]


def only(mentions: list[ActorMention], text: str) -> ActorMention:
    matching = [m for m in mentions if m.ref.entity_text == text]
    assert len(matching) == 1, f"{text!r} not found once in {coded(mentions)}"
    return matching[0]


# --- countries, capitals, seats ---------------------------------------------------------


def test_capitals_acting_as_states_are_the_government(resolver: ActorResolver) -> None:
    mentions = find(resolver, "Yerevan and Baku accused each other of attacks .")
    assert coded(mentions) == [("Yerevan", "ARM", "GOV"), ("Baku", "AZE", "GOV")]
    assert {m.kind for m in mentions} == {"country"}
    assert mentions[0].ref.name == "Armenia"


def test_a_bare_country_is_the_state_acting_as_a_state(resolver: ActorResolver) -> None:
    [russia] = find(resolver, "Russia says it will help .")
    assert (russia.ref.code, russia.ref.sector, russia.kind) == ("RUS", "GOV", "country")


def test_character_offsets_point_into_the_text(resolver: ActorResolver) -> None:
    doc = annotated_doc("Later , Azerbaijan 's defense ministry denied the allegations .")
    [mention] = resolver.find(doc)
    assert doc.text[mention.ref.start : mention.ref.end] == "Azerbaijan's defense ministry"
    assert (mention.token_start, mention.token_end) == (2, 6)


def test_a_country_word_inside_a_regional_name_is_no_country(resolver: ActorResolver) -> None:
    """ "South American leaders" are not American; "South African troops" (a listed demonym),
    "Shiite Iraqi militias" (no region word) and "The Democratic Republic of Congo's army"
    are still their country's."""
    words = "South American leaders and South African troops met .".split()
    pos = ["ADJ", "ADJ", "NOUN", "CCONJ", "ADJ", "ADJ", "NOUN", "VERB", "PUNCT"]
    ents = ["B-NORP", "I-NORP", "O", "O", "B-NORP", "I-NORP", "O", "O", "O"]
    doc = Doc(VOCAB, words=words, pos=pos, ents=ents)
    assert coded(resolver.find(doc)) == [
        ("leaders", None, "GOV"),
        ("South African troops", "ZAF", "MIL"),
    ]
    words = "Shiite Iraqi militias fired .".split()
    pos = ["ADJ", "ADJ", "NOUN", "VERB", "PUNCT"]
    doc = Doc(VOCAB, words=words, pos=pos, ents=["B-NORP", "I-NORP", "O", "O", "O"])
    assert coded(resolver.find(doc)) == [("Iraqi militias", "IRQ", "PRM")]
    words = "The Democratic Republic of Congo 's army withdrew .".split()
    pos = ["DET", "PROPN", "PROPN", "ADP", "PROPN", "PART", "NOUN", "VERB", "PUNCT"]
    ents = ["B-GPE", "I-GPE", "I-GPE", "I-GPE", "I-GPE", "I-GPE", "O", "O", "O"]
    doc = Doc(VOCAB, words=words, pos=pos, ents=ents)
    assert [m.ref.code for m in resolver.find(doc)] == ["COD"]


def test_a_capital_after_a_locative_preposition_is_a_place(resolver: ActorResolver) -> None:
    assert find(resolver, "Talks were held in Moscow .") == []
    assert coded(find(resolver, "Moscow said no .")) == [("Moscow", "RUS", "GOV")]


def test_seats_of_power_carry_their_own_sector(resolver: ActorResolver) -> None:
    mentions = find(resolver, "The Kremlin , the Pentagon and the Knesset objected .")
    assert coded(mentions) == [
        ("Kremlin", "RUS", "GOV"),
        ("Pentagon", "USA", "MIL"),
        ("Knesset", "ISR", "LEG"),
    ]


def test_hackers_are_a_party_with_their_country(resolver: ActorResolver) -> None:
    words = "Saudi hackers attacked websites .".split()
    pos = ["ADJ", "NOUN", "VERB", "NOUN", "PUNCT"]
    doc = Doc(VOCAB, words=words, pos=pos, ents=["B-NORP", "O", "O", "O", "O"])
    assert coded(resolver.find(doc)) == [("Saudi hackers", "SAU", "CRM")]


def test_proper_names_are_matched_on_their_spelling(resolver: ActorResolver) -> None:
    assert find(resolver, "They ate turkey with us in chad .") == []
    assert coded(find(resolver, "US troops left .")) == [("US troops", "USA", "MIL")]


def test_the_longest_dictionary_phrase_wins(resolver: ActorResolver) -> None:
    mentions = find(resolver, "The Democratic Republic of Congo and South Sudan met .")
    assert coded(mentions) == [
        ("Democratic Republic of Congo", "COD", "GOV"),
        ("South Sudan", "SSD", "GOV"),
    ]


def test_a_country_word_inside_an_unknown_name_is_not_an_actor(
    resolver: ActorResolver,
) -> None:
    assert find(resolver, "He flew American/ADJ Airlines/PROPN .") == []
    assert find(resolver, "The Washington/PROPN Post/PROPN reported .") == []


def test_a_plural_demonym_is_the_countrys_civilians(resolver: ActorResolver) -> None:
    assert coded(find(resolver, "Armenians fled .")) == [("Armenians", "ARM", "CVL")]


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("Kosovo", "KOS"),
        ("Palestine", "PSE"),
        ("Hong Kong", "HKG"),
        ("Puerto Rico", "USA"),
        ("Türkiye", "TUR"),
        ("Côte d'Ivoire", "CIV"),
    ],
)
def test_special_and_folded_country_names(resolver: ActorResolver, words: str, code: str) -> None:
    [mention] = find(resolver, f"{words} objected .")
    assert mention.ref.code == code


# --- partially recognised entities --------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("Nagorno - Karabakh", "AZE"),
        ("Abkhazia", "GEO"),
        ("South Ossetia", "GEO"),
        ("Transnistria", "MDA"),
        ("Donetsk People 's Republic", "UKR"),
        ("Luhansk People 's Republic", "UKR"),
        ("Northern Cyprus", "CYP"),
        ("Somaliland", "SOM"),
        ("Western Sahara", "MAR"),
    ],
)
def test_disputed_entities_go_to_the_sovereign_with_pre(
    resolver: ActorResolver, words: str, code: str
) -> None:
    [mention] = find(resolver, f"the disputed {words} region")
    assert (mention.ref.code, mention.ref.sector, mention.ref.other_sectors) == (
        code,
        None,
        ("PRE",),
    )


@pytest.mark.parametrize("agent", ["authorities", "government", "leader"])
def test_karabakh_authorities_are_gov_and_pre(resolver: ActorResolver, agent: str) -> None:
    [mention] = find(resolver, f"Karabakh {agent} said .")
    assert (mention.ref.code, mention.ref.sector, mention.ref.other_sectors) == (
        "AZE",
        "GOV",
        ("PRE",),
    )


def test_ethnic_kin_without_a_territory_goes_to_the_kin_state(resolver: ActorResolver) -> None:
    [mention] = find(resolver, "It is held by ethnic Armenian separatists .")
    assert mention.ref.entity_text == "ethnic Armenian separatists"
    assert (mention.ref.code, mention.ref.sector, mention.ref.other_sectors) == ("ARM", "REB", ())


@pytest.mark.parametrize("words", ["Karabakh separatists", "Karabakh Armenian separatists"])
def test_separatists_of_a_named_territory_are_pre(resolver: ActorResolver, words: str) -> None:
    [mention] = find(resolver, f"{words} fired .")
    assert (mention.ref.code, mention.ref.sector, mention.ref.other_sectors) == (
        "AZE",
        "REB",
        ("PRE",),
    )


def test_government_of_a_territory_is_pre(resolver: ActorResolver) -> None:
    mention = only(
        find(resolver, "a self - proclaimed government of Karabakh"), "government of Karabakh"
    )
    assert (mention.ref.code, mention.ref.sector, mention.ref.other_sectors) == (
        "AZE",
        "GOV",
        ("PRE",),
    )


# --- agents and their affiliation ---------------------------------------------------------


def test_demonym_before_agent_makes_one_mention(resolver: ActorResolver) -> None:
    [mention] = find(resolver, "The Armenian defense ministry said .")
    assert mention.ref.entity_text == "Armenian defense ministry"
    assert (mention.ref.code, mention.ref.sector, mention.ref.other_sectors) == (
        "ARM",
        "GOV",
        ("MIL",),
    )
    assert mention.kind == "agent"


@pytest.mark.parametrize(
    ("annotated", "text", "code", "sector"),
    [
        (
            "Azerbaijan 's defense ministry denied it .",
            "Azerbaijan's defense ministry",
            "AZE",
            "GOV",
        ),
        ("said Armenia 's foreign ministry .", "Armenia's foreign ministry", "ARM", "GOV"),
        ("four Saudi men were held .", "Saudi men", "SAU", "CVL"),
        ("American warplanes struck .", "American warplanes", "USA", "MIL"),
        ("Israel 's top diplomat spoke .", "Israel's top diplomat", "ISR", "GOV"),
        ("Syrian Kurdish/ADJ fighters advanced .", "Syrian Kurdish fighters", "SYR", "REB"),
        ("the Saudi - led coalition", "Saudi-led coalition", "SAU", "MIL"),
        ("Hamas - run health ministry said", "Hamas-run health ministry", "PSE", "GOV"),
        ("Russian military police arrived .", "Russian military police", "RUS", "MIL"),
        ("Turkish army spokesman said", "Turkish army spokesman", "TUR", "MIL"),
        ("Niger 's military rulers recalled", "Niger's military rulers", "NER", "MIL"),
        ("German aircraft struck .", "German aircraft", "DEU", "MIL"),
        ("Belarus 's rulers asked", "Belarus's rulers", "BLR", "GOV"),
        # A community named by its people: of the country its nationality names.
        ("thousands of Iraqi Kurds marched .", "Iraqi Kurds", "IRQ", "CVL"),
        ("Syrian Christians fled .", "Syrian Christians", "SYR", "CVL"),
        ("Palestinian youths threw stones .", "Palestinian youths", "PSE", "CVL"),
    ],
)
def test_affiliated_agents(
    resolver: ActorResolver, annotated: str, text: str, code: str, sector: str
) -> None:
    mentions = find(resolver, annotated)
    mention = only(mentions, text)
    assert (mention.ref.code, mention.ref.sector, mention.kind) == (code, sector, "agent")


def test_an_unaffiliated_agent_has_no_code(resolver: ActorResolver) -> None:
    [mention] = find(resolver, "The ministry said .")
    assert (mention.ref.code, mention.ref.sector, mention.kind) == (None, "GOV", "agent")


@pytest.mark.parametrize(
    ("annotated", "text", "code", "sector"),
    [
        ("Hezbollah commander said", "Hezbollah commander", "LBN", "REB"),
        ("Hamas fighters fired", "Hamas fighters", "PSE", "REB"),
        ("the Hamas government", "Hamas government", "PSE", "GOV"),
        ("UN peacekeepers came", "UN peacekeepers", "UNO", "MIL"),
        ("a Pentagon spokesman said", "Pentagon spokesman", "USA", "MIL"),
        ("the Trump administration", "Trump administration", "USA", "GOV"),
    ],
)
def test_organisations_seats_and_persons_affiliate_agents(
    resolver: ActorResolver, annotated: str, text: str, code: str, sector: str
) -> None:
    mention = only(find(resolver, annotated), text)
    assert (mention.ref.code, mention.ref.sector) == (code, sector)


@pytest.mark.parametrize(
    ("annotated", "text", "code", "sector"),
    [
        ("the President of Azerbaijan said", "President of Azerbaijan", "AZE", "GOV"),
        ("soldiers from Armenia", "soldiers from Armenia", "ARM", "MIL"),
        ("a spokesman for Hamas", "spokesman for Hamas", "PSE", "REB"),
        ("the leader of the opposition", "leader of the opposition", None, "OPP"),
    ],
)
def test_agents_take_the_code_after_a_preposition(
    resolver: ActorResolver, annotated: str, text: str, code: str | None, sector: str
) -> None:
    mention = only(find(resolver, annotated), text)
    assert (mention.ref.code, mention.ref.sector) == (code, sector)


def test_two_uncoded_agents_stay_apart(resolver: ActorResolver) -> None:
    mentions = find(resolver, "the families of soldiers wept .")
    assert coded(mentions) == [("families", None, "CVL"), ("soldiers", None, "MIL")]


def test_local_agents_take_the_place_they_are_in(resolver: ActorResolver) -> None:
    assert coded(find(resolver, "Police in Nairobi fired tear gas .")) == [
        ("Police in Nairobi", "KEN", "COP")
    ]
    assert coded(find(resolver, "a court in Minsk sentenced him")) == [
        ("court in Minsk", "BLR", "JUD")
    ]
    # Soldiers in a country are often someone else's.
    assert coded(find(resolver, "troops in Syria withdrew")) == [
        ("troops", None, "MIL"),
        ("Syria", "SYR", "GOV"),
    ]


def test_weapons_are_actors_only_when_someone_owns_them(resolver: ActorResolver) -> None:
    assert coded(find(resolver, "Russian drones struck a power station .")) == [
        ("Russian drones", "RUS", "MIL")
    ]
    assert coded(find(resolver, "Hamas fired rockets .")) == [("Hamas", "PSE", "REB")]
    assert find(resolver, "the city came under artillery fire .") == []


def test_a_list_of_countries_is_not_one_affiliation(resolver: ActorResolver) -> None:
    mentions = find(resolver, "envoys from France , Russia and the United States met .")
    assert coded(mentions) == [
        ("envoys", None, "GOV"),
        ("France", "FRA", "GOV"),
        ("Russia", "RUS", "GOV"),
        ("United States", "USA", "GOV"),
    ]


def test_for_before_a_country_does_not_affiliate(resolver: ActorResolver) -> None:
    mentions = find(resolver, "the special envoy for Syria")
    assert coded(mentions) == [("special envoy", None, "GOV"), ("Syria", "SYR", "GOV")]


def test_pro_qualified_country_does_not_affiliate(resolver: ActorResolver) -> None:
    mentions = find(resolver, "pro - Russian separatists attacked .")
    assert coded(mentions) == [("separatists", None, "REB")]


def test_anti_government_adds_opp(resolver: ActorResolver) -> None:
    [mention] = find(resolver, "anti - government protesters marched .")
    assert mention.ref.entity_text == "anti-government protesters"
    assert (mention.ref.sector, mention.ref.other_sectors) == ("CVL", ("OPP",))


def test_an_agent_adjective_before_a_noun_is_not_an_actor(resolver: ActorResolver) -> None:
    assert find(resolver, "urgent military/ADJ assistance/NOUN") == []
    assert find(resolver, "the Azeri regions of Terter") == []
    # ... unless a country says whose it is: the strike is the U.S. military's.
    mentions = find(resolver, "a U.S. military/ADJ airstrike/NOUN killed")
    assert coded(mentions) == [("U.S. military", "USA", "MIL")]


def test_employees_and_asylum_seekers(resolver: ActorResolver) -> None:
    assert coded(find(resolver, "the employees stopped work")) == [("employees", None, "LAB")]
    assert coded(find(resolver, "asylum - seekers went on strike")) == [
        ("asylum-seekers", None, "REF")
    ]


def test_short_and_military_titles(resolver: ActorResolver) -> None:
    assert coded(find(resolver, "the Japan PM said")) == [("Japan PM", "JPN", "GOV")]
    assert coded(find(resolver, "the Vietnamese defense chief said")) == [
        ("Vietnamese defense chief", "VNM", "GOV")
    ]
    assert coded(find(resolver, "the Iranian intelligence chief said")) == [
        ("Iranian intelligence chief", "IRN", "SPY")
    ]


# --- organisations and people ---------------------------------------------------------------


def test_igos_ngos_and_groups(resolver: ActorResolver) -> None:
    mentions = find(
        resolver, "The OSCE , Amnesty International , the Taliban and al - Shabaab met ."
    )
    assert [(m.ref.entity_text, m.ref.code, m.ref.sector, m.kind) for m in mentions] == [
        ("OSCE", "IGO", None, "igo"),
        ("Amnesty International", "NGO", None, "group"),
        ("Taliban", "AFG", "REB", "group"),
        ("al-Shabaab", "SOM", "REB", "group"),
    ]
    assert mentions[0].ref.name == "Organization for Security and Co-operation in Europe"


def test_the_european_unions_former_names_are_the_union(resolver: ActorResolver) -> None:
    mentions = find(resolver, "European/PROPN Community/PROPN foreign ministers met the EEC .")
    assert [(m.ref.entity_text, m.ref.code, m.ref.name) for m in mentions] == [
        ("European Community foreign ministers", "EUR", "European Union"),
        ("EEC", "EUR", "European Union"),
    ]


def test_title_and_known_name_make_one_person(resolver: ActorResolver) -> None:
    [mention] = find(resolver, "Russian President Vladimir Putin said .")
    assert mention.ref.entity_text == "Russian President Vladimir Putin"
    assert (mention.ref.code, mention.ref.sector, mention.ref.name, mention.kind) == (
        "RUS",
        "GOV",
        "Vladimir Putin",
        "person",
    )


def test_a_known_person_alone_is_coded_from_the_persons_file(resolver: ActorResolver) -> None:
    [mention] = find(resolver, "Erdogan said .")
    assert (mention.ref.code, mention.ref.name, mention.kind) == (
        "TUR",
        "Recep Tayyip Erdogan",
        "person",
    )


def test_an_administration_named_for_a_president_is_his_countrys(
    resolver: ActorResolver,
) -> None:
    """ "the Bush administration", "the Clinton administration": the United States, not a
    town some gazetteer names Bush."""
    for name in ("Bush", "Clinton", "Reagan"):
        mentions = find(resolver, f"The {name} administration imposed sanctions .")
        assert [(m.ref.code, m.ref.sector) for m in mentions] == [("USA", "GOV")], name


def test_a_bare_title_gives_way_to_the_persons_file(resolver: ActorResolver) -> None:
    [mention] = find(resolver, "Leader Yahya Sinwar said .")
    assert (mention.ref.code, mention.ref.sector) == ("PSE", "REB")


def test_title_names_an_unknown_person(resolver: ActorResolver) -> None:
    [mention] = find(
        resolver,
        "Spokeswoman for the Armenian defense ministry Shushan/PROPN Stepanyan/PROPN said .",
    )
    assert mention.ref.entity_text == (
        "Spokeswoman for the Armenian defense ministry Shushan Stepanyan"
    )
    assert (mention.ref.code, mention.ref.sector, mention.ref.name, mention.kind) == (
        "ARM",
        "GOV",
        "Shushan Stepanyan",
        "person",
    )
    assert mention.ref.other_sectors == ("MIL",)


@pytest.mark.parametrize(
    ("annotated", "code", "sector"),
    [
        ("Venezuelan opposition candidate Edmundo/PROPN Gonzalez/PROPN left .", "VEN", "OPP"),
        ("Peruvian presidential candidate Keiko/PROPN Fujimori/PROPN lost .", "PER", "PTY"),
    ],
)
def test_a_candidate_is_a_title(
    resolver: ActorResolver, annotated: str, code: str, sector: str
) -> None:
    """ "opposition candidate Edmundo Gonzalez": one titled person, not an agent beside a
    name the article cannot place."""
    person = find(resolver, annotated)[0]
    assert (person.ref.code, person.ref.sector, person.kind) == (code, sector, "person")


@pytest.mark.parametrize(
    ("annotated", "text"),
    [
        ("US House speaker Nancy/PROPN Pelosi/PROPN left .", "US House speaker Nancy Pelosi"),
        (
            "the US Senate majority leader Chuck/PROPN Schumer/PROPN left .",
            "US Senate majority leader Chuck Schumer",
        ),
    ],
)
def test_a_chamber_leaders_title_keeps_the_country_before_it(
    resolver: ActorResolver, annotated: str, text: str
) -> None:
    """ "US House Speaker Nancy Pelosi": the country, the chamber and the title are one
    legislator's, not a name the article cannot place."""
    person = find(resolver, annotated)[0]
    assert (person.ref.entity_text, person.ref.code, person.ref.sector) == (text, "USA", "LEG")


def test_an_institution_does_not_take_a_name(resolver: ActorResolver) -> None:
    mentions = find(resolver, "the Armenian defense ministry Shushan/PROPN said")
    assert coded(mentions) == [("Armenian defense ministry", "ARM", "GOV")]


@pytest.mark.parametrize(
    "annotated",
    [
        "Nikol Pashinyan , Armenia 's prime minister , said .",
        "Armenia 's prime minister , Nikol Pashinyan , said .",
    ],
)
def test_appositions_join_a_name_and_a_title(resolver: ActorResolver, annotated: str) -> None:
    [mention] = find(resolver, annotated)
    assert (mention.ref.code, mention.ref.name, mention.kind) == (
        "ARM",
        "Nikol Pashinyan",
        "person",
    )
    assert mention.ref.entity_text.count(",") == 1


def test_former_officials_are_eli(resolver: ActorResolver) -> None:
    [mention] = find(resolver, "former Armenian president Serzh/PROPN Sargsyan/PROPN said")
    assert (mention.ref.code, mention.ref.sector, mention.ref.other_sectors) == (
        "ARM",
        "ELI",
        ("GOV",),
    )
    assert mention.ref.name == "Serzh Sargsyan"


def test_politicians_are_eli(resolver: ActorResolver) -> None:
    """ "three Kyrgyz politicians", "Abdullah/PROPN Abdullah/PROPN , an Afghan politician":
    political figures outside any office, PLOVER's elites."""
    [group] = find(resolver, "three Kyrgyz politicians filed a lawsuit")
    assert (group.ref.code, group.ref.sector) == ("KGZ", "ELI")
    [person] = find(resolver, "Abdullah/PROPN Abdullah/PROPN , an Afghan politician , said .")
    assert (person.ref.code, person.ref.sector, person.ref.name) == (
        "AFG",
        "ELI",
        "Abdullah Abdullah",
    )


def test_a_title_followed_by_a_rank_is_one_person(resolver: ActorResolver) -> None:
    [mention] = find(resolver, "Spokesman Colonel Zhao/PROPN Wenhai/PROPN gave no details .")
    assert mention.ref.entity_text == "Spokesman Colonel Zhao Wenhai"
    assert (mention.ref.sector, mention.ref.name) == ("GOV", "Zhao Wenhai")


def test_hyphenated_given_names_stay_whole(resolver: ActorResolver) -> None:
    [mention] = find(resolver, "spokeswoman Lin/PROPN Yu/PROPN - chen said .")
    assert mention.ref.name == "Lin Yu-chen"


# --- document memory ---------------------------------------------------------------------------


def test_a_surname_after_a_titled_introduction_is_an_alias(resolver: ActorResolver) -> None:
    mentions = find(
        resolver,
        "Armenian Prime Minister Nikol Pashinyan wrote . Later Pashinyan said .",
    )
    alias = only(mentions, "Pashinyan")
    assert (alias.ref.code, alias.ref.sector, alias.ref.name, alias.kind) == (
        "ARM",
        "GOV",
        "Nikol Pashinyan",
        "alias",
    )


@pytest.mark.parametrize(
    "surname",
    ["Stepanyan", "Stepanyán"],
    ids=["as-written", "written-with-accents-first"],
)
def test_an_unknown_person_is_remembered_by_surname(resolver: ActorResolver, surname: str) -> None:
    mentions = find(
        resolver,
        f"Spokeswoman for the Armenian defense ministry Shushan/PROPN {surname}/PROPN said . "
        "Stepanyan/PROPN added .",
    )
    alias = only(mentions, "Stepanyan")
    assert (alias.ref.code, alias.ref.name, alias.kind) == ("ARM", f"Shushan {surname}", "alias")


def test_an_apposition_introduces_an_unknown_person(resolver: ActorResolver) -> None:
    mentions = find(
        resolver,
        "Artsrun/PROPN Hovhannisyan/PROPN , the Armenian defense ministry spokesman , said . "
        "Hovhannisyan/PROPN added .",
    )
    alias = only(mentions, "Hovhannisyan")
    assert (alias.ref.code, alias.ref.sector, alias.ref.name) == (
        "ARM",
        "GOV",
        "Artsrun Hovhannisyan",
    )


def test_a_surname_before_any_introduction_is_not_resolved(resolver: ActorResolver) -> None:
    assert find(resolver, "Stepanyan/PROPN said .") == []


def test_memory_does_not_outlive_a_document(resolver: ActorResolver) -> None:
    find(resolver, "Spokeswoman Shushan/PROPN Stepanyan/PROPN of Armenia said .")
    assert find(resolver, "Stepanyan/PROPN added .") == []


def test_he_prefers_the_previous_sentences_subject(resolver: ActorResolver) -> None:
    mentions = find(
        resolver,
        "Pashinyan/PROPN/nsubj sent a letter to Putin/PROPN/pobj . He/PRON/nsubj said so .",
    )
    he = only(mentions, "He")
    assert (he.ref.code, he.ref.name, he.kind) == ("ARM", "Nikol Pashinyan", "pronoun")


def test_without_a_subject_the_latest_person_is_chosen(resolver: ActorResolver) -> None:
    mentions = find(resolver, "a letter from Pashinyan to Putin . He said so .")
    assert only(mentions, "He").ref.name == "Vladimir Putin"


def test_possessive_and_object_pronouns_resolve(resolver: ActorResolver) -> None:
    mentions = find(
        resolver,
        "Maia Sandu/PROPN/nsubj spoke . In her/PRON/poss letter she thanked him . "
        "They saw her/PRON/dobj .",
    )
    resolved = [(m.ref.entity_text, m.ref.name) for m in mentions if m.kind == "pronoun"]
    # "him" finds no man to stand for.
    assert resolved == [("her", "Maia Sandu"), ("she", "Maia Sandu"), ("her", "Maia Sandu")]


MET_AND_PRAISED_HIM = """
Putin PROPN NNP nsubj 1 Putin
met VERB VBD ROOT 1 meet
Erdogan PROPN NNP dobj 1 Erdogan
and CCONJ CC cc 1 and
praised VERB VBD conj 1 praise
him PRON PRP dobj 4 he
. PUNCT . punct 1 .
"""

CALLED_URGING_HIM = """
Putin PROPN NNP nsubj 1 Putin
called VERB VBD ROOT 1 call
Erdogan PROPN NNP dobj 1 Erdogan
, PUNCT , punct 1 ,
urging VERB VBG advcl 1 urge
him PRON PRP dobj 4 he
to PART TO aux 7 to
leave VERB VB xcomp 4 leave
. PUNCT . punct 1 .
"""

ERDOGAN_WHO_URGED_HIM = """
Putin PROPN NNP nsubj 1 Putin
called VERB VBD ROOT 1 call
Erdogan PROPN NNP dobj 1 Erdogan
, PUNCT , punct 2 ,
who PRON WP nsubj 5 who
urged VERB VBD relcl 2 urge
him PRON PRP dobj 5 he
. PUNCT . punct 1 .
"""


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (MET_AND_PRAISED_HIM, "Recep Tayyip Erdogan"),
        (CALLED_URGING_HIM, "Recep Tayyip Erdogan"),
        (ERDOGAN_WHO_URGED_HIM, "Vladimir Putin"),
    ],
)
def test_an_object_pronoun_never_stands_for_its_clauses_subject(
    resolver: ActorResolver, sentence: str, name: str
) -> None:
    """It would have been "himself": the subject of a joined or hanging clause without one
    is its verb's, and a relative clause's "who" is the noun it describes."""
    him = only(resolver.find(parse(sentence)), "him")
    assert (him.kind, him.ref.name) == ("pronoun", name)


def test_it_and_they_are_never_resolved(resolver: ActorResolver) -> None:
    mentions = find(resolver, "Putin/PROPN/nsubj spoke . It was late and they left .")
    assert [m.kind for m in mentions] == ["person"]


def test_a_pronoun_far_from_any_person_is_not_resolved(resolver: ActorResolver) -> None:
    mentions = find(resolver, "Putin spoke . Rain fell . Snow fell . Wind blew . He left .")
    assert [m.ref.entity_text for m in mentions] == ["Putin"]


def test_a_ministry_spokesman_speaks_for_the_last_ministry(resolver: ActorResolver) -> None:
    mentions = find(
        resolver,
        "Russia 's defence ministry said so . "
        "ministry spokesman Major General Igor/PROPN Konashenkov/PROPN added .",
    )
    person = mentions[-1]
    assert (person.ref.code, person.ref.sector, person.ref.name, person.kind) == (
        "RUS",
        "GOV",
        "Igor Konashenkov",
        "person",
    )
    assert person.ref.other_sectors == ("MIL",)


def test_the_ministry_is_the_last_ministry_mentioned(resolver: ActorResolver) -> None:
    mentions = find(
        resolver,
        "The Armenian defense ministry accused Baku . Azerbaijan 's defense ministry denied it . "
        "The ministry said Terter was shelled .",
    )
    alias = only(mentions, "ministry")
    assert (alias.ref.code, alias.ref.sector, alias.ref.other_sectors, alias.kind) == (
        "AZE",
        "GOV",
        ("MIL",),
        "alias",
    )


def test_an_apposition_with_a_known_person_needs_no_country(resolver: ActorResolver) -> None:
    [mention] = find(resolver, "The foreign minister , Jean - Yves Le Drian , said .")
    assert (mention.ref.code, mention.ref.name, mention.kind) == (
        "FRA",
        "Jean-Yves Le Drian",
        "person",
    )


def test_the_name_after_a_title_wins_over_the_word_before(resolver: ActorResolver) -> None:
    mentions = find(
        resolver, "bombs fell on Baghuz/PROPN , a German woman , Laura/PROPN Hensel/PROPN , said"
    )
    assert [(m.ref.entity_text, m.ref.name) for m in mentions] == [
        ("German woman, Laura Hensel", "Laura Hensel")
    ]


def test_a_known_surname_after_an_unknown_first_name_is_someone_else(
    resolver: ActorResolver,
) -> None:
    assert find(resolver, "Hafez/PROPN al - Assad ruled .") == []
    assert find(resolver, "Ivanka/PROPN Trump spoke .") == []


def test_pronouns_agree_in_gender(resolver: ActorResolver) -> None:
    mentions = find(
        resolver,
        "Russian spokeswoman Maria Zakharova/PROPN/nsubj met Lavrov/PROPN . "
        "He/PRON/nsubj spoke . She/PRON/nsubj replied .",
    )
    resolved = [(m.ref.entity_text, m.ref.name) for m in mentions if m.kind == "pronoun"]
    assert resolved == [("He", "Sergei Lavrov"), ("She", "Maria Zakharova")]


def test_an_agent_after_a_resolved_possessive_takes_its_country(
    resolver: ActorResolver,
) -> None:
    mentions = find(resolver, "Najib Mikati/PROPN/nsubj said his/PRON/poss government objected .")
    government = only(mentions, "government")
    assert (government.ref.code, government.ref.sector, government.kind) == (
        "LBN",
        "GOV",
        "alias",
    )


SUMMONED_AND_IT_HALTED = """
Beijing PROPN NNP nsubj 1 Beijing
summoned VERB VBD ROOT 1 summon
the DET DT det 4 the
US PROPN NNP compound 4 US
envoy NOUN NN dobj 1 envoy
and CCONJ CC cc 1 and
it PRON PRP nsubj 7 it
{verb} VERB VBD {dep} {head} {lemma}
imports NOUN NNS dobj 7 import
. PUNCT . punct 1 .
"""


def test_it_in_a_joined_clause_is_the_institution_that_leads_the_first(
    resolver: ActorResolver,
) -> None:
    """ "Beijing summoned the US envoy, and it halted imports": "it" is Beijing, cited by
    the words that name it; after a verb of saying the event stage reads the speaker
    instead, and "it" is no mention of its own."""
    doc = parse(SUMMONED_AND_IT_HALTED.format(verb="halted", dep="conj", head=1, lemma="halt"))
    it = [m for m in resolver.find(doc) if m.kind == "pronoun"]
    assert [(m.token_start, m.ref.entity_text, m.ref.code) for m in it] == [(6, "Beijing", "CHN")]
    said = SUMMONED_AND_IT_HALTED.replace(
        "summoned VERB VBD ROOT 1 summon", "said VERB VBD ROOT 1 say"
    )
    doc = parse(said.format(verb="halted", dep="ccomp", head=1, lemma="halt"))
    assert [m for m in resolver.find(doc) if m.kind == "pronoun"] == []


def test_the_group_refers_back_to_the_group_named_last(resolver: ActorResolver) -> None:
    mentions = find(
        resolver,
        "Hezbollah/PROPN/nsubj fired rockets . The/DET/det group/NOUN/nsubj said so . "
        "The/DET/det militia/NOUN/nsubj left . He/PRON/nsubj stayed .",
    )
    group, militia = only(mentions, "group"), only(mentions, "militia")
    assert (group.ref.code, group.ref.sector, group.ref.name) == ("LBN", "REB", "Hezbollah")
    assert (militia.ref.code, militia.kind) == ("LBN", "alias")
    # The group is no person that "he" could refer to.
    assert [m.ref.entity_text for m in mentions if m.kind == "pronoun"] == []


def test_the_bloc_refers_back_to_the_organisation_named_last(resolver: ActorResolver) -> None:
    mentions = find(
        resolver,
        "Tokayev/PROPN/nsubj asked NATO/PROPN/dobj for help . The/DET/det bloc/NOUN/nsubj "
        "agreed . Hezbollah/PROPN/nsubj fired . The/DET/det alliance/NOUN/nsubj met .",
    )
    bloc, alliance = only(mentions, "bloc"), only(mentions, "alliance")
    assert (bloc.ref.code, bloc.kind) == ("IGO", "alias")
    assert alliance.ref.code == "IGO"  # an armed group named since is no organisation
    # With no organisation named before, "the bloc" is no mention.
    alone = find(resolver, "The/DET/det bloc/NOUN/nsubj agreed .")
    assert [m.ref.entity_text for m in alone] == []


@pytest.mark.parametrize(
    "text",
    [
        # a group of people, not an organisation
        "Hezbollah/PROPN/nsubj fired . The/DET/det group/NOUN/nsubj of/ADP/prep "
        "migrants/NOUN/pobj left .",
        # a group named right after the word
        "Hezbollah/PROPN/nsubj fired . The/DET/det group/NOUN/nsubj Amnesty/PROPN/appos said .",
        # a group named too long ago
        "Hezbollah/PROPN/nsubj fired . It/PRON/nsubj ran . It/PRON/nsubj hid . "
        "It/PRON/nsubj slept . The/DET/det group/NOUN/nsubj said .",
        # not a group anaphor after another determiner
        "Hezbollah/PROPN/nsubj fired . A/DET/det group/NOUN/nsubj said .",
    ],
)
def test_the_group_is_left_alone_where_it_names_no_earlier_group(
    resolver: ActorResolver, text: str
) -> None:
    mentions = find(resolver, text)
    assert [m for m in mentions if m.ref.entity_text == "group" and m.ref.code] == []
    assert all(m.kind != "person" for m in mentions if m.ref.code == "LBN")


# "Egypt said it would withdraw its troops at once ."
EGYPT_ITS_TROOPS = """
Egypt PROPN NNP nsubj 1 Egypt
said VERB VBD ROOT 1 say
it PRON PRP nsubj 4 it
would AUX MD aux 4 would
withdraw VERB VB ccomp 1 withdraw
its PRON PRP$ poss 6 its
troops NOUN NNS dobj 4 troop
at ADP IN prep 4 at
once ADV RB pobj 7 once
. PUNCT . punct 1 .
"""
# "Israel 's army said its drones struck ."
ISRAEL_ITS_DRONES = """
Israel PROPN NNP poss 2 Israel
's PART POS case 0 's
army NOUN NN nsubj 3 army
said VERB VBD ROOT 3 say
its PRON PRP$ poss 5 its
drones NOUN NNS nsubj 6 drone
struck VERB VBD ccomp 3 strike
. PUNCT . punct 3 .
"""
# "Putin said its troops left ." and "Iranian officials said its troops left ."
SAID_ITS_TROOPS = """
said VERB VBD ROOT {at} say
its PRON PRP$ poss {troops} its
troops NOUN NNS nsubj {left} troop
left VERB VBD ccomp {at} leave
. PUNCT . punct {at} .
"""


@pytest.mark.parametrize(
    "owner",
    [
        ["Putin PROPN NNP nsubj 1 Putin"],
        ["Iranian ADJ JJ amod 1 Iranian", "officials NOUN NNS nsubj 2 official"],
    ],
)
def test_its_is_not_a_person_nor_a_group_of_many(resolver: ActorResolver, owner: list[str]) -> None:
    said = len(owner)
    rows = SAID_ITS_TROOPS.format(at=said, troops=said + 2, left=said + 3)
    mentions = resolver.find(parse("\n".join(owner) + rows))
    assert only(mentions, "troops").ref.code is None
    assert mentions[0].ref.code in ("RUS", "IRN")


def test_a_weapon_after_an_unresolved_its_is_no_actor(resolver: ActorResolver) -> None:
    text = ISRAEL_ITS_DRONES.replace("Israel PROPN NNP", "The DET DT").replace(
        "'s PART POS case 0 's", "main ADJ JJ amod 2 main"
    )
    assert [m.ref.entity_text for m in resolver.find(parse(text))] == ["army"]


# "Israel said its troops moved in and its warplanes struck ."
ISRAEL_ITS_TWICE = """
Israel PROPN NNP nsubj 1 Israel
said VERB VBD ROOT 1 say
its PRON PRP$ poss 3 its
troops NOUN NNS nsubj 4 troop
moved VERB VBD ccomp 1 move
in ADV RB prt 4 in
and CCONJ CC cc 4 and
its PRON PRP$ poss 8 its
warplanes NOUN NNS nsubj 9 warplane
struck VERB VBD conj 4 strike
. PUNCT . punct 1 .
"""


def test_its_after_its_has_the_same_owner_further_up(resolver: ActorResolver) -> None:
    """The clause above the second "its" has "its troops" for subject, which is owned
    too: both are Israel's."""
    mentions = resolver.find(parse(ISRAEL_ITS_TWICE))
    assert [(m.ref.entity_text, m.ref.code) for m in mentions] == [
        ("Israel", "ISR"),
        ("troops", "ISR"),
        ("warplanes", "ISR"),
    ]


# "Sudan 's army fought . Army warplanes struck ." and the same without the army named.
ARMY_WARPLANES = """
Army PROPN NNP compound 1 Army
warplanes NOUN NNS nsubj 2 warplane
struck VERB VBD ROOT 2 strike
. PUNCT . punct 2 .
"""
SUDANS_ARMY = """
Sudan PROPN NNP poss 2 Sudan
's PART POS case 0 's
army NOUN NN nsubj 3 army
fought VERB VBD ROOT 3 fight
. PUNCT . punct 3 .
"""


def test_weapons_an_institution_opens_are_that_institutions_once_it_is_named(
    resolver: ActorResolver,
) -> None:
    shifted = "\n".join(
        " ".join([*row.split()[:4], str(int(row.split()[4]) + 5), row.split()[5]])
        for row in ARMY_WARPLANES.strip().splitlines()
    )
    mentions = resolver.find(parse(SUDANS_ARMY + shifted))
    assert [(m.ref.entity_text, m.ref.code) for m in mentions] == [
        ("Sudan's army", "SDN"),
        ("Army warplanes", "SDN"),
    ]
    # No army named before: whose the warplanes are is unknown, and they are no actor.
    assert resolver.find(parse(ARMY_WARPLANES)) == []


def test_a_doc_without_any_annotation_is_read(resolver: ActorResolver) -> None:
    doc = Doc(VOCAB, words=["He", "met", "Putin", "and", "he", "left"])
    mentions = resolver.find(doc)
    assert [(m.ref.entity_text, m.kind) for m in mentions] == [
        ("Putin", "person"),
        ("he", "pronoun"),
    ]
    assert resolver.find(Doc(VOCAB, words=[])) == []


# --- invariants ------------------------------------------------------------------------------

WORDS = [
    "Armenian", "defense", "ministry", "Azerbaijan", "'s", "Russian", "President",
    "Vladimir", "Putin", "Pashinyan", "He", "his", "the", "of", "for", ",", ".", "-",
    "Karabakh", "Nagorno", "ethnic", "separatists", "troops", "UN", "Hamas", "former",
    "said", "Yerevan", "in", "Shushan", "Stepanyan", "pro", "anti", "government", "led",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_mentions_are_sorted_disjoint_and_traceable(
    resolver: ActorResolver, words: list[str]
) -> None:
    doc = annotated_doc(" ".join(words))
    mentions = resolver.find(doc)
    for first, second in itertools.pairwise(mentions):
        assert first.token_end <= second.token_start
    for mention in mentions:
        assert mention.token_start < mention.token_end
        assert doc.text[mention.ref.start : mention.ref.end] == mention.ref.entity_text
        assert mention.kind in {"country", "agent", "person", "igo", "group", "alias", "pronoun"}


def test_a_lone_region_word_stands_for_the_name_it_shares(resolver: ActorResolver) -> None:
    # "North and South Korea": the lone word is North Korea; a lower-case or unknown pairing
    # ("north and South Korea", "North and South Sudan", no "North Sudan") gives nothing.
    mentions = find(resolver, "North and South Korea agreed to resume talks .")
    assert [(m.ref.entity_text, m.ref.code) for m in mentions] == [
        ("North", "PRK"),
        ("South Korea", "KOR"),
    ]
    lower = find(resolver, "troops from north and South Korea met .")
    assert [m.ref.entity_text for m in lower] == ["troops", "South Korea"]
    assert [m.ref.code for m in find(resolver, "North and South Sudan met .")] == ["SSD"]


JOINED_DEMONYMS = """
Pakistani ADJ JJ amod 3 Pakistani
and CCONJ CC cc 0 and
Indian ADJ JJ conj 0 Indian
troops NOUN NNS nsubj 4 troop
clashed VERB VBD ROOT 4 clash
. PUNCT . punct 4 .
"""


def test_a_demonym_joined_to_an_agents_own_is_an_agent_too(resolver: ActorResolver) -> None:
    # "Pakistani and Indian troops": Pakistani troops too, not a bare adjective.
    mentions = resolver.find(parse(JOINED_DEMONYMS))
    assert [(m.ref.entity_text, m.ref.code, m.ref.sector, m.kind) for m in mentions] == [
        ("Pakistani", "PAK", "MIL", "agent"),
        ("Indian troops", "IND", "MIL", "agent"),
    ]
    # Without the parse hanging the first word on the agent, it stays a bare adjective.
    unparsed = find(resolver, "Pakistani and Indian troops clashed .")
    assert [m.ref.entity_text for m in unparsed] == ["Indian troops"]
