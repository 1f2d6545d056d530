"""docs/story.md, the demo's story: every ``$ rep-planner`` line is run, in order, on the demo, and
prints the figures the page shows ("..." stands for lines left out)."""

from tests.test_alternatives_guide import ROOT, cli, shows, steps  # noqa: F401  (cli: the fixture)

STORY = ROOT / "docs" / "story.md"


def test_the_story_shows_real_commands_and_their_real_figures(cli):  # noqa: F811
    found = steps(STORY)
    assert any(argv[0] == "whatif" for argv, _ in found) and any(argv[0] == "compare" for argv, _ in found)
    for argv, expected in found:
        code, out = cli(*argv)
        assert shows(out.rstrip("\n").splitlines(), expected), (argv, out)
        assert code == (2 if expected[0].startswith("error: ") else 0), argv
