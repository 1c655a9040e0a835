# Test-only check: one example per sentence, a tag per token.
assert len(ds) == len(sentences)
for example in ds:
    assert len(example['tokens']) == len(example['ner_tags'])
