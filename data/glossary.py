"""The one glossary: every technical word the dashboard uses, explained for a 16-year-old.

Pages never spell an explanation themselves: they name the terms they use, and the words
come from here (a ``help=`` tooltip, a caption, the "What these words mean" box, the column
headers of every table). These are this app's explanations, not a source's words: a source's
own words are shown in quotation marks with the source under them, elsewhere.
"""

from __future__ import annotations

from data.vocabulary import EVIDENCE_LABELS

GLOSSARY_CREDIT = ("This app's own explanations, written from the five sources; not quotes. "
                   "The sources' words are the ones in quotation marks.")

TERMS: dict[str, str] = {
    "metastasis": "When cancer spreads from where it started to another part of the body. "
                  "A cancer that has spread is called metastatic.",
    "primary cancer": "The cancer where it first started (for example breast cancer). It keeps "
                      "that name wherever it spreads to.",
    "site": "A place in the body that a cancer can spread to (for example the liver).",
    "NCI ranked table": "A table in the National Cancer Institute's fact sheet. For 12 cancers "
                        "it lists the three places each most often spreads to, in order, "
                        "leaving out lymph nodes. It is the only ordered list in the sources.",
    "NCI rank": "A site's place in the NCI ranked table for that cancer: 1st is the most common "
                "of its three. It is an order, not a percentage. Blank means the table does "
                "not rank this pair.",
    "kind of evidence": "How a source names the pair: in the NCI ranked table, in a sentence "
                        "saying the cancer spreads there, as an example making another point, "
                        "or in a sentence calling that spread rare.",
    EVIDENCE_LABELS["ranked_table"]: "The pair is a row of the NCI ranked table (1st, 2nd or "
                                     "3rd most common site for that cancer).",
    EVIDENCE_LABELS["statement"]: "A sentence in a source says this cancer spreads to this "
                                  "site, but gives no order.",
    EVIDENCE_LABELS["example"]: "A source mentions the pair while making another point (for "
                                "example, how a spread cancer is named).",
    EVIDENCE_LABELS["rare_reported"]: "A source says this spread has been reported but is rare.",
    "confidence": "How far this app trusts the source: high, medium or low. The reason for "
                  "each is on the Sources and data page.",
    "links": "How many lines join this circle or square to others: for a cancer, how many "
             "sites the sources say it reaches; for a site, how many cancers reach it.",
    "ranked links": "Links that come from the NCI ranked table only.",
    "rank points": "A score for the NCI order: 3 points for each 1st place, 2 for a 2nd, 1 for "
                   "a 3rd, added up. It weighs the order; it does not say how often spread "
                   "happens.",
    "go-between score": "How often a cancer or site sits on the shortest route between two "
                        "others in the network, from 0 (never) to 1 (always). A high score "
                        "means it joins parts of the network together. Network scientists "
                        "call this betweenness.",
    "similarity": "Shared sites divided by all the sites either cancer reaches: 1 means they "
                  "reach exactly the same sites, 0 that they share none. Also called the "
                  "Jaccard index.",
    "force-directed layout": "A way of placing the circles and squares: lines pull linked "
                             "ones together and every one pushes the others away, like "
                             "springs, until the picture settles.",
    "layout number": "The number the force-directed layout starts its shuffle from. The same "
                     "number always draws the same picture, so a class can all see the same "
                     "one; another number moves things around but keeps every link. (Also "
                     "called a seed.)",
    "answer": "A short summary, in this app's words, of what a source answers to the "
              "question; the source's exact words are shown under it.",
    "verdict": "What this app concludes from the answers, by one rule for every source: they "
               "disagree only where two answers cannot both be true as worded; they answer "
               "differently without clashing when one counts or groups what another does not; "
               "otherwise they agree, or only one source says (and this app says so when "
               "that answer is wrong).",
    "local invasion": "The first step of spread: cancer cells push into the normal tissue "
                      "next to them.",
    "intravasation": "Cancer cells get into a blood vessel or lymph vessel, through its wall.",
    "circulation": "Cancer cells are carried around the body in the blood or the lymph.",
    "arrest and extravasation": "'Arrest' means the cells stop moving, stuck in a tiny blood "
                                "vessel (a capillary) far away; 'extravasation' means they "
                                "get out through its wall into the tissue around it.",
    "proliferation": "The cells multiply in the new place and make tiny tumours.",
    "micrometastases": "Tumours too small to see, made by cancer cells in a new place.",
    "angiogenesis": "The tiny tumours make new blood vessels grow to feed them.",
    "lymph nodes": "Small lumps along the lymph vessels that filter fluid from the body. "
                   "The NCI ranked table leaves them out.",
    "five-year survival rate": "The share of people in a group who are still alive five "
                               "years after their diagnosis. It can only be counted for people "
                               "diagnosed at least five years earlier, and it does not say what "
                               "will happen to one person.",
    "Lung cancer → Lung": "The NCI ranked table lists the lungs as the 3rd site for lung "
                          "cancer. The table says no more. This app reads it as spread to "
                          "other parts of the lungs, such as the other lung: a new tumour "
                          "away from where the cancer began, not the first tumour itself.",
    "Colon, Rectal and Colorectal cancer": "The NCI ranked table has separate rows for colon "
                                           "and rectum, while Memorial Sloan Kettering writes "
                                           "'colorectal cancer', which means the colon and "
                                           "rectum together. This app keeps each source's own "
                                           "name rather than merging them, so all three "
                                           "appear as rows.",
    "CSV": "A plain table file that any spreadsheet can open. Each download carries names "
           "and the short codes (ending _id) that the data files use.",
    "GraphML and GEXF": "File formats for network tools such as Gephi or Cytoscape.",
}
"""Term -> what it means, in plain words. Keys are written as the pages show them."""


EVIDENCE_TERMS = ("kind of evidence", *EVIDENCE_LABELS.values())
SAME_NAMES = ("Lung cancer → Lung", "Colon, Rectal and Colorectal cancer")

PAGE_TERMS: dict[str, tuple[str, ...]] = {
    "spread": ("primary cancer", "site", "NCI ranked table", "NCI rank", *EVIDENCE_TERMS,
               "confidence", "lymph nodes", *SAME_NAMES),
    "network": ("force-directed layout", "layout number", "links", "ranked links",
                "rank points", "go-between score", "similarity", "NCI rank",
                "kind of evidence", "Lung cancer → Lung", "GraphML and GEXF"),
    "body_map": ("NCI ranked table", "NCI rank", *EVIDENCE_TERMS, "confidence", *SAME_NAMES),
    "site_profiles": ("NCI ranked table", "NCI rank", *EVIDENCE_TERMS, "confidence",
                      "lymph nodes", *SAME_NAMES),
    "survival": ("five-year survival rate", "confidence"),
    "source_check": ("NCI rank", *EVIDENCE_TERMS, "confidence", "answer", "verdict",
                     "Colon, Rectal and Colorectal cancer"),
    "lesson": ("metastasis", "local invasion", "intravasation", "circulation",
               "arrest and extravasation", "proliferation", "micrometastases", "angiogenesis",
               "NCI ranked table", "NCI rank", "lymph nodes", "five-year survival rate",
               "verdict"),
}
"""The terms each page explains in its "What these words mean" box (the Sources and data
page lists every term)."""


def explain(term: str) -> str:
    """The explanation of ``term`` (a key of :data:`TERMS`), or a ``KeyError`` naming it.

    Examples
    --------
    >>> explain("rank points").startswith("A score for the NCI order")
    True
    """
    try:
        return TERMS[term]
    except KeyError:
        raise KeyError(f"{term!r} is not in the glossary (data/glossary.py)") from None


def defined(terms: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    """``(term, explanation)`` for each term, in the order given (every term must exist).

    Examples
    --------
    >>> [t for t, _ in defined(["site", "metastasis"])]
    ['site', 'metastasis']
    """
    return [(term, explain(term)) for term in terms]


def sentence(term: str) -> str:
    """A term and its meaning as one line for a caption: ``**term**: meaning``.

    Examples
    --------
    >>> sentence("site")[:10]
    '**site**: '
    """
    return f"**{term}**: {explain(term)}"
