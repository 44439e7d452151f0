"""View models: what each page shows, worked out from the tables with no Streamlit.

A view is a pure function, ``tables`` and the widget values in, a small frozen dataclass out,
so a page reads like a description of the page and each view is tested without a browser.
``ui/data.py`` wraps each in a bounded cache keyed on the tables' version and the values.
"""
