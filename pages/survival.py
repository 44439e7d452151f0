"""Survival: the quoted five-year survival rates, what they mean, and the other quoted figures."""

import streamlit as st

from data.glossary import PAGE_TERMS
from ui import present, state
from ui.data import survival_view, tables
from ui.frame import within_app
from ui.notebook import notebook_downloads
from ui.show import (
    chart,
    chart_data,
    explore_intro,
    image_downloads,
    quote,
    table_with_download,
)
from views.view_notebooks import survival_notebook

within_app()  # drawn inside the app's frame, whatever opened it (ui/frame.py)

view = survival_view(tables())

if present.presenting():  # one chart, no choices to step through
    present.show(lambda _: view.spec, {"rates": "the three quoted rates"}, "survival_shown",
                 lambda _: "Five-year survival rates the Cleveland Clinic quotes", "chart")

st.title("Survival and other figures")
explore_intro("A **five-year survival rate** is the share of people in a group who are still "
              "alive five years after their diagnosis. It cannot say what will happen to one "
              "person.",
              "Of the five sources, only the Cleveland Clinic quotes such rates for cancer that "
              "has spread: three of them. A five-year rate can only be counted for people "
              "diagnosed at least five years earlier.", PAGE_TERMS["survival"])
state.show_notices()
chart(view.spec)
present.present_button()
chart_data(view.rates_shown, "survival_rates_quoted.csv", "survival_data")
image_downloads(view.spec, "five_year_survival_quoted", view.credit, "survival_image")
notebook_downloads(survival_notebook(), "survival_notebook")

st.subheader("Each rate in its source's words")
for words, source, detail in view.rate_quotes:
    quote(words, source, detail)

st.subheader("What these numbers do not tell you")
for words, source, detail in view.cautions:
    quote(words, source, detail)
st.markdown("The source does not say which years or which countries these rates come from, so "
            "they may not match newer treatments.")

st.subheader("Other figures the sources quote")
st.markdown("These numbers measure different things (a share of deaths, results of one study, "
            "a count, a year, how long someone has done research), so each stands on its own: "
            "they are not drawn on one axis. Two of them are about survival, both from one study "
            "of one liver treatment (HAI, in people who had also had liver surgery): how much "
            "longer people lived on average, and the share who lived longer than ten years. The "
            "source does not say how many people the study had. Both describe that study's "
            "patients only, so neither can be set beside the five-year rates above.")
for measure, rows in view.figure_groups:
    st.markdown(f"**{measure.capitalize()}**")
    for value_as_stated, context, words, source in rows:
        left, right = st.columns([1, 2])
        left.subheader(value_as_stated, anchor=False)
        with right:
            st.markdown(context)
            quote(words, source)
table_with_download(view.figures, "other_figures_quoted.csv", "Download these figures (CSV)",
                    "figures_table")
