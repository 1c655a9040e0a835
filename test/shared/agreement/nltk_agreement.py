"""Reference values from NLTK's AnnotationTask for the agreement tests.

Reads {"tasks": [{"id", "triples": [[coder, unit, value], ...], "distance": "binary"|"interval",
"measures": [...]}]} as JSON on stdin and prints {id: {measure: value or {"error": text}}}.
Measures: kappa, pi, multi_kappa, alpha, and kappa_pairwise (a {"a|b": value} map).
"""
import json
import sys

from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance, interval_distance


def measure(task, name):
    try:
        if name == "kappa_pairwise":
            coders = sorted(task.C)
            return {
                f"{a}|{b}": task.kappa_pairwise(a, b)
                for i, a in enumerate(coders)
                for b in coders[i + 1:]
            }
        return getattr(task, name)()
    except Exception as error:  # the tests show which inputs NLTK refuses
        return {"error": f"{type(error).__name__}: {error}"}


def main():
    request = json.load(sys.stdin)
    out = {}
    for spec in request["tasks"]:
        distance = interval_distance if spec.get("distance") == "interval" else binary_distance
        task = AnnotationTask(data=[tuple(t) for t in spec["triples"]], distance=distance)
        out[spec["id"]] = {name: measure(task, name) for name in spec["measures"]}
    json.dump(out, sys.stdout)


main()
