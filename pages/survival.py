"""Survival: the quoted five-year survival rates, what they mean, and the other quoted figures."""

import streamlit as st

from data import query
from ui.data import figures, survival_spec, tables
from ui.show import chart, chart_data, image_downloads, quote, table_with_download

t = tables()
view, spec = survival_spec()
facts = t["key_facts"].set_index("fact_id")
sources = t["sources"].set_index("source_id")

st.title("Survival and other figures")
st.markdown("A **five-year survival rate** is the share of people in a group who are still "
            "alive five years after their diagnosis. The sources quote only three such rates "
            "for cancer that has spread. They describe large groups of people in the past; they "
            "cannot say what will happen to one person.")
chart(spec)
chart_data(view, "survival_rates_quoted.csv", "survival_data")
image_downloads(spec, "five_year_survival_quoted",
                query.source_line(t["survival"]["source_id"], t["sources"]), "survival_image")

st.subheader("Each rate in its source's words")
for quoted, group in view.groupby("quote", sort=False):
    quote(quoted, group["source"].iloc[0],
          f"reviewed {group['reviewed'].iloc[0]} · " + "; ".join(
              f"{g}: {v:.0f}%" for g, v in zip(group["group"], group["value_pct"], strict=True)))

st.subheader("What these numbers do not tell you")
for fact_id in ("survival_meaning", "survival_estimates", "survival_depends"):
    quote(facts.at[fact_id, "quote"], sources.at[facts.at[fact_id, "source_id"], "short_name"])
st.markdown("The source does not say which years or which countries these rates come from, so "
            "they may not match newer treatments.")

st.subheader("Other figures the sources quote")
st.markdown("These numbers measure different things (a share of deaths, results of one study, "
            "a count, a year), so each stands on its own: they are not drawn on one axis, and "
            "none of them is a survival rate for a whole group.")
quoted = figures()
for measure, group in quoted.groupby("measure", sort=True):
    st.markdown(f"**{measure.capitalize()}**")
    for row in group.itertuples():
        left, right = st.columns([1, 2])
        left.subheader(row.value_as_stated, anchor=False)
        with right:
            st.markdown(row.context)
            quote(row.quote, row.source)
table_with_download(quoted, "other_figures_quoted.csv", "Download these figures (CSV)",
                    "figures_table")
