#!/usr/bin/env python3
"""Case 2: arguments and keyword arguments.

Python: Process(target=greet, args=("Alice", 3), kwargs={"greeting": "Good morning"})
ProcDeck passes `args` as command-line arguments, and the keyword arguments either as
`--name=value` arguments or as environment variables (GREETING=...).
"""
import os
import sys

positional = [a for a in sys.argv[1:] if not a.startswith("--")]
keywords = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)

name = positional[0] if positional else "world"
times = int(positional[1]) if len(positional) > 1 else 1
greeting = keywords.get("greeting", os.environ.get("GREETING", "Hello"))
for i in range(1, times + 1):
    print(f"{greeting}, {name}! ({i}/{times})")
