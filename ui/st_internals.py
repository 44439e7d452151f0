"""Every Streamlit internal this project touches, in one place (Streamlit 1.67.0).

None of these is public API: a Streamlit upgrade may move or change any of them. Upgrade
note: after changing the pinned Streamlit, run ``python -m pytest tests/test_st_internals.py``
(it imports each name below and checks that no other module reaches into Streamlit's
internals), then the tests named beside each name, which exercise what it is used for.

- ``DeletedFile`` (``streamlit.runtime.uploaded_file_manager``): what the uploader returns
  for a file the browser still shows but this server never had (a restart, another
  replica); ``ui.own_upload.upload_lost`` tells the person to upload it again
  (tests/test_pages_own_data.py). If it moves, ``upload_lost`` says False until fixed here.
- ``MemoryMediaFileStorage`` (``streamlit.runtime.memory_media_file_storage``): where a
  download button's bytes are stored; the download tests read the bytes a page handed out
  (tests/test_words_and_downloads.py, tests/test_notebooks.py).
- ``stabilize_vega_json_spec`` (``streamlit.elements.vega_charts``): how Streamlit rewrites a
  chart's spec before drawing it; the notebook test compares a notebook's chart with the
  page's as Streamlit draws it (tests/test_notebooks.py).
- ``BackMsg``, ``ForwardMsg``, ``WidgetState`` (``streamlit.proto``): the websocket messages
  the load-test client speaks (tools/st_client.py, bench/capacity.py).
- ``arrow_to_frame`` (``streamlit.dataframe_util``): reads a chart's or table's data out of
  an AppTest element (tests/apptest_helpers.py).
- ``config`` (``streamlit.config``): sets a server option in a test, where ``st.set_option``
  refuses server options (tests/test_handouts_join.py).
The app itself needs only ``DeletedFile``; the rest serve tests and benchmarks.
"""

from __future__ import annotations

from streamlit import config
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df as arrow_to_frame
from streamlit.elements.vega_charts import _stabilize_vega_json_spec as stabilize_vega_json_spec
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

try:
    from streamlit.runtime.uploaded_file_manager import DeletedFile
except ImportError:  # pragma: no cover - a later Streamlit may move it (see the note above)
    DeletedFile = ()

__all__ = ["BackMsg", "DeletedFile", "ForwardMsg", "MemoryMediaFileStorage", "WidgetState",
           "arrow_to_frame", "config", "stabilize_vega_json_spec"]
