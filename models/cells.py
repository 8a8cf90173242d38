"""Cells a spreadsheet would run: a value that starts with '=', '+', '-' or
'@' (or a tab or carriage return before one) is a formula to Excel and
LibreOffice, so an analyst-typed place such as '=HYPERLINK(...)' would
become a live link in a download. Such text cells get a leading apostrophe,
which spreadsheets show as text; numbers and dates are left alone."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def inert_frame(frame):
    """The same pandas frame with every text cell made inert."""
    from pandas.api.types import is_bool_dtype, is_datetime64_any_dtype, is_numeric_dtype

    out = frame.copy()
    for column in out.columns:
        dtype = out[column].dtype
        if not (is_numeric_dtype(dtype) or is_bool_dtype(dtype) or is_datetime64_any_dtype(dtype)):
            out[column] = out[column].map(inert)  # text in any of pandas' string dtypes
    return out
