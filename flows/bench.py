"""``citypairs bench``: extraction speed and memory on a generated corpus.

Both figures come from the same run on the same texts: (a) bare
``nlp.pipe`` of the configured spaCy model with all its components, and (b)
citypairs extraction end to end, from text stored in a database to mentions
stored in it. Ratios between them are what to compare across machines.
"""

from __future__ import annotations

import random
import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import spacy

from extractors.parallel import MIN_DOCUMENTS, extract_all
from extractors.pipeline import build_pipeline, extractor_version
from models.records import DocumentInput, ParsedDocument
from models.settings import Settings
from models.store import Store

TAIWAN = ["Taipei", "Kaohsiung", "Taichung", "Tainan", "Taoyuan", "New Taipei", "Hsinchu County", "Yilan"]
ABROAD = [("Houston", "the United States"), ("Prague", "the Czech Republic"), ("Sendai", "Japan"),
          ("Jonava", "Lithuania"), ("Cebu City", "the Philippines"), ("Daegu", "South Korea"),
          ("Matsuyama", "Japan"), ("Makati", "the Philippines")]
FILLER = ("The delegation toured the port, a science park and a night market, and officials spoke about "
          "exchanges of students, farmers and engineers. Local businesses hope the visit will bring new "
          "investment and more tourists, while schools plan summer programmes for young people. ")


@dataclass(frozen=True, slots=True)
class LengthResult:
    chars: int
    seconds: float


@dataclass(frozen=True, slots=True)
class BenchResult:
    documents: int
    words: int
    bare_words_per_s: float
    citypairs_words_per_s: float
    peak_rss_mb: float
    mentions: int
    lengths: tuple[LengthResult, ...] = ()

    @property
    def ratio(self) -> float:
        return self.citypairs_words_per_s / self.bare_words_per_s


def article(rng: random.Random, i: int) -> str:
    tw = rng.choice(TAIWAN)
    city, country = rng.choice(ABROAD)
    lead = (f"{tw} and {city} in {country} signed a sister city agreement on Friday, the mayors said, "
            f"after two years of talks on trade, tourism and education.")
    body = " ".join(FILLER for _ in range(rng.randint(3, 6)))
    return f"Story {i}: {tw} and {city} sign pact\n\n{lead}\n\n{body}\n\nThe two cities will review the tie in 2027."


def run_bench(settings: Settings, documents: int = 2000, seed: int = 1) -> BenchResult:
    rng = random.Random(seed)
    texts = [article(rng, i) for i in range(documents)]
    words = sum(len(t.split()) for t in texts)

    bare = spacy.load(settings.spacy_model)
    start = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=settings.batch_size):
        pass
    bare_rate = words / (time.perf_counter() - start)
    del bare

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        for i, text in enumerate(texts):
            store.add_document("bench", f"bench/{i}", len(text), ParsedDocument(
                sha256=f"{i:064x}", media_type="text/plain", text=text))
        build_pipeline(settings.spacy_model, str(settings.cache_dir), settings.pair_scorer)  # loading is not extraction
        version = extractor_version(settings.spacy_model, settings.pair_scorer)
        start = time.perf_counter()
        ids = store.documents_to_extract(version)
        found = list(extract_all(settings.spacy_model, str(settings.cache_dir), store.load_inputs(ids),
                                 settings.batch_size, settings.processes, settings.pair_scorer))
        stored = store.replace_mentions(found, version)
        ours = words / (time.perf_counter() - start)
        store.close()
    # Upper bound for all processes together: this one plus its largest worker per worker.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    peak = own + (workers * settings.processes if documents >= MIN_DOCUMENTS and settings.processes > 1 else 0)
    return BenchResult(documents, words, bare_rate, ours, peak, stored, lengths=long_documents(settings, rng))


LONG_SIZES = (100_000, 1_000_000)


def long_documents(settings: Settings, rng: random.Random) -> tuple[LengthResult, ...]:
    """Seconds to extract one document of each size, made of articles end to
    end: time per document should grow about linearly with its length."""
    from extractors.parallel import limits_of
    from extractors.pipeline import extract

    nlp = build_pipeline(settings.spacy_model, str(settings.cache_dir), settings.pair_scorer)
    out = []
    for size in LONG_SIZES:
        text = ""
        while len(text) < size:
            text += article(rng, len(text)) + "\n\n"
        start = time.perf_counter()
        list(extract(nlp, [DocumentInput(key="long", text=text[:size])], settings.batch_size, limits_of(settings)))
        out.append(LengthResult(size, time.perf_counter() - start))
    return tuple(out)
