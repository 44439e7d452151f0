"""The classroom: the guided lesson and the quiz, both made from the published tables."""
