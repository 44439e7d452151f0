"""Bring your own data: an uploaded file read, its columns and names understood, made tidy,
resolved to the dashboard's vocabularies and prepared for the views. Pure functions, no
Streamlit (the page glue is ``ui/own_upload.py`` and ``ui/own_data.py``).

read (read.py, workbook.py, limits.py) → columns (columns.py) → tidy (tidy.py, patients.py,
cells.py) → names (names.py, ``data/curation/synonyms.yaml``) → resolve (resolve.py,
merge.py) → view (view.py). Problems are :class:`upload.problems.UploadError` sentences.
"""

from upload.columns import REQUIRED_ROLES, ROLES, SHAPE_LABELS, SHAPES, guess_shape
from upload.limits import MAX_BYTES, MAX_ROWS
from upload.names import Match, automatic_ids, match_all, name_key, vocabulary
from upload.patients import patient_rows
from upload.problems import UploadError
from upload.read import ReadOptions, read_table
from upload.tidy import tidy, tidy_report

__all__ = ["MAX_BYTES", "MAX_ROWS", "REQUIRED_ROLES", "ROLES", "SHAPES", "SHAPE_LABELS",
           "Match", "ReadOptions", "UploadError", "guess_shape", "match_all", "automatic_ids",
           "name_key", "patient_rows", "read_table", "tidy", "tidy_report", "vocabulary"]
