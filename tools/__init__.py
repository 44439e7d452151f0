"""Tools that run the app outside the tests: the server harness and the screenshot script."""
