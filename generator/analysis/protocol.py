"""Protocol in official news: paragraphs that list who attended an audience, a meeting or a ceremony. They state
nothing two reports could share as a statement, and their titles and ministers recur in every such report."""

from __future__ import annotations

import re

# A paragraph that lists who attended ("حضر اللقاء وزير الدولة …", "كما حضر الاستقبال …", "فيما حضر من الجانب
# الأمريكي …"): protocol, no statement; two audiences days apart share their titles and ministers (an analyst found
# the King's reception of a US secretary linked to a crown prince's meeting with a Chechen president by them).
ATTENDANCE = re.compile(r"\s*[«\"]?\s*(?:و|وقد\s+|كما\s+|فيما\s+|بينما\s+)?حضر(?:ت|ه|ها)?\s+(?:من\s+الجانب|(?:[وف]?ال)?"
                        r"(?:لقاء|استقبال|اجتماع|مقابل[ةه]|حفل|مأدب[ةه]|توقيع|مناسب[ةه]|زيار[ةه]|افتتاح))")
# A paragraph so opened that goes on to a statement or a count of a crowd is no list of who attended (an adversarial
# review: "حضر اللقاء 60 ألف متفرج" is a match's crowd; "حضر الاجتماع رئيس الحكومة الذي أعلن أن 45 شخصا قتلوا").
_MORE_THAN_A_LIST = re.compile(r"(?<!\S)[وف]?(?:قال|قالت|أعلن|أعلنت|اعلن|اعلنت|أكد|أكدت|اكد|اكدت|أوضح|أوضحت|اوضح|"
                               r"اوضحت|ذكر|ذكرت|أشار|أشارت|اشار|اشارت|صرح|صرحت)(?!\S)|متفرج|مشجع|\d+\s*[-–]\s*\d+")


def attendance(text: str) -> bool:
    """Whether a paragraph opens by listing who attended ("حضر اللقاء …", "كما حضر الاستقبال …")."""
    return ATTENDANCE.match(text) is not None and _MORE_THAN_A_LIST.search(text) is None
