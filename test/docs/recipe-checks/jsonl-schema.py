# Test-only check: the validator is live (a broken line is refused), and so is the codepoint export.
import copy
from jsonschema import ValidationError

for line in open('study-codepoint.jsonl', encoding='utf-8'):
    validator.validate(json.loads(line))
broken = copy.deepcopy(json.loads(open('study.jsonl', encoding='utf-8').readline()))
broken['offset_unit'] = 'bytes'
try:
    validator.validate(broken)
    raise AssertionError('a line with offset_unit "bytes" was accepted')
except ValidationError:
    pass
