# Test-only check: every sheet's rows select their text in the document (code points), except
# where the manifest counts characters XML cannot hold; empty cells are '' with keep_default_na.
import json

texts = {}
for line in open('study-codepoint.jsonl', encoding='utf-8'):
    doc = json.loads(line)
    texts[doc['id']] = doc['text']
manifest = json.load(open('study.xlsx.manifest.json', encoding='utf-8'))
xml_losses = sum(l['count'] for l in manifest['losses'] if l['what'] == 'characters XML cannot hold')
mismatches = 0
for sheet in sheets.values():
    assert not sheet.isna().any().any()
    for row in sheet.itertuples():
        if texts[row.document_id][row.start:row.end] != row.text:
            mismatches += 1
            assert '\ufffd' in row.text
assert mismatches <= xml_losses
