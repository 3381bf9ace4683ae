"""Protocol in official news: paragraphs that list who attended an audience, a meeting or a ceremony. They state
nothing two reports could share as a statement, and their titles and ministers recur in every such report."""

from __future__ import annotations

import re

# A paragraph that lists who attended ("حضر اللقاء وزير الدولة …", "كما حضر الاستقبال …", "فيما حضر من الجانب
# الأمريكي …"): protocol, no statement; two audiences days apart share their titles and ministers (an analyst found
# the King's reception of a US secretary linked to a crown prince's meeting with a Chechen president by them).
ATTENDANCE = re.compile(r"\s*[«\"]?\s*(?:و|وقد\s+|كما\s+|فيما\s+|بينما\s+)?حضر(?:ه|ها)?\s+(?:من\s+الجانب|(?:[وف]?ال)?"
                        r"(?:لقاء|استقبال|اجتماع|مقابل[ةه]|حفل|مأدب[ةه]|جلس[ةه]|مراسم|توقيع|مناسب[ةه]|زيار[ةه]|افتتاح))")


def attendance(text: str) -> bool:
    """Whether a paragraph opens by listing who attended ("حضر اللقاء …", "كما حضر الاستقبال …")."""
    return ATTENDANCE.match(text) is not None
