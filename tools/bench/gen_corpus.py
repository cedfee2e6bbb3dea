#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus of N entries in the corpus format (DESIGN §3).

Contents, in this order:
  lgfaq/<id>.md   every entry of the development corpus (../shared/eval/localgovfaq-dev), as
                  `madoguchi eval` lays it out (question as title, answer as the 回答 body), so
                  that nDCG@10 of the dev queries can be computed on every size;
  sample/...      every file of the sample corpus (corpus/entries), versions included;
  synth/...       filler entries up to N, recombined from the sentences of both (seeded per
                  entry, so the 20k corpus contains the 2k fillers and a run is reproducible).
Beside the corpus: docs.jsonl (id, title, body per file, for the peers) and queries.tsv
(set, qid, text: the dev queries and the gold queries, which the keystroke replays type).
The eval data is read at run time and written only under OUT (a scratch dir, never committed).
"""
import argparse
import json
import os
import random
import re
import shutil
import sys

SEED = 20240601
TYPES = ["faq", "faq", "faq", "policy", "notice", "script"]


def split_front_matter(text):
    if not text.startswith("---\n"):
        return "", text
    end = text.find("\n---\n", 4)
    return (text[4:end], text[end + 5:]) if end >= 0 else ("", text)


def sections(body):
    """## heading -> text."""
    out, name, buf = {}, None, []
    for line in body.splitlines():
        if line.startswith("## "):
            if name:
                out[name] = "\n".join(buf).strip()
            name, buf = line[3:].strip(), []
        else:
            buf.append(line)
    if name:
        out[name] = "\n".join(buf).strip()
    return out


def plain(markdown):
    text = re.sub(r"[*#>`|]|^\s*[-+]\s+|^\s*\d+\.\s+", "", markdown, flags=re.M)
    return re.sub(r"\s*\n\s*", "", text)


def sentences(text):
    return [s + "。" for s in re.split(r"。", plain(text)) if len(s.strip()) >= 8]


def front_field(front, key):
    m = re.search(r"^" + key + r":\s*(.*)$", front, flags=re.M)
    return m.group(1).strip() if m else ""


def yaml_list(values):
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, required=True)
    ap.add_argument("--sample", required=True, help="sample corpus root (corpus/)")
    ap.add_argument("--eval", required=True, help="localgovfaq-dev directory")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    corpus_dir = os.path.join(out, "corpus")
    os.makedirs(corpus_dir)
    docs = open(os.path.join(out, "docs.jsonl"), "w", encoding="utf-8")
    written = 0
    questions, answer_sentences, categories, tags = [], [], set(), set()

    def emit(rel, text, doc_id, title, body):
        nonlocal written
        path = os.path.join(corpus_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        docs.write(json.dumps({"id": doc_id, "title": title, "body": body}, ensure_ascii=False) + "\n")
        written += 1

    # 1. The development corpus, as `madoguchi eval` indexes it.
    with open(os.path.join(args.eval, "corpus.json"), encoding="utf-8") as f:
        dev = json.load(f)
    for key in sorted(dev, key=int):
        text = dev[key]
        q, _, a = text.partition("\nAnswer:")
        q = q.replace("Question:", "", 1).strip().replace("\n", " ")
        a = a.strip()
        questions.append(q)
        answer_sentences.extend(sentences(a))
        md = f"---\nid: lgfaq-{key}\ntype: faq\ntitle: {json.dumps(q, ensure_ascii=False)}\n---\n## 回答\n{a}\n"
        emit(f"lgfaq/{int(key) // 500}/{key}.md", md, f"lgfaq-{key}", q, a)

    # 2. The sample corpus, verbatim (versions and synonyms included).
    sample_entries = os.path.join(args.sample, "entries")
    for root, _, files in sorted(os.walk(sample_entries)):
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            src = os.path.join(root, name)
            with open(src, encoding="utf-8") as f:
                text = f.read()
            front, body = split_front_matter(text)
            sec = sections(body)
            title = front_field(front, "title").strip('"')
            if sec.get("質問"):
                questions.append(plain(sec["質問"]))
            for s in ("回答", "トークスクリプト"):
                answer_sentences.extend(sentences(sec.get(s, "")))
            for c in re.findall(r"[^\[\],\s]+", front_field(front, "category")):
                categories.add(c)
            for t in re.findall(r"[^\[\],\s]+", front_field(front, "tags")):
                tags.add(t)
            emit(os.path.join("sample", os.path.relpath(src, sample_entries)), text,
                 front_field(front, "id"), title, plain(body))
    syn = os.path.join(args.sample, "synonyms.tsv")
    if os.path.exists(syn):
        shutil.copy(syn, os.path.join(corpus_dir, "synonyms.tsv"))

    # 3. Fillers recombined from sentences, one RNG per entry number (nested corpora).
    categories, tags = sorted(categories) or ["一般"], sorted(tags) or ["一般"]
    i = 0
    while written < args.entries:
        rng = random.Random(f"{SEED}-{i}")
        title = rng.choice(questions)
        question = rng.choice(questions)
        answer = "".join(rng.choice(answer_sentences) for _ in range(rng.randint(2, 6)))
        front = [f"id: bench-{i}", f"type: {rng.choice(TYPES)}", f"title: {json.dumps(title, ensure_ascii=False)}",
                 f"category: {yaml_list([rng.choice(categories)])}",
                 f"tags: {yaml_list(sorted(set(rng.sample(tags, 3))))}"]
        if rng.random() < 0.3:
            front.append(f"effective: {rng.randint(2020, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        md = "---\n" + "\n".join(front) + f"\n---\n## 質問\n{question}\n\n## 回答\n{answer}\n"
        emit(f"synth/{i // 1000}/bench-{i}.md", md, f"bench-{i}", title, question + answer)
        i += 1
    docs.close()

    # Keystroke queries: the dev queries, then the gold queries when the sample corpus has them.
    with open(os.path.join(args.eval, "queries.json"), encoding="utf-8") as f:
        dev_queries = json.load(f)
    with open(os.path.join(out, "queries.tsv"), "w", encoding="utf-8") as f:
        for qid in sorted(dev_queries, key=int):
            f.write(f"dev\t{qid}\t{dev_queries[qid].strip()}\n")
        gold = os.path.join(args.sample, "gold", "queries.tsv")
        if os.path.exists(gold):
            with open(gold, encoding="utf-8") as g:
                n = 0
                for line in g:
                    cols = line.rstrip("\n").split("\t")
                    if not cols[0].strip() or line.startswith("#") or cols[0] in ("query", "id", "qid"):
                        continue
                    # Either "query<TAB>ids..." or "qid<TAB>query<TAB>ids...": the query has no ASCII id shape.
                    text = cols[1] if len(cols) > 1 and re.fullmatch(r"[a-z0-9_-]+", cols[0]) else cols[0]
                    f.write(f"gold\tg{n}\t{text.strip()}\n")
                    n += 1
    size = sum(os.path.getsize(os.path.join(r, n)) for r, _, fs in os.walk(corpus_dir) for n in fs if n.endswith(".md"))
    json.dump({"files": written, "bytes": size, "seed": SEED}, open(os.path.join(out, "meta.json"), "w"))
    print(f"gen_corpus: {written} files, {size / 1e6:.1f} MB in {corpus_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
