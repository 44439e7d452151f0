"""The data contract: the descriptor validates, and every row is backed by its source's words."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import subprocess
import sys

import pytest

from data.load import DESCRIPTOR, table_names
from pipeline.build import read_curation
from pipeline.text import normalise, quoted_in_text, row_cells
from tests.conftest import ROOT

TABLES = ROOT / "data" / "tables"


def _source_texts(sources_dir) -> dict[str, str]:
    """Each source's text by source_id (the file names live only in the curation)."""
    return {s["source_id"]: (sources_dir / s["file"]).read_text(encoding="utf-8")
            for s in read_curation("sources")}


def test_frictionless_validate_passes():
    """`frictionless validate data/datapackage.json` reports the package valid."""
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json",
                             str(DESCRIPTOR)], capture_output=True, text=True, check=False)
    report = json.loads(result.stdout)
    assert report["valid"], json.dumps(report["tasks"], indent=1)[:3000]
    assert len(report["tasks"]) == 11


def test_descriptor_matches_csv_headers():
    """Each CSV's header is exactly the columns its schema lists, in order."""
    descriptor = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        with open(ROOT / "data" / resource["path"], encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == [f["name"] for f in resource["schema"]["fields"]], resource["name"]
    assert sorted(p.stem for p in TABLES.glob("*.csv")) == sorted(table_names())


def test_every_table_with_facts_carries_source_and_quote(tables):
    """A number without a quote does not ship: every fact row names its source and quote."""
    for name in ("spread", "survival", "figures", "symptoms", "treatments", "cascade",
                 "key_facts", "claims"):
        frame = tables[name]
        assert frame["source_id"].notna().all() and frame["quote"].notna().all(), name
        assert (frame["quote"].str.len() > 10).all(), name


@pytest.mark.parametrize("name", ["spread", "survival", "figures", "symptoms", "treatments",
                                  "cascade", "key_facts", "claims"])
def test_every_quote_is_verbatim_in_its_own_source(tables, sources_dir, name):
    """Each quote is found, whitespace folded and curly quotes straightened, in its source;
    a table row cell by cell, the cells side by side."""
    texts = _source_texts(sources_dir)
    frame = tables[name]
    forms = frame["quote_form"] if "quote_form" in frame.columns else ["sentence"] * len(frame)
    missing = [(row.source_id, row.quote[:60])
               for row, form in zip(frame.itertuples(), forms, strict=True)
               if not quoted_in_text(row.quote, texts[row.source_id], form)]
    assert missing == []


def test_table_rows_read_as_rows_not_run_together(tables):
    """The NCI table's rows are published as cells ("Prostate — Bones, lungs, liver"), never
    as the flattened text ("ProstateBones, lungs, liver"), and each says which table it is."""
    rows = tables["spread"][tables["spread"]["quote_form"] == "table_row"]
    assert len(rows) == 36
    prostate = rows.loc[rows["primary"] == "prostate", "quote"].unique().tolist()
    assert prostate == ["Prostate — Bones, lungs, liver"]
    assert all(len(row_cells(q)) == 2 for q in rows["quote"])
    assert rows["note"].str.contains("Cancer type — Main sites of metastasis").all()
    flattened = re.compile(r"[a-z][A-Z]")  # "ProstateBones": a lower- then upper-case letter
    for name in ("spread", "claims", "key_facts"):
        assert not tables[name]["quote"].str.contains(flattened).any(), name


def test_no_quote_comes_from_reader_comments(tables, sources_dir):
    """Reader comments under the MSK article are anecdotes: nothing is taken from them."""
    text = normalise(_source_texts(sources_dir)["msk"])
    comments_start = text.index("Commenting is disabled for this blog post.")
    for name in ("spread", "survival", "figures", "symptoms", "treatments", "key_facts",
                 "claims"):
        for quote in tables[name].loc[tables[name]["source_id"] == "msk", "quote"]:
            assert text.index(normalise(quote)) < comments_start, quote


def test_sha256_matches_each_source_text(tables, sources_dir):
    """sources.csv records the hash of exactly the texts the quotes were checked against."""
    files = {s["source_id"]: s["file"] for s in read_curation("sources")}
    for row in tables["sources"].itertuples():
        digest = hashlib.sha256((sources_dir / files[row.source_id]).read_bytes()).hexdigest()
        assert row.sha256 == digest


def _nci_table(text: str) -> dict[str, list[str]]:
    """Parse the NCI ranked table straight from the source text (independently of curation)."""
    body = normalise(text).split("for several types of cancer:")[1].split("How does cancer")[0]
    names = ["Breast", "Colon", "Kidney", "Lungs", "Melanoma", "Ovary", "Pancreas",
             "Prostate", "Rectum", "Stomach", "Thyroid", "Uterus"]
    pattern = "(" + "|".join(names) + r") ?([A-Z][a-z/ ]+(?:, [a-z/ ]+){2})"
    return {m.group(1): [s.strip() for s in m.group(2).split(",")]
            for m in re.finditer(pattern, body)}


def test_ranked_rows_equal_the_nci_table(tables, sources_dir):
    """All 36 ranked rows match the NCI table parsed from the text, rank by rank."""
    parsed = _nci_table(_source_texts(sources_dir)["nci"])
    assert len(parsed) == 12
    spelling = {"lungs": "lung", "liver": "liver", "bones": "bone", "peritoneum": "peritoneum",
                "adrenal gland": "adrenal_gland", "skin/muscle": "skin_muscle"}
    cancer = {"Breast": "breast", "Colon": "colon", "Kidney": "kidney", "Lungs": "lung",
              "Melanoma": "melanoma", "Ovary": "ovary", "Pancreas": "pancreas",
              "Prostate": "prostate", "Rectum": "rectum", "Stomach": "stomach",
              "Thyroid": "thyroid", "Uterus": "uterus"}
    expected = sorted((cancer[c], spelling[s.lower()], rank)
                      for c, sites in parsed.items() for rank, s in enumerate(sites, start=1))
    ranked = tables["spread"][tables["spread"]["evidence"] == "ranked_table"]
    assert len(ranked) == 36
    assert sorted(zip(ranked["primary"], ranked["site"], ranked["rank"].astype(int),
                      strict=True)) == expected


def test_prostate_spreads_first_to_bone(tables):
    """Spot check a user would make: the NCI table ranks bone first for prostate cancer."""
    spread = tables["spread"]
    row = spread[(spread["primary"] == "prostate") & (spread["rank"] == 1)]
    assert row["site"].tolist() == ["bone"]


def test_survival_rates_are_the_three_quoted(tables):
    """Lung 9% (all), breast 30% (women) and 19% (men), all from the Cleveland Clinic."""
    survival = tables["survival"]
    got = sorted(zip(survival["cancer"], survival["population"], survival["value_pct"],
                     survival["source_id"], strict=True))
    assert got == [("breast", "men", 19, "cleveland_clinic"),
                   ("breast", "women", 30, "cleveland_clinic"),
                   ("lung", "all people", 9, "cleveland_clinic")]


def test_each_number_appears_in_its_quote(tables):
    """Survival values and figures are the numbers their quotes state, not derived ones."""
    for row in tables["survival"].itertuples():
        assert f"{row.value_pct:g}%" in row.quote
    for row in tables["figures"].itertuples():
        assert row.value_as_stated.lower() in row.quote.lower(), row.figure_id


def test_no_web_address_is_invented(tables, sources_dir):
    """Any web address in a table also appears in the source texts."""
    all_text = " ".join(_source_texts(sources_dir).values())
    for name, frame in tables.items():
        for value in map(str, frame.to_numpy().ravel()):
            for url in re.findall(r"(?:https?://|www\.)\S+", value):
                assert url in all_text, (name, url)


def test_statements_name_the_pairs_the_running_text_names(tables):
    """Spot checks of sentences: MSK says melanoma frequently spreads to the brain and lungs;
    the NIH article says pancreatic and colon cancer commonly spread to the liver."""
    spread = tables["spread"]
    statement = spread[spread["evidence"] == "statement"]
    pairs = set(zip(statement["primary"], statement["site"], statement["source_id"],
                    strict=True))
    assert {("melanoma", "brain", "msk"), ("melanoma", "lung", "msk"),
            ("pancreas", "liver", "nih_article"), ("colon", "liver", "nih_article"),
            ("prostate", "bone", "msk")} <= pairs
