"""Place names inside an organisation's name ('Kaohsiung Port', 'the
Taipei Economic and Cultural Office in Guam', 'Taichung-based Giant'): the
organisation is no government and its place no party."""

from __future__ import annotations

import re

from extractors.councils import council_acts, council_of

# Nouns that turn a place name into an organisation when they follow it.
ORG_NOUNS = frozenset(
    """zoo university college school hospital council councillor councillors councilor councilors port harbor harbour
    airport station office bank company corp corporation inc ltd co group association chamber
    museum library team club police court assembly legislature party times post news daily
    tribune herald journal fc stadium park district-court bureau department ministry agency
    institute academy foundation society federation union committee commission firm firms company's
    manufacturer maker makers factory plant supplier startup enterprise holdings industries
    technologies electronics railway railways railroad railroads airline airlines hotel temple shrine""".split()
)
# Words that may sit between a place name and an organisation noun.
ORG_FILLERS = frozenset({"city", "county", "municipal", "metropolitan", "prefectural", "state", "provincial",
                         "international", "national", "public", "general"})
# Capitalised words that end a name: a tie or an office follows the place.
_NAME_BREAKS = frozenset({"sister", "friendship", "friendly", "twin", "partner", "mayor", "governor", "magistrate",
                          "deputy"})
_OFFICE_AFTER = re.compile(r"\s+(?:Economic|Trade)\s+and\s+Cultural\s+(?:Representative\s+)?Office", re.I)


def is_org(text: str, start: int, end: int, division=lambda name: False) -> bool:
    """Whether the name at ``start:end`` is part of an organisation's name;
    ``division(name)`` tells a division's name, which may follow a town after
    a comma whatever its words ('San Fernando, La Union')."""
    if council_acts(text, end) or council_of(text, start, end) or (  # ('the Xitun District Office': its government)
            text[start:end].endswith(("District", "Township")) and re.match(r"\s+Office\b", text[end:end + 8])) or (
            (m := _COMMA_NAME.match(text, end)) and division(m.group(1))):
        return False
    if re.match(r"[-\s](?:based|born|raised|headquartered)\b", text[end:end + 14]):
        return True  # 'Taichung-based Giant Manufacturing', 'Tainan-born artist Chen'
    if re.search(r"\b(?:based|headquartered)\s+in\s+(?:the\s+)?$", text[max(0, start - 22):start]):
        return True  # 'Hon Hai, based in New Taipei, signed …': where a firm sits
    if _OFFICE_AFTER.match(text, end):
        return True  # 'Taipei Economic and Cultural Office in Guam': Taiwan's mission, not Taipei
    # Hyphened words stay whole: 'Bellevue co-hosted' is no company ('Co.').
    # (the name's own sentence: '…with Taitung County, Taiwan. Council member Doe said' names no council of it)
    after = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", re.split(r"[.!?;]\s|\n", text[end:end + 40])[0])[:3]
    for word in after:
        w = word.lower()
        if w in ORG_NOUNS:
            return True
        # 'Hilton Tokyo Narita Airport': a name inside a longer capitalised
        # name that ends in an organisation noun; a tie word ends the scan.
        if w not in ORG_FILLERS and (not word[0].isupper() or w in _NAME_BREAKS):
            break
    if re.search(r"\b(?:Office|Embassy|Consulate|Mission|Representation)\s+$", text[max(0, start - 20):start]):
        return True  # 'the British Office Taipei': where a nation's office sits
    before = text[max(0, start - 20):start].lower()
    if re.search(r"\b(?:universit(?:y|ies)|ports?|banks?|museums?|zoos?|councils?|airports?)\s+of\s+(?:the\s+)?$", before):
        return True
    # 'Ports of Kaohsiung and Busan': the second of a pair under one such noun.
    return bool(re.search(r"\b(?:ports|universities|councils|airports)\s+of\s+[A-Z][\w'’ -]{1,30}\s+and\s+$",
                          text[max(0, start - 60):start], re.I))


_COMMA_NAME = re.compile(r",\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
