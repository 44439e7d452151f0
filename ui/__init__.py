"""The only Streamlit-aware helpers: cached loaders, safe downloads, URL state, citations."""
