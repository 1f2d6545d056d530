"""docs/story.md, the demo's story: every ``$ rep-planner`` line is run, in order, on the demo, and
prints the figures the page shows ("..." stands for lines left out)."""

from tests.guides import ROOT, console_lines, runs_as_shown
from tests.test_alternatives_guide import cli  # noqa: F401  (the fixture)

STORY = ROOT / "docs" / "story.md"


def test_the_story_shows_real_commands_and_their_real_figures(cli):  # noqa: F811
    found = console_lines(STORY.read_text(encoding="utf-8"))
    assert any(argv[0] == "whatif" for argv, _ in found) and any(argv[0] == "compare" for argv, _ in found)
    runs_as_shown(found, lambda argv: cli(*argv))
