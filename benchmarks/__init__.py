"""Benchmarks for the grader: ``python -m benchmarks`` from the repository root.

Every figure is a ratio against a baseline measured in the same run, on the same machine,
so that a slow or busy machine moves both sides. Nothing here passes or fails a test: the
targets are reported as met or missed, with the gap.
"""
