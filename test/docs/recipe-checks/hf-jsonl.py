# Test-only check: one row per document, and struct fields absent on a row read as None.
import json as _json
lines = [_json.loads(l) for l in open('study-codepoint.jsonl', encoding='utf-8')]
assert len(ds) == len(lines)
for doc in ds:
    for span in doc['spans']:
        assert 'entity_id' in span
