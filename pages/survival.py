"""Survival: the quoted five-year survival rates, what they mean, and the other quoted figures."""

import streamlit as st

from data.glossary import PAGE_TERMS
from ui.data import survival_view, tables
from ui.notebook import notebook_downloads
from ui.show import chart, chart_data, glossary, image_downloads, quote, table_with_download
from views.view_notebooks import survival_notebook

view = survival_view(tables())

st.title("Survival and other figures")
st.markdown("A **five-year survival rate** is the share of people in a group who are still "
            "alive five years after their diagnosis. The sources quote only three such rates "
            "for cancer that has spread. They describe large groups of people in the past; they "
            "cannot say what will happen to one person.")
glossary(PAGE_TERMS["survival"])
chart(view.spec)
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
            "they are not drawn on one axis. One of them is about survival: the share of the "
            "people in one study of one liver treatment who lived longer than ten years. It "
            "describes that small group only, so it cannot be set beside the five-year rates "
            "above.")
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
