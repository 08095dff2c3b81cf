"""A report decodes each statement once (issue 14 item 6): the raw statement's verb is read
one time per statement, however many report parts (evidence, pauses, reflections, next
step, session facts, class code) use it."""

from __future__ import annotations

from collections import Counter

from telemetry.report.model import build_report


class Counted(dict):
    """A statement dict that counts how often its ``verb`` is read."""

    reads: Counter = Counter()

    def get(self, key, default=None):
        if key == "verb":
            Counted.reads[self["id"]] += 1
        return super().get(key, default)

    def __getitem__(self, key):
        if key == "verb":
            Counted.reads[dict.__getitem__(self, "id")] += 1
        return super().__getitem__(key)


def test_report_reads_each_statement_once(inputs, statements):
    counted = [Counted(st) for st in statements]
    Counted.reads.clear()
    rep = build_report(counted, inputs[0], occupations=inputs[1], player_code="BLUE-FOX-42")
    assert rep["session"]["statements"] == len(statements)
    assert set(Counted.reads) == {st["id"] for st in statements}
    assert max(Counted.reads.values()) == 1, Counter(Counted.reads.values())
