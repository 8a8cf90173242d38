"""Reading a researcher's reference list: CSV, Excel, JSON, or a Wikidata
SPARQL result, into typed rows with their line numbers.

Every format ends as the same :class:`ListRow`: the seven fields citypairs
knows (``taiwan_side``, ``partner``, ``partner_country``, ``relation``,
``established``, ``ended``, ``note``) plus the cells as read. Which column
holds which field comes from the source entry's ``columns`` table; where it
says nothing, a column whose header is the field name or a common synonym
(in English or Chinese) is taken. Cells are cut to a bounded length and the
number of rows is bounded, so a hostile file cannot grow without limit.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from models.errors import CitypairsError

FIELDS = ("taiwan_side", "partner", "partner_country", "relation", "established", "ended", "note")
# Headers taken for a field when the source entry maps nothing (compared
# without case, spaces, underscores or hyphens).
SYNONYMS = {
    "taiwan_side": ("taiwan_side", "taiwan", "taiwan city", "taiwanese city", "city", "county/city", "縣市",
                    "臺灣城市", "台灣城市", "本市", "itemlabel", "item"),
    "partner": ("partner", "partner city", "partner_city", "sister city", "foreign city", "twinlabel", "twin",
                "締約城市", "姊妹市", "姐妹市", "城市", "友好城市"),
    "partner_country": ("partner_country", "country", "partner country", "twincountrylabel", "countrylabel",
                        "國家", "國別"),
    "relation": ("relation", "relationship", "type", "kind", "類型", "關係", "種類"),
    "established": ("established", "since", "year", "date", "signed", "start", "starttime", "start_time",
                    "締約日期", "締結日期", "締約年", "締盟日期", "日期"),
    "ended": ("ended", "end", "endtime", "end_time", "terminated", "終止", "終止日期"),
    "note": ("note", "notes", "remark", "remarks", "comment", "備註", "說明"),
}
SUFFIXES = (".csv", ".tsv", ".xlsx", ".xls", ".json")
MAX_ROWS = 100_000
MAX_CELL = 500
# Wikidata labels that fell back to the entity id ("Q12345") name nothing.
_QID = re.compile(r"^Q\d+$")


class ListError(CitypairsError):
    """A reference list that cannot be read at all, naming the file."""

    def __init__(self, path: Path, message: str):
        self.path = path
        super().__init__(f"{path}: {message}")


@dataclass(frozen=True, slots=True)
class ListRow:
    line: int  # as a spreadsheet numbers it: header = 1, first row = 2; JSON: item number from 1
    fields: dict[str, str]  # field name -> cell text ('' where empty)
    cells: dict[str, str]  # every cell as read, for provenance


def read_list(path: Path, columns: dict[str, str] | None = None, sheet: str | None = None,
              max_bytes: int = 50_000_000) -> list[ListRow]:
    """The rows of a reference list file. Raises ListError for a file that
    cannot be read as a list at all (missing, too big, not a table)."""
    if path.is_symlink() or not path.is_file():
        raise ListError(path, "not a regular file" if path.exists() else "file not found")
    if path.stat().st_size > max_bytes:
        raise ListError(path, f"larger than {max_bytes:,} bytes")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ListError(path, f"{suffix or 'no extension'}: a reference list is one of {', '.join(SUFFIXES)}")
    if suffix == ".json":
        records, first_line = _json_records(path), 1
    else:
        records, first_line = _table_records(path, suffix, sheet), 2
    if len(records) > MAX_ROWS:
        raise ListError(path, f"more than {MAX_ROWS:,} rows")
    if not records:
        raise ListError(path, "no rows")
    headers = list(dict.fromkeys(h for r in records for h in r))
    mapping = _mapping(path, headers, columns or {})
    return [ListRow(line=first_line + i, fields={f: record.get(h, "") for f, h in mapping.items()}, cells=record)
            for i, record in enumerate(records)]


def _mapping(path: Path, headers: list[str], columns: dict[str, str]) -> dict[str, str]:
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        raise ListError(path, f"columns: unknown field {', '.join(unknown)} (known: {', '.join(FIELDS)})")
    missing = [h for h in columns.values() if h not in headers]
    if missing:
        raise ListError(path, f"columns: no column {', '.join(map(repr, missing))} (the file has "
                              f"{', '.join(map(repr, headers[:12]))})")
    mapping = dict(columns)
    taken = set(mapping.values())
    for field in FIELDS:
        if field in mapping:
            continue
        # Synonyms in their order of preference: a Wikidata label before its entity URI.
        header = next((h for s in SYNONYMS[field] for h in headers if h not in taken and _plain(h) == _plain(s)),
                      None)
        if header is not None:
            mapping[field] = header
            taken.add(header)
    for need in ("taiwan_side", "partner"):
        if need not in mapping:
            raise ListError(path, f"no column for '{need}': name it in the source's columns table "
                                  f"(the file has {', '.join(map(repr, headers[:12]))})")
    return mapping


def _plain(header: str) -> str:
    return re.sub(r"[\s_\-]+", "", header).lower()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN: an empty spreadsheet cell
        return ""
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a year typed into Excel reads back as 1982.0
    text = str(value).replace("\x00", "").strip()
    return text[:MAX_CELL]


def _table_records(path: Path, suffix: str, sheet: str | None) -> list[dict[str, str]]:
    import pandas as pd

    try:
        if suffix in (".xlsx", ".xls"):
            frame = pd.read_excel(path, sheet_name=sheet or 0, dtype=object)
        else:
            frame = pd.read_csv(path, sep="\t" if suffix == ".tsv" else None, engine="python", dtype=str,
                                keep_default_na=False, encoding="utf-8-sig", nrows=MAX_ROWS + 1)
    except UnicodeDecodeError:
        raise ListError(path, "not UTF-8 text (save the list as UTF-8 CSV)") from None
    except (ValueError, KeyError, OSError, pd.errors.ParserError) as exc:
        raise ListError(path, f"cannot be read as a table ({str(exc).splitlines()[0] if str(exc) else exc})") from None
    except Exception as exc:  # noqa: BLE001 - openpyxl raises its own zoo on a corrupt workbook
        raise ListError(path, f"cannot be read as a workbook ({exc.__class__.__name__})") from None
    frame.columns = [_cell(c) or f"column {i + 1}" for i, c in enumerate(frame.columns)]
    return [{h: _cell(v) for h, v in zip(frame.columns, row)} for row in frame.itertuples(index=False)]


def _json_records(path: Path) -> list[dict[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise ListError(path, "not UTF-8 text") from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ListError(path, f"not valid JSON ({exc.__class__.__name__})") from None
    if isinstance(data, dict) and isinstance(data.get("results"), dict) and "bindings" in data["results"]:
        items = data["results"]["bindings"]
        if not isinstance(items, list):
            raise ListError(path, "results.bindings is not a list")
        return [_binding(b) for b in items if isinstance(b, dict)]
    if isinstance(data, dict):
        data = next((v for v in data.values() if isinstance(v, list)), None)
    if not isinstance(data, list):
        raise ListError(path, "expected a list of objects, {\"rows\": [...]}, or a SPARQL JSON result")
    return [{str(k): _cell(v) for k, v in item.items() if not isinstance(v, dict | list)}
            for item in data if isinstance(item, dict)]


def _binding(binding: dict) -> dict[str, str]:
    """One SPARQL result row: each variable's value; an entity label that
    is only the entity id is left empty (Wikidata had no label)."""
    out = {}
    for var, cell in binding.items():
        value = _cell(cell.get("value")) if isinstance(cell, dict) else ""
        if var.endswith("Label") and _QID.match(value):
            value = ""
        out[str(var)] = value
    return out
