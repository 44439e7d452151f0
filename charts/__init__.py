"""Pure Altair chart builders: a DataFrame in, an ``alt.Chart`` out. No Streamlit here.

Shared encodings live in :mod:`charts.style` so that every chart says the same thing the
same way: rank 1 is the strongest blue (darkest in light, boldest in dark: charts.theme), the
legend says ranks are an order and not a frequency.
"""
