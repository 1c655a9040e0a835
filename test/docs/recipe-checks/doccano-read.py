# Test-only check: the unlinked project's export is the sequence-labelling form and holds a
# document without spans (`"label": []`), the record the old recipe failed on.
import os

records = [json.loads(line) for line in open('study-doccano.jsonl', encoding='utf-8')]
if os.environ['RECIPE_PROJECT'] == 'unlinked':
    assert all('label' in r and 'entities' not in r for r in records)
    assert any(r['label'] == [] for r in records)
if os.environ['RECIPE_PROJECT'] == 'hostile':
    assert all('entities' in r for r in records)
    assert any(r['entities'] == [] for r in records)
    assert {'claim/Claim', 'source/Claim'} <= {e['label'] for r in records for e in r['entities']}
