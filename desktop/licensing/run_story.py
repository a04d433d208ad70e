"""What a run in the history did and to whom, for its headline: "Add Office 365 E3 · Natalia
Lewandowska and 4 others". The words come from the change's phrases (``phrases.py``); this
module only picks the change and the people from the journal, without reading every step of a
100,000-user run."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.licensing.journal import Journal, StepRow
from desktop.licensing.types import PlanKind, RunSummary, UserChange

# Runs whose builders give every user the same change (builders.py): the first step's change
# says what the whole run did. Copy, import, undo and mixed runs differ per user.
SAME_CHANGE_FOR_ALL = frozenset(
    {
        PlanKind.ASSIGN,
        PlanKind.REASSIGN,
        PlanKind.REMOVE,
        PlanKind.APPS,
        PlanKind.USAGE_LOCATION,
        PlanKind.SIGN_IN,
        PlanKind.CREATE,
        PlanKind.REPROCESS,
    }
)


@dataclass(frozen=True, slots=True)
class RunStory:
    change: UserChange | None  # what every user got; None when it differs per user
    first_user: str  # the first user, by name when known
    others: int  # how many more users the run touched


def person(step: StepRow) -> str:
    """A step's user as people know them: the name, else the user name (UPN)."""
    if step.before is not None and step.before.display_name:
        return step.before.display_name
    if step.change.create is not None and step.change.create.display_name:
        return step.change.create.display_name
    return step.label


def run_story(journal: Journal, run: RunSummary) -> RunStory | None:
    """None for a run without steps."""
    first = journal.steps(run.run_id, limit=1)
    if not first:
        return None
    change = first[0].change if run.kind in SAME_CHANGE_FOR_ALL else None
    return RunStory(change, person(first[0]), max(0, run.total - 1))
