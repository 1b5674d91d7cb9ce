"""Reads a JSON list of TOML documents (argv[1]); prints a JSON list with, for each, the
canonical form of what tomllib reads (see TOMLDifferentialTests.swift) or "ERROR"."""
import json
import math
import struct
import sys
import tomllib
import datetime


def canonical(value):
    if isinstance(value, bool):
        return "b:" + ("true" if value else "false")
    if isinstance(value, int):
        if not -(2**63) <= value < 2**63:
            return "BIGINT"
        return "i:" + str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "f:nan"
        return "f:" + struct.pack(">d", value).hex()
    if isinstance(value, str):
        return "s:" + json.dumps(value, ensure_ascii=True)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return "d"
    if isinstance(value, list):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=True) + "=" + canonical(v) for k, v in sorted(value.items())) + "}"
    raise TypeError(type(value))


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        documents = json.load(handle)
    results = []
    for document in documents:
        try:
            result = canonical(tomllib.loads(document))
            results.append("BIGINT" if "BIGINT" in result else result)
        except (tomllib.TOMLDecodeError, RecursionError):
            results.append("ERROR")
    print(json.dumps(results))


main()
