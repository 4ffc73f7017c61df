"""The checks for each exercise: ``exerciseN.py`` grades ``exerciseN.py`` of the submission."""
