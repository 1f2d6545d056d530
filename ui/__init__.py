"""Rep Planner's desktop app: Qt views over the headless core in ``planner``."""
