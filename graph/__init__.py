"""Pure graph layer: tidy tables in, networkx graphs and tidy DataFrames out (no Streamlit).

``build`` turns the spread table into a primary -> site bipartite graph, ``metrics`` measures
it, ``layout`` positions it and ``export`` writes it as GraphML / GEXF bytes. Node ids are
namespaced (``"cancer:lung"``, ``"site:lung"``) because cancer and site ids overlap.
"""
