# Test-only check: every relation found both of its ends in the span table.
assert len(links) == len(relations)
assert len(spans) == sum(len(d['spans']) for d in docs)
