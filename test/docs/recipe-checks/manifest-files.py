# Test-only check: every export's manifest was read, and each lists its files.
manifests = glob.glob('*.manifest.json') + glob.glob('*/manifest.json')
assert len(manifests) >= 10, manifests
assert all(json.load(open(p, encoding='utf-8'))['files'] for p in manifests)
