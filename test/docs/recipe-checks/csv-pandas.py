# Test-only check: un-escaping gives back exactly the escapeFormulas=false export, and the hostile
# project really has formula-like cells, one of them starting with an apostrophe.
import os

raw = pd.read_csv('study-raw.csv', encoding='utf-8-sig', keep_default_na=False,
                  dtype={'start': int, 'end': int})
assert spans.equals(raw), 'unescaped CSV differs from the escapeFormulas=false export'
if os.environ['RECIPE_PROJECT'] != 'sample':
    assert spans.text.str.startswith(('=', '+', '-', '@')).sum() >= 3
    assert spans.text.str.startswith("'").any()
    assert len(links) == sum(len(json.loads(r)) for r in raw.relations if r)
