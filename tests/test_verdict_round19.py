"""Issue 9, verdict set 16 (session 21): what its first contact showed the checks misread. A denial adjective with the
article right after a noun with the article only describes that noun («الدبلوماسية الأمريكية الزائفة», "the fake
diplomacy"): the passage does not deny the claim; said of the report itself («وصفت التقارير بالكاذبة», «الخبر زائف»)
it still does. Sentences written for these tests in the style of the reports; they are unit tests, not evidence of
quality."""
from __future__ import annotations

import pytest

from checker.stance import explicit_checks


def test_a_denial_adjective_describing_a_noun_denies_nothing() -> None:
    claim = "وصف وزير الخارجية الإيراني الدبلوماسية الأمريكية بأنها أسيرة الأوهام في تغريدة يوم الإثنين"
    passage = ('وقال الوزير في تغريدة الإثنين: "الدبلوماسية الأمريكية الزائفة تعود إلى عاداتها القديمة، فهي حبيسة '
               'الأوهام والسياسات الفاشلة".')
    assert explicit_checks(claim, passage).denial_gap == ()


@pytest.mark.parametrize("passage", [
    "ووصفت وزارة الداخلية التقارير عن توقيف الصحفي بالكاذبة.",
    "وقالت وزارة الداخلية إن الخبر عن توقيف الصحفي زائف.",
    "ونفت وزارة الداخلية الأنباء الكاذبة عن توقيف الصحفي.",
])
def test_a_report_called_false_is_still_denied(passage: str) -> None:
    assert explicit_checks("أوقفت وزارة الداخلية الصحفي يوم الأحد", passage).denial_gap != ()


@pytest.mark.parametrize("claim, passage", [
    ("الحكومة رفعت سعر رغيف الخبز المدعوم",
     "وقالت وزارة التموين إن الأنباء الكاذبة عن رفع سعر رغيف الخبز المدعوم تهدف إلى إثارة البلبلة."),
    ("صور تظهر غرق شوارع المدينة بعد الأمطار",
     "أكدت البلدية أن الصور المفبركة لغرق شوارع المدينة بعد الأمطار تعود لدولة أخرى."),
    ("الرئيس أصدر عفوا عن جميع المعتقلين السياسيين",
     "وأكدت الرئاسة أن الوثيقة المتداولة المزيفة عن العفو عن جميع المعتقلين السياسيين لم تصدر عنها."),
])
def test_a_report_noun_called_false_denies_the_claim(claim: str, passage: str) -> None:
    assert explicit_checks(claim, passage).denial_gap != ()
