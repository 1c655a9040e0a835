# Test-only check after the CoNLL recipe: every I- continues a B-/I- of the same label (a reader
# that dropped `#` token lines left I- tags without their B-), and `#` tokens are read.
import os

for document in documents:
    for sentence in document:
        previous = 'O'
        for token, tag in sentence:
            if tag.startswith('I-'):
                assert previous[2:] == tag[2:] and previous != 'O', (token, tag, sentence)
            previous = tag
tokens = [token for sentence in sentences for token, _ in sentence]
if os.environ['RECIPE_PROJECT'] != 'sample':
    assert ('#', 'B-Claim') in [t for s in sentences for t in s]
    assert '#' in tokens and 'hashtag' in tokens
