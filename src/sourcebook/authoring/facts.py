"""What a new source states about itself, apart from the lines of its text.

A plain text states its writer and addressee only as its heading puts them ("the Assistant
Secretary ... (Rusk)"); a TEI volume states much more (full names in its list of persons, the
volume's title, the document's number and pages, its web address). The scaffold drafts the seed's
metadata from the text and then lets these facts overrule the guesses, so nothing the source
states is left as a placeholder.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace


@dataclass
class Party:
    name: str
    office: str
    named: bool          # False: the heading gives only an office, so `name` repeats it
    # The words by which the heading joins a person to the office after the name ("of the" in
    # "Robert F. Delaney of the Office of …"); empty when it names the office first and puts the
    # name in parentheses, as in "the Ambassador in Korea (Muccio)".
    joined_by: str = ""

    @property
    def label(self) -> str:
        """`Muccio, the Ambassador in Korea`, `The Secretary of State`, `Colonel Carter` or
        `Robert Finley Delaney of the Office of …`."""
        if not self.office:
            return self.name
        if self.joined_by:
            return self.phrase
        return f"{self.name}, the {self.office}" if self.named else f"The {self.office}"

    @property
    def phrase(self) -> str:
        """As the heading puts it: `the Ambassador in Korea (Muccio)` or `Robert Finley Delaney
        of the Office of …`."""
        if not self.office:
            return self.name
        if self.named and self.joined_by:
            return f"{self.name} {self.joined_by} {self.office}"
        return f"the {self.office} ({self.name})" if self.named else f"the {self.office}"

    @property
    def set_off(self) -> str:
        """The phrase where the sentence goes on after it: an office with commas of its own
        is closed by one, as the heading does ("… United States Information Agency, to …")."""
        return self.phrase + ("," if self.named and self.joined_by and "," in self.office
                              else "")

    @property
    def surname(self) -> str:
        return self.name.split()[-1] if self.named else ""


PERSON = (r"(?:(?:Mr|Mrs|Miss|Dr|Colonel|General|Admiral|Senator|Ambassador|Judge)\.?\s+)?"
          r"[A-Z][\w'’-]+(?:\s+[A-Z]\.)*(?:\s+[A-Z][\w'’-]+)+")
# Words that end an office or a body, never a person's name: "Acting Secretary of State Ball"
# and "Joint Chiefs of Staff" name an office first, not a person joined to "State Ball"
OFFICE_WORDS = {"Secretary", "Chiefs", "Chief", "Staff", "Delegation", "Council", "Director",
                "Committee", "Board", "Mission", "Department", "Office", "Adviser", "Assistant",
                "Counselor", "General", "Commander", "Representative", "Ambassador", "Embassy"}
# "of the Office of …" after a name: the words that join the person to where they worked
JOINING = re.compile(r"^,?\s*(?P<words>(?:of|in|at)(?:\s+the)?)\s+(?P<office>[A-Z].*)$")


def joined_office(rest: str) -> tuple[str, str] | None:
    """(`of the`, `Office of …`) for the words after a person's name, `of the Office of …`;
    None when they do not join an office to the name."""
    m = JOINING.match(" ".join(rest.split()).rstrip(".,;"))
    return (m.group("words"), m.group("office")) if m else None


def parse_party(text: str) -> Party:
    """`the Ambassador in Korea (Muccio)` -> Party("Muccio", "Ambassador in Korea");
    `Colonel Marshall S. Carter` (a person, no office) -> Party("Colonel Marshall S. Carter", "");
    `Robert F. Delaney of the Office of …` -> Party("Robert F. Delaney", "Office of …",
    joined_by="of the")."""
    text = " ".join(text.split()).rstrip(".,;")
    m = re.match(r"^(?:the\s+)?(?P<office>.*?)\s*\((?P<name>[^()]+)\)$", text, re.I)
    if m and m.group("office"):
        return Party(m.group("name").strip(), m.group("office").strip(), True)
    if not re.match(r"^the\s", text, re.I) and re.fullmatch(PERSON, text):
        return Party(text, "", True)     # a person's name: the heading states no office
    m = re.match(rf"^(?P<name>{PERSON}),?\s+(?=(?:of|in|at)\s)(?P<rest>.+)$", text)
    if m and not re.match(r"^the\s", text, re.I) and joined_office(m.group("rest")) \
            and m.group("name").split()[-1] not in OFFICE_WORDS:
        words, office = joined_office(m.group("rest"))
        return Party(m.group("name"), office, True, words)
    office = re.sub(r"^the\s+", "", text, flags=re.I)
    return Party(office, office, False)


def with_signature(who: Party, signature: str | None) -> tuple[Party, bool]:
    """The writer with the full name the signature gives ("Dean Rusk" for "(Rusk)"); and whether
    the name is now complete (more than a surname)."""
    sig = " ".join((signature or "").split()).rstrip(",.")
    words = sig.split()
    if not words or len(words) > 5 or not all(w[:1].isupper() for w in words):
        return who, who.named and not who.office and len(who.name.split()) > 1
    if who.named and words[-1] == who.surname:
        return replace(who, name=sig if len(words) > len(who.name.split()) else who.name), \
            len(words) > 1
    if not who.named:       # "The Secretary of State to ..." signed "Acheson"
        return replace(who, name=sig, named=True), len(words) > 1
    return who, False


@dataclass
class Facts:
    """Facts stated by the source's markup; None where it states nothing."""
    author: Party | None = None
    author_complete: bool = False        # the author's name is a full name, not a surname
    recipient: Party | None = None
    recipient_complete: bool = False
    kind: str | None = None
    title: str | None = None
    date: dt.date | None = None
    date_basis: str | None = None        # "date line", "file number", "editors' date"
    date_notes: list[str] = field(default_factory=list)   # agreements and disagreements
    citation: dict | None = None         # series, year, volume, volume_title, part, document, pages
    first_page: int | None = None
    source_url: str | None = None
    source_note: str | None = None
    file_number: str | None = None       # from a source note printed as a footnote
    classification: str | None = None    # from a source note: "Source: … Secret; Nodis."
    notes: list[str] = field(default_factory=list)        # what the author should still check
