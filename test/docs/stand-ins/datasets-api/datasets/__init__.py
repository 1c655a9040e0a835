"""Stand-in for the part of Hugging Face `datasets` the recipes use (see ../../README.md).

load_dataset('json', ...) types each column the way Arrow's JSON reader does, so a file whose rows
disagree on a field's type fails here as it fails there.
"""
import json


class Value:
    def __init__(self, dtype):
        self.dtype = dtype

    def __repr__(self):
        return f'Value({self.dtype!r})'


class ClassLabel:
    def __init__(self, num_classes=None, names=None):
        if names is None:
            names = [str(i) for i in range(num_classes or 0)]
        if len(set(names)) != len(names):
            raise ValueError('ClassLabel names must be unique')
        self.names, self.num_classes = list(names), len(names)

    def str2int(self, name):
        return self.names.index(name)

    def int2str(self, i):
        return self.names[i]

    def __repr__(self):
        return f'ClassLabel(names={self.names!r})'


class Sequence:
    def __init__(self, feature, length=-1):
        self.feature, self.length = feature, length

    def __repr__(self):
        return f'Sequence({self.feature!r})'


class Features(dict):
    pass


# --- Arrow-like type inference -------------------------------------------------------------------

def _type_of(value, where):
    if value is None:
        return 'null'
    if isinstance(value, bool):
        return 'bool'
    if isinstance(value, int):
        return 'int64'
    if isinstance(value, float):
        return 'double'
    if isinstance(value, str):
        return 'string'
    if isinstance(value, list):
        item = 'null'
        for v in value:
            item = _unify(item, _type_of(v, where + '[]'), where + '[]')
        return ('list', item)
    if isinstance(value, dict):
        return ('struct', {k: _type_of(v, f'{where}.{k}') for k, v in value.items()})
    raise TypeError(f'{where}: {type(value).__name__} is not JSON')


def _unify(a, b, where):
    if a == 'null':
        return b
    if b == 'null' or a == b:
        return a
    if a in ('int64', 'double') and b in ('int64', 'double'):
        return 'double'
    if isinstance(a, tuple) and isinstance(b, tuple) and a[0] == b[0] == 'list':
        return ('list', _unify(a[1], b[1], where + '[]'))
    if isinstance(a, tuple) and isinstance(b, tuple) and a[0] == b[0] == 'struct':
        fields = dict(a[1])
        for k, t in b[1].items():
            fields[k] = _unify(fields.get(k, 'null'), t, f'{where}.{k}')
        return ('struct', fields)
    raise ValueError(f'JSON parse error: Column({where}) changed from {_name(a)} to {_name(b)}')


def _name(t):
    return t if isinstance(t, str) else t[0]


def _conform(value, t):
    """The value as Arrow gives it back: struct fields it lacks read as None."""
    if isinstance(t, tuple) and t[0] == 'struct':
        return None if value is None else {k: _conform(value.get(k), ft) for k, ft in t[1].items()}
    if isinstance(t, tuple) and t[0] == 'list':
        return None if value is None else [_conform(v, t[1]) for v in value]
    if t == 'double' and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _feature(t):
    if isinstance(t, tuple) and t[0] == 'struct':
        return {k: _feature(v) for k, v in t[1].items()}
    if isinstance(t, tuple) and t[0] == 'list':
        inner = _feature(t[1])
        return [inner] if isinstance(inner, (dict, list)) else Sequence(inner)
    return Value(t)


class Dataset:
    def __init__(self, rows, features):
        self._rows, self.features = rows, features
        self.column_names = list(features)

    def __len__(self):
        return len(self._rows)

    @property
    def num_rows(self):
        return len(self._rows)

    def __getitem__(self, key):
        if isinstance(key, str):
            return [r[key] for r in self._rows]
        return self._rows[key]

    def __iter__(self):
        return iter(self._rows)

    @classmethod
    def from_dict(cls, mapping, features=None):
        lengths = {k: len(v) for k, v in mapping.items()}
        if len(set(lengths.values())) > 1:
            raise ValueError(f'columns of different lengths: {lengths}')
        rows = [dict(zip(mapping, values)) for values in zip(*mapping.values())]
        if features is None:
            t = 'null'
            for r in rows:
                t = _unify(t, _type_of(r, ''), '')
            features = Features(_feature(t)) if rows else Features()
        else:
            if set(features) != set(mapping):
                raise ValueError('features must name exactly the columns')
            for r in rows:
                for k, f in features.items():
                    _check(r[k], f, k)
        return cls(rows, features)

    @classmethod
    def from_list(cls, rows, features=None):
        keys = list(rows[0]) if rows else []
        return cls.from_dict({k: [r.get(k) for r in rows] for k in keys}, features)


def _check(value, feature, where):
    if isinstance(feature, Sequence):
        if not isinstance(value, list):
            raise TypeError(f'{where}: a Sequence needs a list')
        for v in value:
            _check(v, feature.feature, where + '[]')
    elif isinstance(feature, ClassLabel):
        if isinstance(value, str):
            value = feature.str2int(value)
        if not isinstance(value, int) or not 0 <= value < feature.num_classes:
            raise ValueError(f'{where}: class label {value!r} is not in 0..{feature.num_classes - 1}')
    elif isinstance(feature, Value):
        ok = {
            'string': str,
            'bool': bool,
            'int64': int,
            'int32': int,
            'float64': (int, float),
            'float32': (int, float),
        }.get(feature.dtype, object)
        if value is not None and not isinstance(value, ok):
            raise TypeError(f'{where}: {value!r} is not {feature.dtype}')


def load_dataset(path, data_files=None, split=None, **kwargs):
    if path != 'json':
        raise NotImplementedError('the stand-in loads only the "json" builder')
    files = [data_files] if isinstance(data_files, str) else list(data_files or [])
    if isinstance(data_files, dict):
        raise NotImplementedError('the stand-in takes a file name or a list of them')
    rows = []
    for name in files:
        with open(name, encoding='utf-8') as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    row = json.loads(line)
                    if not isinstance(row, dict):
                        raise ValueError(f'{name}:{n}: a JSON Lines row must be an object')
                    rows.append(row)
    t = 'null'
    for r in rows:
        t = _unify(t, _type_of(r, ''), '')
    features = Features(_feature(t)) if rows else Features()
    dataset = Dataset([_conform(r, t) for r in rows], features)
    if split is None:
        return {'train': dataset}
    if split != 'train':
        raise KeyError(f'split {split!r}: the json builder makes only "train"')
    return dataset
