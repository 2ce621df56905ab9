"""The bulk floor: parse every YAML file in a folder with PyYAML's C loader (libyaml), in one process."""

import sys
from pathlib import Path

import yaml

for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
