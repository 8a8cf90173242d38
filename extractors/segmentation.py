"""spaCy component ``citypairs_lines``: a line break ends a sentence.

Captured pages carry menus, captions and headlines on lines of their own;
without this the parser glues them to the next sentence, and a headline's
place names end up in the evidence of the story's first sentence. The
parser keeps boundaries set before it runs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("citypairs_lines")
def split_lines(doc: Doc) -> Doc:
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text_with_ws and not token.is_space or token.is_space and "\n" in token.text:
            doc[i + 1].is_sent_start = True
    return doc
