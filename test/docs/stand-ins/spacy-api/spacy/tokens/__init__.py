"""Stand-in for spacy.tokens: Doc, Span, DocBin with spaCy's documented rules."""
import json


class Token:
    def __init__(self, doc, i):
        self.doc, self.i = doc, i
        self.text = doc._words[i]
        self.idx = doc._starts[i]
        self.whitespace_ = ' ' if doc._spaces[i] else ''
        self.is_space = self.text.isspace()


class Span:
    def __init__(self, doc, start, end, label=''):
        if not isinstance(doc, Doc):
            raise TypeError('Span needs a Doc')
        if not (0 <= start <= end <= len(doc)):
            raise IndexError(f'span [{start}, {end}) outside the doc (length {len(doc)})')
        if not isinstance(label, (str, int)):
            raise TypeError('a span label is a string or a hash')
        self.doc, self.start, self.end, self.label_ = doc, start, end, str(label)
        self.start_char = doc._starts[start] if start < len(doc) else len(doc.text)
        self.end_char = doc._starts[end - 1] + len(doc._words[end - 1]) if end > start else self.start_char
        self.text = doc.text[self.start_char:self.end_char]

    def __len__(self):
        return self.end - self.start


class SpanGroups(dict):
    def __init__(self, doc):
        super().__init__()
        self._doc = doc

    def __setitem__(self, key, spans):
        spans = list(spans)
        for s in spans:
            if not isinstance(s, Span):
                raise TypeError(f'doc.spans[{key!r}] takes Span objects, got {type(s).__name__}')
            if s.doc is not self._doc:
                raise ValueError('a span of another Doc')
        super().__setitem__(key, spans)


class Doc:
    def __init__(self, vocab, words=None, spaces=None, **kwargs):
        words = list(words or [])
        spaces = [True] * len(words) if spaces is None else list(spaces)
        if len(spaces) != len(words):
            raise ValueError('spaces must have the same length as words')
        for w in words:
            if not isinstance(w, str) or w == '':
                raise ValueError(f'a word must be a non-empty string: {w!r}')
        self.vocab, self._words, self._spaces = vocab, words, [bool(s) for s in spaces]
        self._starts, text = [], ''
        for w, s in zip(words, self._spaces):
            self._starts.append(len(text))
            text += w + (' ' if s else '')
        self.text = text
        self.spans = SpanGroups(self)
        self._ents = ()

    def __len__(self):
        return len(self._words)

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, _ = i.indices(len(self))
            return Span(self, start, stop)
        return Token(self, range(len(self))[i])

    def __iter__(self):
        return (Token(self, i) for i in range(len(self)))

    @property
    def ents(self):
        return self._ents

    @ents.setter
    def ents(self, spans):
        spans = sorted(spans, key=lambda s: s.start)
        for a, b in zip(spans, spans[1:]):
            if b.start < a.end:
                raise ValueError('doc.ents cannot overlap (use doc.spans for overlapping spans)')
        self._ents = tuple(spans)

    def char_span(self, start_idx, end_idx, label='', alignment_mode='strict'):
        ends = [s + len(w) for s, w in zip(self._starts, self._words)]
        if alignment_mode == 'strict':
            if start_idx not in self._starts or end_idx not in ends:
                return None
            first, last = self._starts.index(start_idx), ends.index(end_idx)
        elif alignment_mode == 'expand':
            touched = [i for i in range(len(self)) if self._starts[i] < end_idx and ends[i] > start_idx]
            if not touched:
                return None
            first, last = touched[0], touched[-1]
        elif alignment_mode == 'contract':
            inside = [i for i in range(len(self)) if self._starts[i] >= start_idx and ends[i] <= end_idx]
            if not inside:
                return None
            first, last = inside[0], inside[-1]
        else:
            raise ValueError(f'unknown alignment_mode {alignment_mode!r}')
        if last < first:
            return None
        return Span(self, first, last + 1, label)


class DocBin:
    def __init__(self, attrs=None, store_user_data=False, docs=()):
        self._docs = []
        for d in docs:
            self.add(d)

    def add(self, doc):
        if not isinstance(doc, Doc):
            raise TypeError('DocBin.add takes a Doc')
        self._docs.append(doc)

    def __len__(self):
        return len(self._docs)

    def to_disk(self, path):
        data = [
            {
                'words': d._words,
                'spaces': d._spaces,
                'spans': {k: [(s.start, s.end, s.label_) for s in v] for k, v in d.spans.items()},
                'ents': [(s.start, s.end, s.label_) for s in d.ents],
            }
            for d in self._docs
        ]
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(data, f)
