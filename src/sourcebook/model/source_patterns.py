"""What the lines and marks of a FRUS-style text look like: page markers, footnote call-outs,
the apparatus lines (file number, heading, classification, date, subject, reference), the
salutation and close, list labels and enclosures."""

from __future__ import annotations

import re

PAGE_MARKER = re.compile(r"\[Page (\d+)\]")
FOOTNOTE_CALL = re.compile(r"\[(\d+)\]")
ANY_MARKER = re.compile(r"\[([A-Z][a-z]+)\s+([^\]\s]+)\]")
PAGE_LIKE = re.compile(r"\[\s*(?:page|pg|p)\b[^\]]*\]", re.IGNORECASE)
CLASSIFICATIONS = ("top secret", "secret", "confidential", "restricted", "unclassified")
CLASSIFICATION_LINE = re.compile(
    r"^(?P<level>top secret|secret|confidential|restricted|unclassified)\b(?P<rest>.*)$", re.I)
SUBJECT_LINE = re.compile(r"^(?:Subject|SUBJECT):\s*(?P<subject>.+)$", re.S)
MONTHS = ("January February March April May June July August September October November "
          "December").split()
_MONTH = "(?:" + "|".join(MONTHS) + ")"
# "Washington, March 12, 1951—7 p. m." or "[Washington,] 11 January 1951." (place optional)
DATE_LINE = re.compile(
    r"^(?:\[?[A-Z][\w .'-]*,?\]?,?\s+)?\[?(?:(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2}),"
    r"\s+(?P<year>\d{4})|(?P<day2>\d{1,2})\s+(?P<month2>" + _MONTH + r"),?\s+(?P<year2>\d{4}))\]?")
DATE_TIME = re.compile(r"[—–-]\s*(?P<time>(?:\d{1,2}(?::\d\d)?\s*[ap]\.\s?m\.?|noon|midnight))",
                       re.I)
REFERENCE_LINE = re.compile(r"^(?:References?|Ref|Refs)\s*:\s*\S", re.I)
ENCLOSURE_LINE = re.compile(r"^\[?(?:Enclosure|Inclosure|Attachment|Annex|Tab)"
                            r"(?:\s+(?:\d+|[A-Z]))?\.?\]?$")
SALUTATION_LINE = re.compile(r"^(?:My )?Dear [^:;.]{1,60}[:,]$")
CLOSING_LINE = re.compile(r"^(?:Sincerely|Faithfully|Respectfully|Cordially|Very (?:truly|sincerely|"
                          r"respectfully)|Yours)\b[\w ]*,$", re.I)
DOC_NUMBER = re.compile(r"^(?P<n>\d{1,4})\.\s+(?=\S)")
# A list label, or the number a telegram opens with ("1691. Deptel 1047, January 6.")
LIST_LABEL = re.compile(r"^(?:\(\d{1,3}\)|\d{1,4}[.)]|\([a-z]\)|[a-z][.)]|\([ivx]{1,5}\)|[ivx]{1,5}\.)\s+")
FILE_LINE = re.compile(
    r"^(?P<number>\d{3}[A-Z]?(?:\.[0-9A-Z]+)?(?:/\S+)?)(?:\s*:\s*(?P<suffix>.+))?$")
FOOTNOTE_TEXT = re.compile(r"^\[(?P<n>\d+)\]\s+(?P<text>.+)$", re.S)
HEADING_WORDS = re.compile(r"\b(?:to|by|of|from)\b|^(?:Memorandum|Telegram|Letter|Note|Paper|Record)")
