"""``citypairs extract-jsonl | eval | train``: the labelled corpora, read and
scored without a database, and the pair scorer trained on them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flows.cli import ModelOption, _fail, _settings, app, out
from models.errors import CitypairsError, ConfigError


@app.command("extract-jsonl")
def extract_jsonl(
    input_path: Annotated[Path, typer.Argument(metavar="IN.jsonl", help="Documents: id, text, published")],
    output_path: Annotated[Path, typer.Argument(metavar="OUT.jsonl", help="One line of partnerships per document")],
    model: ModelOption = None,
) -> None:
    """Extract partnerships from a JSONL file of documents, without a database.

    Example: citypairs extract-jsonl ../shared/corpus/dev.jsonl predictions.jsonl
    """
    from extractors.corpus_io import extract_file

    try:
        n = extract_file(_settings(model=model), input_path, output_path)
    except CitypairsError as exc:
        _fail(exc)
    out.print(f"{n} documents written to {output_path}")


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(metavar="GOLD.jsonl", help="Labelled documents")],
    errors: Annotated[bool, typer.Option("--errors", help="List every false positive and negative.")] = False,
    predictions: Annotated[Path | None, typer.Option(metavar="PATH", help="Score this extract-jsonl output instead "
                           "of extracting now.")] = None,
    cv: Annotated[bool, typer.Option("--cv", help="Cross-validate instead: retrain the pair scorer per fold "
                  "of GOLD, split by source, and score each fold with the model that never saw it. For the "
                  "training corpus only.")] = False,
    model: ModelOption = None,
) -> None:
    """Score extraction against labelled documents.

    Pair, event, relation, date and theme scores, precision per confidence, and per-slice rows.

    Example: citypairs eval ../shared/corpus/dev.jsonl --errors
    """
    from extractors.corpus_io import evaluate_file

    try:
        if cv:
            from extractors.training import cv_report

            report = cv_report(_settings(model=model), gold)
        else:
            report = evaluate_file(_settings(model=model), gold, predictions, errors=errors)
    except CitypairsError as exc:
        _fail(exc)
    out.print(report, highlight=False)


@app.command()
def train(
    corpus: Annotated[list[Path] | None, typer.Argument(metavar="CORPUS.jsonl", help="Labelled training "
                      "documents, never dev.jsonl or dev2.jsonl (default: ../shared/corpus/train.jsonl)")] = None,
    output: Annotated[Path, typer.Option("--out", metavar="PATH", help="Where to write the model")] = Path(
        "extractors/data/pair_scorer.json"),
    model: ModelOption = None,
) -> None:
    """Rebuild the pair scorer from labelled documents.

    The same corpus gives the same model file; prints cross-validated figures and strong features.

    Example: citypairs train ../shared/corpus/train.jsonl
    """
    from extractors.training import train as fit_scorer

    corpora = corpus or [Path("../shared/corpus/train.jsonl")]
    held_out = [p for p in corpora if p.name.startswith("dev")]
    if held_out:
        _fail(ConfigError(str(held_out[0]), ["is a measuring corpus: never train on it"]))
    try:
        _, report = fit_scorer(_settings(model=model), corpora, output)
    except CitypairsError as exc:
        _fail(exc)
    out.print(report, highlight=False)
