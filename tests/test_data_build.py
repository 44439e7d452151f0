"""The build: deterministic, equal to the committed tables, and strict about quotes and ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pipeline.build import (
    CURATION_DIR,
    TABLES_DIR,
    CurationError,
    build_all,
    stale_tables,
    to_csv_text,
)


def test_build_is_deterministic(sources_dir):
    """Two builds from the same curation give byte-identical CSVs."""
    first, second = build_all(sources_dir), build_all(sources_dir)
    assert {k: to_csv_text(v) for k, v in first.items()} == {
        k: to_csv_text(v) for k, v in second.items()}


def test_committed_tables_equal_build_output(sources_dir):
    """What users download is exactly what the build makes from the curation files."""
    assert stale_tables(build_all(sources_dir), TABLES_DIR) == []


def test_command_line_check_passes(sources_dir, capsys):
    """`python -m pipeline.build --check` says the tables are up to date."""
    from pipeline.build import main

    assert main(["--sources", str(sources_dir), "--check"]) == 0
    assert "tables up to date" in capsys.readouterr().out


@pytest.fixture
def curation_copy(tmp_path: Path) -> Path:
    """A scratch copy of the curation folder that a test may break."""
    target = tmp_path / "curation"
    shutil.copytree(CURATION_DIR, target)
    return target


def _edit(folder: Path, name: str, change) -> None:
    """Load ``name``.yaml, apply ``change`` to it, and write it back."""
    path = folder / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(("name", "change", "message"), [
    ("spread_text", lambda d: d[0].update(quote="Breast cancer always spreads to the moon."),
     r"spread_text\.yaml, entry 1: quote not found verbatim in source 'nci'"),
    ("spread_text", lambda d: d[1].update(primaries=["gallbladder"]),
     r"spread_text\.yaml, entry 2: unknown cancer 'gallbladder'"),
    ("spread_text", lambda d: d[2].update(sites=["spleen"]),
     r"spread_text\.yaml, entry 3: unknown site 'spleen'"),
    ("spread_text", lambda d: d.append(dict(d[0])),
     r"spread_text\.yaml: duplicate claim \(primary='breast', site='lung', source_id='nci'\)"),
    ("spread_text", lambda d: d[0].update(source_id="wikipedia"),
     r"spread_text\.yaml, entry 1: unknown source_id 'wikipedia'"),
    ("spread_text", lambda d: d[0].update(evidence="rumour"),
     r"spread_text\.yaml, entry 1: evidence must be one of statement, example, rare_reported"),
    # A table row is checked cell by cell: a cell from another row, cells in the wrong order,
    # or a cell that is not in the source at all are refused.
    ("spread_ranked", lambda d: d["rows"][0].update(cells=["Breast", "Liver, peritoneum, lungs"]),
     r"spread_ranked\.yaml, entry 1: "),
    ("spread_ranked", lambda d: d["rows"][7].update(cells=["Bones, lungs, liver", "Prostate"]),
     r"spread_ranked\.yaml, entry 8: "),
    ("spread_ranked", lambda d: d["rows"][7].update(cells=["Prostate", "Bones, lungs, liver",
                                                           "more"]),
     r"spread_ranked\.yaml, entry 8: a ranked row needs its two cells"),
    ("spread_ranked", lambda d: d.update(header=["Cancer kind", "Main sites of metastasis"]),
     r"spread_ranked\.yaml, entry 0: table row not found cell by cell"),
    ("claims", lambda d: d[0].update(conflicts_with=["pigs can fly"]),
     r"claims\.yaml, entry 1: conflicts_with names 'pigs can fly'"),
    ("claims", lambda d: d[0].update(conflicts_with=[d[0]["stance"]]),
     r"claims\.yaml, entry 1: conflicts_with names 'some can be cured'"),
    # One rule for every verdict: the same stance names the same clashes, and both ways. A
    # source saying what another says cannot be let off (NCI's "lungs, bones and liver" and
    # the US government article's must both clash with MSK's lymph nodes, or neither).
    ("claims", lambda d: next(c for c in d if c["source_id"] == "nci"
                              and c["stance"] == "lungs, bones and liver").pop("conflicts_with"),
     r"claims\.yaml, entry \d+: stance 'lungs, bones and liver' names conflicts_with \[.*\], "
     r"but entry \d+ holding the same stance names \[.*\]: one stance, one rule"),
    ("claims", lambda d: [c.pop("conflicts_with") for c in d
                          if c["stance"] == "nearby lymph nodes"],
     r"claims\.yaml, entry \d+: 'lungs, bones and liver' clashes with 'nearby lymph nodes', but "
     r"claims holding 'nearby lymph nodes' do not name 'lungs, bones and liver' back"),
    ("spread_ranked", lambda d: d["rows"][0].update(sites=["liver", "lung", "bone"]),
     r"spread_ranked\.yaml, entry 1: rank 1 site 'liver' is not"),
    ("survival", lambda d: d[0].update(quote="the five-year survival rate for metastatic "
                                             "lung cancer is 90%"),
     r"survival\.yaml, entry 1: quote not found verbatim"),
    ("cancers", lambda d: d[0].update(organ_site_id="elbow"),
     r"cancers\.yaml, entry 1: unknown organ_site_id 'elbow'"),
    ("symptoms", lambda d: d.append(dict(d[0])), r"symptoms\.yaml: duplicate claim"),
    ("symptoms", lambda d: d[0].update(site="everywhere"),
     r"symptoms\.yaml, entry 1: unknown site 'everywhere'"),
])
def test_build_refuses_bad_claims(sources_dir, curation_copy, name, change, message):
    """A bad claim stops the build with the file, the entry and the reason."""
    _edit(curation_copy, name, change)
    with pytest.raises(CurationError, match=message):
        build_all(sources_dir, curation_copy)


def test_build_refuses_missing_source_text(tmp_path, curation_copy):
    """Without the source texts, the build says where it looked."""
    with pytest.raises(CurationError, match=r"sources\.yaml, entry 1: source text not found"):
        build_all(tmp_path, curation_copy)


def test_build_refuses_unreadable_yaml(sources_dir, curation_copy):
    """A curation file that is not valid YAML is named in the error."""
    (curation_copy / "figures.yaml").write_text("- a: b: c\n", encoding="utf-8")
    with pytest.raises(CurationError, match=r"figures\.yaml: cannot be read"):
        build_all(sources_dir, curation_copy)


def test_quotes_forgive_only_whitespace_and_curly_quotes(sources_dir, curation_copy):
    """Curly quotes and line breaks may differ from the source; words may not."""
    _edit(curation_copy, "spread_text", lambda d: d[7].update(
        quote="Breast cancer that spreads to bone is still\n  considered to be breast cancer"))
    assert len(build_all(sources_dir, curation_copy)["spread"]) > 0
    _edit(curation_copy, "spread_text", lambda d: d[7].update(
        quote="Breast cancer that spreads to bone is still regarded as breast cancer"))
    with pytest.raises(CurationError, match="entry 8: quote not found"):
        build_all(sources_dir, curation_copy)
