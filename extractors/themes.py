"""What a partnership is about: keyword themes from ``data/themes.toml``.

The lexicon compiles into one regular expression per language: English
entries on word boundaries, any case, a trailing ``*`` for any ending; Chinese
entries as plain substrings. Entries are tried longest first, so the longest
entry starting at a position wins. English hits do not overlap; Chinese,
having no spaces, is matched at every position ('擴大學生' gives both 大學 and
學生) and a hit inside a longer one is dropped (經濟 inside 循環經濟). Entries
starting with ``!`` are exclusions: they give no theme and hide what they
contain.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.gazetteer.names import fold_characters
from models.errors import ConfigError
from models.records import Theme

DEFAULT_PATH = Path(__file__).parent / "data" / "themes.toml"
LANGS = ("en", "zh")


@dataclass(frozen=True, slots=True)
class ThemeHit:
    theme: Theme
    start: int
    end: int
    keyword: str  # the lexicon entry, as written ('invest*'), not the matched text


_SEP, _WILD = "\x00", "\x01"  # trie units: between words, any ending
_SEPARATORS = re.compile(r"[\s\-]+")


def _key(text: str) -> str:
    """Lookup form of an entry or of matched text: lowercase, no separators."""
    return _SEPARATORS.sub("", text.casefold())


@dataclass(frozen=True, slots=True)
class _Matcher:
    regex: re.Pattern[str]  # group 1 spans a hit
    exact: dict[str, tuple[Theme | None, str]]  # key -> (theme, entry); None = exclusion
    prefixes: dict[str, tuple[Theme | None, str]]  # the same for entries ending in '*'
    lengths: tuple[int, ...]  # of the prefixes, longest first
    folds: bool = False  # Chinese: traditional, simplified and Japanese forms read alike ('經貿', '经贸')

    def entry(self, matched: str) -> tuple[Theme | None, str]:
        key = _key(matched)
        if key in self.exact:
            return self.exact[key]
        # (None, ...) only where case folding and the regex disagree: no theme then.
        return next((self.prefixes[key[:n]] for n in self.lengths if key[:n] in self.prefixes),
                    (None, matched))


@dataclass(frozen=True, slots=True)
class Lexicon:
    entries: dict[str, tuple[tuple[Theme | None, str], ...]]  # language -> (theme, entry)
    matchers: tuple[_Matcher, ...]


def _units(entry: str, lang: str) -> list[str]:
    words = _SEPARATORS.split(entry.lstrip("!").rstrip("*").strip()) if lang == "en" else [
        entry.lstrip("!")]
    units = list(_SEP.join(words))
    return units + [_WILD] if entry.endswith("*") else units


def _trie_regex(node: dict) -> str:
    """Regex of a trie: longer continuations are tried before stopping."""
    alts = [(r"[\s\-]*" if u == _SEP else re.escape(u)) + _trie_regex(node[u])
            for u in sorted(node) if u not in ("", _WILD)]
    if _WILD in node:
        alts.append("[a-z]*")
    if not alts:
        return ""
    if "" in node:
        return "(?:" + "|".join(alts) + ")?"
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _compile(lang: str, keys: list[tuple[Theme | None, str]]) -> _Matcher | None:
    if not keys:
        return None
    trie: dict = {}
    exact, prefixes = {}, {}
    folds = lang != "en"
    for theme, written in keys:
        entry = fold_characters(written) if folds else written
        node = trie
        for unit in _units(entry, lang):
            node = node.setdefault(unit, {})
        node[""] = {}
        target = prefixes if entry.endswith("*") else exact
        # (the first entry written of those that fold alike names the hit)
        target.setdefault(_key(entry.lstrip("!").rstrip("*")), (theme, written))
    body = _trie_regex(trie)
    if lang == "en":  # whole words, one hit after another
        rx = rf"(?<![A-Za-z0-9])({body})(?![A-Za-z0-9])"
    else:  # at every position: no spaces to say where words start
        rx = f"(?=({body}))"
    lengths = tuple(sorted({len(k) for k in prefixes}, reverse=True))
    return _Matcher(re.compile(rx, re.IGNORECASE), exact, prefixes, lengths, folds)


def _check_entry(where: str, entry: object, problems: list[str]) -> str | None:
    if not isinstance(entry, str) or not entry.strip():
        problems.append(f"{where}: entries must be non-empty strings, got {entry!r}")
        return None
    bare = entry.strip().lstrip("!")
    if not bare.rstrip("*") or "*" in bare.rstrip("*") or bare.endswith("**"):
        problems.append(f"{where}: {entry!r}: '*' may only end an entry")
        return None
    return entry.strip()


def _parse(data: dict, problems: list[str]) -> dict[str, list[tuple[Theme | None, str]]]:
    known = {t.value for t in Theme}
    entries: dict[str, list[tuple[Theme | None, str]]] = {lang: [] for lang in LANGS}
    seen: dict[tuple[str, str, bool], str] = {}
    for name, table in data.items():
        if name not in known:
            problems.append(f"unknown theme {name!r} (known: {', '.join(sorted(known))})")
            continue
        if not isinstance(table, dict):
            problems.append(f"[{name}] must be a table with en = [...] and zh = [...]")
            continue
        for key in table.keys() - set(LANGS):
            problems.append(f"[{name}] unknown key {key!r} (expected en, zh)")
        for lang in LANGS:
            values = table.get(lang, [])
            if not isinstance(values, list):
                problems.append(f"[{name}] {lang} must be a list of strings")
                continue
            for value in values:
                entry = _check_entry(f"[{name}] {lang}", value, problems)
                if entry is None:
                    continue
                if lang == "zh" and entry.endswith("*"):
                    problems.append(f"[{name}] zh: {entry!r}: no '*' in Chinese entries")
                    continue
                key = (lang, _key(entry.lstrip("!")), entry.endswith("*"))
                if key in seen:
                    problems.append(f"[{name}] {lang}: {entry!r} already in [{seen[key]}]")
                    continue
                seen[key] = name
                theme = None if entry.startswith("!") else Theme(name)
                entries[lang].append((theme, entry.casefold()))
    return entries


@lru_cache(maxsize=8)
def _load(path: str) -> Lexicon:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(path, [f"cannot read the theme lexicon: {exc}"]) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(path, [f"not valid TOML: {exc}"]) from exc
    problems: list[str] = []
    entries = _parse(data, problems)
    if problems:
        raise ConfigError(path, problems)
    matchers = tuple(m for lang in LANGS if (m := _compile(lang, entries[lang])) is not None)
    return Lexicon({lang: tuple(v) for lang, v in entries.items()}, matchers)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The compiled lexicon (cached per path); ConfigError lists every problem."""
    return _load(str(path if path is not None else DEFAULT_PATH))


def find_themes(text: str, lexicon: Lexicon | None = None) -> list[ThemeHit]:
    """Every keyword hit in ``text``, in text order, with offsets for highlighting."""
    lexicon = lexicon or load_lexicon()
    raw: list[tuple[int, int, Theme | None, str]] = []
    folded = None
    for matcher in lexicon.matchers:
        if matcher.folds and folded is None:
            folded = fold_characters(text)  # one for one: offsets hold
        for m in matcher.regex.finditer(folded if matcher.folds else text):
            theme, keyword = matcher.entry(m.group(1))
            raw.append((*m.span(1), theme, keyword))
    raw.sort(key=lambda r: (r[0], -r[1]))
    hits: list[ThemeHit] = []
    reach = -1
    for start, end, theme, keyword in raw:
        if end > reach:  # not inside an earlier, longer hit
            if theme is not None and not _surname(text, start, end, keyword):
                hits.append(ThemeHit(theme, start, end, keyword))
            reach = end
    return hits


# Theme words that are also English surnames: 'Mayor Steve Young' speaks of no youth.
_SURNAMES = frozenset({"young", "rice", "farmer*", "fisher*"})
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")
_SPEAKS_AFTER = re.compile(r"\s+(?:said|says|told|added|noted|also|has|had|was|is|will|and|who)\b|['’]s\b|,")


def _surname(text: str, start: int, end: int, keyword: str) -> bool:
    """A capitalised theme word that is a surname: after a given name or a
    title ('Steve Young', 'Mayor Young'), or speaking ('Young said')."""
    return keyword in _SURNAMES and text[start:start + 1].isupper() and (
        _NAME_BEFORE.search(text, max(0, start - 30), start) is not None or _SPEAKS_AFTER.match(text, end) is not None)


_ORDER = {theme: i for i, theme in enumerate(Theme)}


def themes_of(text: str, lexicon: Lexicon | None = None) -> tuple[Theme, ...]:
    """The distinct themes of ``text``, in taxonomy order."""
    return tuple(sorted({hit.theme for hit in find_themes(text, lexicon)}, key=_ORDER.__getitem__))
