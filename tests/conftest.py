import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from planner import scenario_file
from planner.storage import DEMO_PATH


@pytest.fixture(scope="session")
def demo():
    return scenario_file.load(DEMO_PATH)
