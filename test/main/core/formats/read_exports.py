"""Reads Marginalia's exports with the readers their consumers use, and checks every span.

Usage: python3 read_exports.py ROOT. ROOT holds one folder per project, each with reference.json
({"documents": [{"id", "text", "spans": [{"id", "layer", "label", "text", "start", "end"}]}]},
offsets in code points: what the project holds) and one folder per export format as the test
wrote it. Readers: json and csv from the standard library, NLTK's ConllCorpusReader, openpyxl
(warnings are errors), xml.etree and xmllint. Each span must slice (Python code points) to its
text; what a format cannot hold must be counted in its manifest. Prints one JSON line of counts
and exits non-zero with a message naming the project, format and file on the first failure.
"""
import csv
import json
import os
import re
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter

from nltk.corpus.reader import ConllCorpusReader
import openpyxl

warnings.simplefilter("error")  # openpyxl's "no default style" and friends fail the check
BRAT_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
counts = Counter()


def fail(where, message):
    sys.exit(f"{where}: {message}")


def check(condition, where, message):
    if not condition:
        fail(where, message)


def manifest(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def loss(man, what):
    return sum(l["count"] for l in man["losses"] if l["what"] == what)


def unescape(cell):
    """The CSV's formula escaping, undone: one leading ' goes."""
    return cell[1:] if cell.startswith("'") else cell


def check_jsonl(ref, d, where):
    with open(os.path.join(d, "export.jsonl"), encoding="utf-8") as f:
        lines = [json.loads(line) for line in f]
    n = 0
    for line in lines:
        doc = ref[line["id"]]
        check(line["text"] == doc["text"], where, f"{line['id']}: text differs")
        raw = line["text"].encode("utf-16-le")
        for s in line["spans"]:
            got = raw[2 * s["start"] : 2 * s["end"]].decode("utf-16-le")
            check(got == s["text"], where, f"span {s['id']} slices to {got!r}")
            n += 1
    counts["spans"] += n
    return n


def check_table_rows(ref, rows, where, loose_xml=False):
    for row in rows:
        text = ref[row["document_id"]]["text"]
        start, end = int(row["start"]), int(row["end"])
        want = text[start:end]
        got = row["text"]
        if loose_xml:
            want = NOT_XML.sub("\ufffd", want)
        check(got == want, where, f"span {row['span_id']}: {got!r} is not text[{start}:{end}]")
        counts["spans"] += 1


def check_csv(ref, d, where):
    with open(os.path.join(d, "export.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    rows = [{k: unescape(v) for k, v in row.items()} for row in rows]
    check_table_rows(ref, rows, where)
    return len(rows)


def check_xlsx(ref, d, where):
    book = openpyxl.load_workbook(os.path.join(d, "export.xlsx"), read_only=True)
    n = 0
    for sheet in book.worksheets:
        values = list(sheet.iter_rows(values_only=True))
        header = values[0]
        rows = [
            {h: ("" if v is None else str(v)) for h, v in zip(header, row)} for row in values[1:]
        ]
        check_table_rows(ref, rows, f"{where} sheet {sheet.title}", loose_xml=True)
        n += len(rows)
    return n


def check_doccano(ref, d, where):
    n = 0
    with open(os.path.join(d, "export.jsonl"), encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            text = rec["text"]
            check(text == ref[rec["id"]]["text"], where, f"{rec['id']}: text differs")
            if "entities" in rec:
                spans = [(e["start_offset"], e["end_offset"]) for e in rec["entities"]]
            else:
                check(isinstance(rec["label"], list), where, "label is not a list")
                spans = [(s, e) for s, e, _ in rec["label"]]
            want = Counter((s["start"], s["end"]) for s in ref[rec["id"]]["spans"])
            check(Counter(spans) == want, where, f"{rec['id']}: spans differ")
            n += len(spans)
    counts["spans"] += n
    return n


def check_label_studio(ref, d, where):
    out = os.path.join(d, "out")
    ET.parse(os.path.join(out, "label-studio-config.xml"))
    with open(os.path.join(out, "label-studio.json"), encoding="utf-8") as f:
        tasks = json.load(f)
    n = 0
    for task in tasks:
        text = task["data"]["text"]
        for r in task["annotations"][0]["result"]:
            if r["type"] == "labels":
                v = r["value"]
                check(text[v["start"] : v["end"]] == v["text"], where, f"region {r['id']}")
                n += 1
    counts["spans"] += n
    return n


def ann_lines(text):
    return text.splitlines()  # as brat's reader splits .ann files


def check_brat(ref, d, where):
    out = os.path.join(d, "out")
    with open(os.path.join(out, "annotation.conf"), encoding="utf-8") as f:
        conf = f.read()
    declared = set()
    for line in conf.split("\n"):
        if not line.strip() or line.startswith("#") or line.startswith("["):
            continue
        name = line.strip().lstrip("!").split("\t")[0]
        if name.startswith("<"):
            continue
        check(BRAT_NAME.match(name), where, f"annotation.conf name {name!r} is not brat's grammar")
        declared.add(name)
    with open(os.path.join(out, "marginalia-documents.json"), encoding="utf-8") as f:
        stems = {e["file"]: e for e in json.load(f)["documents"]}
    n = 0
    for stem, entry in stems.items():
        with open(os.path.join(out, stem + ".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
        check(text == ref[entry["id"]]["text"], where, f"{stem}.txt differs from the text")
        with open(os.path.join(out, stem + ".ann"), encoding="utf-8", newline="") as f:
            lines = ann_lines(f.read())
        for line in lines:
            fields = line.split("\t", 2)  # as brat: the covered text may hold tabs
            check(len(fields) >= 2, where, f"{stem}.ann: line {line!r} has no tab")
            kind = fields[0][0]
            type_ = fields[1].split(" ")[0]
            if kind in "TRA":
                check(type_ in declared, where, f"{stem}.ann: {type_} is not in annotation.conf")
            if kind != "T":
                continue
            ranges = [tuple(map(int, r.split())) for r in fields[1].split(" ", 1)[1].split(";")]
            covered = " ".join(text[s:e] for s, e in ranges)
            check(fields[2] == covered, where, f"{stem}.ann {fields[0]}: {fields[2]!r}")
            check(all(len(text[s:e].splitlines()) == 1 for s, e in ranges), where, "break inside")
            n += 1
    counts["spans"] += n
    return n


def check_w3c(ref, d, where):
    out = os.path.join(d, "out")
    n = 0
    for name in sorted(os.listdir(out)):
        if not name.endswith(".jsonld"):
            continue
        with open(os.path.join(out, name), encoding="utf-8") as f:
            coll = json.load(f)
        with open(os.path.join(out, name[:-7] + ".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
        for a in coll["first"]["items"]:
            if a["motivation"] != "tagging":
                continue
            sel = {s["type"]: s for s in a["target"]["selector"]}
            q, p = sel["TextQuoteSelector"], sel["TextPositionSelector"]
            check(text[p["start"] : p["end"]] == q["exact"], where, f"{name}: {a['id']}")
            n += 1
    counts["spans"] += n
    return n


def check_conll(ref, d, where, order):
    out = os.path.join(d, "out")
    man = manifest(os.path.join(out, "manifest.json"))
    files = sorted(f for f in os.listdir(out) if f.endswith(".conll"))
    reader = ConllCorpusReader(out, files, ("words", "ignore", "ignore", "ne"))
    chunks = []  # [start, end, label, document index, layer]
    for fileid in files:
        words = reader.words(fileid)  # NLTK raises on a line with the wrong number of columns
        with open(os.path.join(out, fileid), encoding="utf-8") as f:
            rows = [l.split() for l in f.read().split("\n") if l.strip()]
        check(all(len(r) == 4 for r in rows), where, f"{fileid}: a line without 4 columns")
        tokens = [r[0] for r in rows if r[0] != "-DOCSTART-"]  # NLTK skips DOCSTART lines
        check(list(words) == tokens, where, f"{fileid}: NLTK read other words than the file")
        doc, pos, text, last = -1, 0, "", None
        for r in rows:
            if r[0] == "-DOCSTART-":
                doc, pos, last = doc + 1, 0, None
                text = ref[order[doc]]["text"]
                continue
            while text[pos].isspace():
                pos += 1
            check(text.startswith(r[0], pos), where, f"{fileid}: token {r[0]!r} at {pos}")
            start, pos = pos, pos + len(r[0])
            tag = r[3]
            if tag.startswith("B-"):
                last = [start, pos, tag[2:], doc, fileid[:-6]]
                chunks.append(last)
            elif tag.startswith("I-"):
                check(last and last[2] == tag[2:], where, f"{fileid}: I- without its B-")
                last[1] = pos
            else:
                last = None
    n = len(chunks)
    check(n == man["counts"]["spans"], where, f"{n} B- tags for {man['counts']['spans']} spans")
    inexact = 0
    for start, end, _label, doc, layer in chunks:
        spans = ref[order[doc]]["spans"]
        text = ref[order[doc]]["text"]
        if text[start:end] not in {s["text"] for s in spans if s["layer"] == layer}:
            inexact += 1
    widened = loss(man, "spans not aligned to tokens")
    check(inexact <= widened, where, f"{inexact} chunks match no span; {widened} declared widened")
    counts["spans"] += n
    return n


def check_spacy(ref, d, where):
    n = 0
    with open(os.path.join(d, "export.jsonl"), encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            text = rec["text"]
            for t in rec["tokens"]:
                check(text[t["start"] : t["end"]] == t["text"], where, f"token {t['id']}")
                check(not any(c.isspace() for c in t["text"]), where, f"space in {t['text']!r}")
                check(t["text"] != "", where, "empty token")
            want = {s["id"]: s for s in ref[rec["meta"]["id"]]["spans"]}
            for s in rec["spans"]:
                check(text[s["start"] : s["end"]] == want[s["id"]]["text"], where, s["id"])
                first, last = rec["tokens"][s["token_start"]], rec["tokens"][s["token_end"]]
                check(first["start"] <= s["start"] and last["end"] >= s["end"], where, s["id"])
                n += 1
    counts["spans"] += n
    return n


def check_qdpx(ref, d, where):
    path = os.path.join(d, "export.qdpx")
    z = zipfile.ZipFile(path)
    qde = z.read("project.qde")
    lint = subprocess.run(["xmllint", "--noout", "-"], input=qde, capture_output=True)
    check(lint.returncode == 0, where, f"xmllint: {lint.stderr.decode()}")
    ns = "{urn:QDA-XML:project:1.0}"
    texts = {doc["text"]: doc for doc in ref.values()}
    n = 0
    for src in ET.fromstring(qde).iter(ns + "TextSource"):
        text = z.read("Sources/" + src.get("plainTextPath").split("/")[-1]).decode("utf-8")
        check(text in texts, where, f"source {src.get('name')!r}: text differs")
        want = Counter(s["text"] for s in texts[text]["spans"])
        got = Counter(
            text[int(s.get("startPosition")) : int(s.get("endPosition"))]
            for s in src.findall(ns + "PlainTextSelection")
        )
        check(got == want, where, f"source {src.get('name')!r}: selections differ")
        n += sum(got.values())
    counts["spans"] += n
    return n


FILE_MANIFESTS = {
    "jsonl": "export.jsonl",
    "csv": "export.csv",
    "xlsx": "export.xlsx",
    "doccano": "export.jsonl",
    "spacy": "export.jsonl",
    "qdpx": "export.qdpx",
}
CHECKS = {
    "jsonl": check_jsonl,
    "csv": check_csv,
    "xlsx": check_xlsx,
    "doccano": check_doccano,
    "label-studio": check_label_studio,
    "brat": check_brat,
    "w3c": check_w3c,
    "spacy": check_spacy,
    "qdpx": check_qdpx,
}


def main(root):
    result = {}
    for project in sorted(os.listdir(root)):
        base = os.path.join(root, project)
        with open(os.path.join(base, "reference.json"), encoding="utf-8") as f:
            docs = json.load(f)["documents"]
        ref = {doc["id"]: doc for doc in docs}
        for doc in docs:
            for s in doc["spans"]:
                check(doc["text"][s["start"] : s["end"]] == s["text"], project, s["id"])
        order = [doc["id"] for doc in docs]
        for fmt in sorted(os.listdir(base)):
            d = os.path.join(base, fmt)
            if not os.path.isdir(d):
                continue
            where = f"{project}/{fmt}"
            if fmt == "conll":
                written = check_conll(ref, d, where, order)
            else:
                written = CHECKS[fmt](ref, d, where)
            man_path = (
                os.path.join(d, FILE_MANIFESTS[fmt] + ".manifest.json")
                if fmt in FILE_MANIFESTS
                else os.path.join(d, "out", "manifest.json")
            )
            man = manifest(man_path)
            check(man["counts"]["spans"] == written, where, f"manifest says {man['counts']}")
            result[where] = written
            counts["exports"] += 1
    print(json.dumps({"counts": dict(counts), "written": result}))


if __name__ == "__main__":
    main(sys.argv[1])
