"""Scores: what every report is rendered from."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CheckResult:
    exercise: str
    name: str
    title: str
    points: float
    hidden: bool
    status: str  # "passed", "failed" or "skipped"
    message: str = ""

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    @property
    def score(self) -> float:
        return self.points if self.passed else 0

    @property
    def max_score(self) -> float:
        return 0 if self.status == "skipped" else self.points


@dataclass(frozen=True)
class ExerciseResult:
    name: str
    title: str
    checks: list[CheckResult] = field(default_factory=list)

    @property
    def score(self) -> float:
        return sum(check.score for check in self.checks)

    @property
    def max_score(self) -> float:
        return sum(check.max_score for check in self.checks)


@dataclass(frozen=True)
class Report:
    exercises: list[ExerciseResult]
    errors: list[str] = field(default_factory=list)
    # Whose report it is (the submission's folder), so that a report graded among many says so.
    submission: str = ""
    # What the submission's code tried that the sandbox refused (gc walking, frame reading...).
    needs_review: list[str] = field(default_factory=list)
    # How its code was isolated: each protection, and whether it was on (and if not, why).
    isolation: dict[str, str] = field(default_factory=dict)

    @property
    def score(self) -> float:
        return sum(exercise.score for exercise in self.exercises)

    @property
    def max_score(self) -> float:
        return sum(exercise.max_score for exercise in self.exercises)

    @property
    def full_marks(self) -> bool:
        """Every check passed (or was skipped by the check itself), and no exercise went ungraded:
        an exercise worth 0 points, with no check that counted, is never full marks."""
        return (
            not self.errors
            and all(exercise.max_score > 0 for exercise in self.exercises)
            and all(check.status != "failed" for exercise in self.exercises for check in exercise.checks)
        )
