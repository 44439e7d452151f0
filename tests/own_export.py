"""An invented sample-level metastasis export, shaped like public registry exports (one row per
tumour sample; the site blank for samples of the primary tumour; clinical names; upper-case
headers). **Invented practice data: made-up patients, no real statistics, from no source.**
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd

# 16 cancer names, 14 of them the dashboard knows under another (clinical) name.
CANCERS = ["Non-Small Cell Lung Cancer", "Small Cell Lung Cancer", "Breast Cancer",
           "Colorectal Cancer", "Prostate Cancer", "Pancreatic Cancer", "Renal Cell Carcinoma",
           "Endometrial Cancer", "Ovarian Cancer", "Melanoma", "Thyroid Cancer", "Gastric Cancer",
           "Non-Hodgkin Lymphoma", "Leukemia", "Hepatobiliary Cancer", "Bladder Cancer"]
# 19 site names, 15 of them known by name, another name, or grouped into a broader site.
SITES = ["Bone", "Liver", "Lung", "CNS/Brain", "Lymph", "Distant LN", "Intra-Abdominal",
         "Pleura", "Adrenal Gland", "Kidney", "Skin", "Peritoneum", "Ovary", "Chest Wall",
         "Bone Marrow", "Mediastinum", "Bladder/UT", "Female Genital", "Unspecified"]
UNKNOWN = {"Hepatobiliary Cancer", "Bladder Cancer", "Mediastinum", "Bladder/UT",
           "Female Genital", "Unspecified"}
COLUMNS = ["SAMPLE_ID", "PATIENT_ID", "CANCER_TYPE", "SAMPLE_TYPE", "METASTATIC_SITE",
           "TUMOR_PURITY"]


def sample_export(rows: int = 20_000, seed: int = 12) -> pd.DataFrame:
    """At least ``rows`` invented samples: each patient has a primary-tumour sample (blank
    site) and about half have one to three metastasis samples, some from the same site."""
    rng = np.random.default_rng(seed)
    patients = rows // 2 + 50
    cancer = rng.integers(0, len(CANCERS), patients)
    n_mets = np.where(rng.random(patients) < 0.5, rng.integers(1, 4, patients), 0)
    person = np.repeat(np.arange(patients), 1 + n_mets)
    is_primary = np.ones(len(person), dtype=bool)
    is_primary[1:] = person[1:] != person[:-1]
    site = np.where(is_primary, "", np.array(SITES)[rng.integers(0, len(SITES), len(person))])
    frame = pd.DataFrame({
        "SAMPLE_ID": [f"S-{i:06d}" for i in range(len(person))],
        "PATIENT_ID": [f"P-{p:06d}" for p in person],
        "CANCER_TYPE": np.array(CANCERS)[cancer[person]],
        "SAMPLE_TYPE": np.where(is_primary, "Primary", "Metastasis"),
        "METASTATIC_SITE": site,
        "TUMOR_PURITY": np.round(rng.random(len(person)), 2)})
    return frame.head(max(rows, 1))


def semicolon_csv(frame: pd.DataFrame) -> bytes:
    """What a spreadsheet in many countries writes: ';' between columns, decimal commas."""
    return frame.to_csv(index=False, sep=";", decimal=",").encode()


def xlsx(frame: pd.DataFrame) -> bytes:
    """The frame as an Excel workbook, numbers stored as numbers."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Samples")
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        sheet.append([None if v == "" else v.item() if hasattr(v, "item") else v for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ods(frame: pd.DataFrame) -> bytes:
    """The frame as a minimal OpenDocument spreadsheet (what LibreOffice saves)."""
    def cell(value) -> str:
        if isinstance(value, int | float | np.number):
            return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>")
        if value == "":
            return "<table:table-cell/>"
        return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
                "</text:p></table:table-cell>")
    rows = [list(frame.columns)] + frame.values.tolist()
    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                   for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Samples">{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"),
                      "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("META-INF/manifest.xml", manifest)
        book.writestr("content.xml", content)
    return out.getvalue()
