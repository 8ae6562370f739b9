"""QA scorecards: what a supervisor checks a call, chat or visit against, from a standard."""
