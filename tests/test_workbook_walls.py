"""Hostile workbooks are judged from their zip's parts before any grid is built, and what
slips past is read in a capped child process: the server's own memory stays flat."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest

import upload.workbook as workbook
from tests.conftest import ROOT
from upload.problems import UploadError
from upload.read import read_table

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEAD = ('<row r="1"><c r="A1" t="inlineStr"><is><t>primary</t></is></c>'
         '<c r="B1" t="inlineStr"><is><t>site</t></is></c></row>')


def _xlsx(sheet_data: str, strings: list[str] = (), dimension: str = "") -> bytes:
    """A minimal .xlsx built part by part, so its cells can be placed anywhere."""
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook {_NS} xmlns:r="{_REL}"><sheets><sheet name="Sheet1" '
        'sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org'
        f'/package/2006/relationships"><Relationship Id="rId1" Type="{_REL}/worksheet" '
        f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{_REL}/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f"<worksheet {_NS}>"
        + (f'<dimension ref="{dimension}"/>' if dimension else "")
        + f"<sheetData>{_HEAD}{sheet_data}</sheetData></worksheet>",
        "xl/sharedStrings.xml": f'<sst {_NS} uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        for name, text in parts.items():
            book.writestr(name, text)
    return out.getvalue()


def _rss_mb() -> float:
    """This process's resident memory now, in MB."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


@pytest.mark.parametrize(("raw", "expected"), [
    (_xlsx('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),
     "reaches column XFD (cell XFD1048576): that is 16,384 columns, more than the 200"),
    (_xlsx('<row r="1048576"><c r="J1048576"><v>1</v></c></row>'),
     "reaches cell J1048576: a grid of 10,485,760 cells, more than the 2,000,000"),
    (_xlsx("", dimension="A1:XFD1048576"), "reaches column XFD"),
    (_xlsx('<row r="2"><c r="A2" t="s"><v>0</v></c></row>', ["x" * 1000] * 70_000),
     "text cells unpack to"),
])
def test_a_hostile_workbook_is_refused_by_name_without_growing_the_server(raw, expected):
    """A student's 2 KB workbook naming a far cell gets a sentence naming the limit, and the
    server neither aborts nor grows by more than a few MB."""
    before = _rss_mb()
    with pytest.raises(UploadError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        read_table(raw, "hostile.xlsx")
    assert _rss_mb() - before < 50


def test_what_slips_past_the_check_ends_only_the_capped_child(monkeypatch):
    """With the check switched off, the 17-billion-cell grid is asked of the child reader:
    it dies at its memory cap, the page says so, and this process lives on."""
    monkeypatch.setattr(workbook, "check_zip_workbook", lambda raw: None)
    raw = _xlsx('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    before = _rss_mb()
    with pytest.raises(UploadError, match="needed more than the 320 MB of memory or 4 seconds"):
        workbook.read_workbook_csv(raw, None)
    assert _rss_mb() - before < 50


def test_the_child_reader_never_holds_more_than_its_cap(tmp_path):
    """Measured in a process of its own (so no other child counts): the reader that met the
    far cell peaked under its 320 MB cap."""
    path = tmp_path / "far.xlsx"
    path.write_bytes(_xlsx('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))
    script = ("import resource, sys, upload.workbook as w\n"
              "w.check_zip_workbook = lambda raw: None\n"
              "try:\n    w.read_workbook_csv(open(sys.argv[1], 'rb').read(), None)\n"
              "except Exception as e:\n    print(type(e).__name__)\n"
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                          text=True, cwd=ROOT, check=True)
    refused, peak_kb = done.stdout.split()
    assert refused == "UploadError"
    assert 0 < int(peak_kb) / 1024 <= 320


def test_an_ordinary_workbook_reads_as_before():
    """Cells in their places, numbers without '.0', through the child and back."""
    raw = _xlsx('<row r="2"><c r="A2" t="inlineStr"><is><t>Lung</t></is></c>'
                '<c r="B2"><v>3.0</v></c></row>')
    frame = read_table(raw, "ok.xlsx")
    assert frame.values.tolist() == [["Lung", "3"]]
    assert frame.attrs["sheet"] == "Sheet1"


def test_one_upload_is_checked_once_though_read_twice(monkeypatch):
    """Sheet names, then the sheet: the streamed check runs for the first only (a workbook
    at the cell limit takes about 2 s to check), and a changed workbook is checked again."""
    import upload.zipcheck as zipcheck
    calls = []
    real = zipcheck.check_parts
    monkeypatch.setattr(zipcheck, "check_parts", lambda raw: calls.append(1) or real(raw))
    raw = _xlsx('<row r="2"><c r="A2" t="inlineStr"><is><t>Lung</t></is></c>'
                '<c r="B2" t="inlineStr"><is><t>Bone</t></is></c></row>')
    frame = read_table(raw, "checked_once.xlsx")
    assert frame.values.tolist() == [["Lung", "Bone"]] and len(calls) == 1
    changed = _xlsx('<row r="2"><c r="A2" t="inlineStr"><is><t>Lung</t></is></c>'
                    '<c r="B2" t="inlineStr"><is><t>Liver</t></is></c></row>')
    assert read_table(changed, "changed.xlsx").values.tolist() == [["Lung", "Liver"]]
    assert len(calls) == 2
