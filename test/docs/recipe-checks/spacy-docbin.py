# Test-only check: a Doc per record, and every span keeps its text (spans that were not aligned to
# tokens cover exactly the tokens they touch).
records = [json.loads(line) for line in open('study-spacy.jsonl', encoding='utf-8')]
assert len(db) == len(records)
for rec in records:
    words, spaces, index = words_and_spaces(rec['text'], rec['tokens'])
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    for s in rec['spans']:
        span = Span(doc, index[s['token_start']], index[s['token_end']] + 1, label=s['label'])
        assert span.start_char <= s['start'] < s['end'] <= span.end_char
        first, last = rec['tokens'][s['token_start']], rec['tokens'][s['token_end']]
        if (first['start'], last['end']) == (s['start'], s['end']):
            assert span.text == rec['text'][s['start']:s['end']]
