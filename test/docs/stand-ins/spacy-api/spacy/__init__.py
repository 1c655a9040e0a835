"""Stand-in for the part of spaCy's API the recipes use (see ../../README.md)."""


class Vocab:
    def __init__(self, lang):
        self.lang = lang


class Language:
    def __init__(self, lang):
        self.lang = lang
        self.vocab = Vocab(lang)

    def make_doc(self, text):
        raise NotImplementedError('the stand-in has no tokenizer: build Doc(vocab, words, spaces)')


def blank(lang):
    if not isinstance(lang, str) or not lang:
        raise ValueError('spacy.blank needs a language code')
    return Language(lang)
